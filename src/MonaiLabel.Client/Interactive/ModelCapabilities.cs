using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// What one model takes, read from the server's <c>/info/</c>: its kind, dimension, labels, config and any extra
/// keys. Immutable: read it once (<see cref="MonaiLabelClient.GetModelCapabilitiesAsync(System.Threading.CancellationToken)"/>
/// or <see cref="FromAppInfo"/>) and hand it to every
/// <see cref="MonaiLabelClient.InferAsync(ModelCapabilities, InferRequest, System.Threading.CancellationToken)"/>:
/// prompts are checked against it on the client, so a click costs no extra round trip. Reading never throws: a
/// model without a type, labels of an odd shape or config values of any shape still give a usable object.
/// </summary>
public sealed class ModelCapabilities
{
    private static readonly IReadOnlyDictionary<string, JToken> NoExtras = new Dictionary<string, JToken>(0);

    private readonly HashSet<string> _labelNames;

    /// <summary>Reads the capabilities of <paramref name="name"/> from its <c>/info/</c> entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public ModelCapabilities(string name, ModelInfoEntry? entry)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A model name is required.", nameof(name));
        }

        Name = name;
        Kind = string.IsNullOrEmpty(entry?.Type) ? (ModelKind?)null : new ModelKind(entry!.Type!);
        Dimension = entry?.Dimension;
        Description = entry?.Description;
        Labels = InfoShapes.Labels(entry?.Labels);
        _labelNames = new HashSet<string>(Labels.Select(l => l.Name), StringComparer.Ordinal);
        Config = InfoShapes.Config(entry?.Config);
        AdditionalProperties = entry?.AdditionalProperties is { Count: > 0 } extra
            ? extra.ToDictionary(e => e.Key, e => InfoShapes.Token(e.Value), StringComparer.Ordinal)
            : NoExtras;
    }

    /// <summary>The model's name, as the infer route takes it.</summary>
    public string Name { get; }

    /// <summary>The model's kind (<c>type</c>); null when the server sent none. An unknown kind keeps its string.</summary>
    public ModelKind? Kind { get; }

    /// <summary>2 or 3 (<c>dimension</c>); null when the server sent none.</summary>
    public int? Dimension { get; }

    /// <summary>The server's description.</summary>
    public string? Description { get; }

    /// <summary>
    /// The labels, in the server's order, from a list of names (no index), a <c>{name: index}</c> map, or nothing
    /// (empty). Other shapes are read as far as they make sense: a single string is one label, items that are not
    /// names are skipped, an index that is not an integer is null.
    /// </summary>
    public IReadOnlyList<ModelLabel> Labels { get; }

    /// <summary>The model's config entries by key, each with its default and choices.</summary>
    public IReadOnlyDictionary<string, ModelConfigEntry> Config { get; }

    /// <summary>Keys of the model's entry besides type, labels, dimension, description and config (e.g. <c>nuclick</c>).</summary>
    public IReadOnlyDictionary<string, JToken> AdditionalProperties { get; }

    /// <summary>Whether the model lists a label called <paramref name="name"/> (ordinal).</summary>
    public bool HasLabel(string name) => name != null && _labelNames.Contains(name);

    /// <summary>
    /// The default of every config entry (first element of a list value), as 3D Slicer sends them with each infer:
    /// put them in <see cref="InferRequest.Params"/> to send the same, and change what the user chose.
    /// </summary>
    public IDictionary<string, object?> GetConfigDefaults() =>
        Config.ToDictionary(c => c.Key, c => (object?)c.Value.Default, StringComparer.Ordinal);

    /// <summary>
    /// Checks <paramref name="request"/> (its <see cref="InferRequest.Prompt"/>, result options and inputs) against
    /// this model without sending anything, as
    /// <see cref="MonaiLabelClient.InferAsync(ModelCapabilities, InferRequest, System.Threading.CancellationToken)"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">The request does not fit the model; the message names the model, the
    /// prompt field and what it expects.</exception>
    public void Validate(InferRequest request)
    {
        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        PromptRules.Check(Name, this, request);
    }

    /// <summary>The capabilities of every model of <paramref name="info"/>, by name (ordinal).</summary>
    public static IReadOnlyDictionary<string, ModelCapabilities> FromAppInfo(AppInfo info)
    {
        if (info == null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        var models = new Dictionary<string, ModelCapabilities>(StringComparer.Ordinal);
        foreach (var model in info.Models ?? new Dictionary<string, ModelInfoEntry>())
        {
            if (!string.IsNullOrEmpty(model.Key))
            {
                models[model.Key] = new ModelCapabilities(model.Key, model.Value);
            }
        }

        return models;
    }

    /// <summary>Name, kind and dimension, as refusals name the model: <c>Model 'sam_2d' (deepgrow, 2D)</c>.</summary>
    public override string ToString() => PromptRules.Describe(Name, this);
}
