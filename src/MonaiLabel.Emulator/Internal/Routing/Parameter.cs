using System;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>Where a parameter comes from; form and body parameters decide how the route reads its body.</summary>
internal enum ParameterSource
{
    Path,
    Query,
    Form,
    Body,
}

/// <summary>
/// A parameter a route declares, as a FastAPI endpoint's typed argument: the router reads every declared parameter
/// of a route, in declaration order, before its handler runs, and answers 422 with all their errors together. A
/// handler reads a value only through <see cref="Call.Get{T}"/>, which refuses a parameter its route did not declare.
/// </summary>
internal abstract class Parameter
{
    protected Parameter(string name, ParameterSource source)
    {
        Name = name;
        Source = source;
    }

    public string Name { get; }

    public ParameterSource Source { get; }

    /// <summary>Reads the value (boxed); a value that fails its check adds its pydantic-1 error to <paramref name="errors"/>.</summary>
    public abstract object? Read(Call call, JsonArray errors);
}

/// <summary>A parameter whose value a handler reads as <typeparamref name="T"/>.</summary>
internal sealed class Parameter<T> : Parameter
{
    private readonly Func<Call, JsonArray, T> read;

    public Parameter(string name, ParameterSource source, Func<Call, JsonArray, T> read)
        : base(name, source)
    {
        this.read = read;
    }

    public override object? Read(Call call, JsonArray errors) => read(call, errors);
}
