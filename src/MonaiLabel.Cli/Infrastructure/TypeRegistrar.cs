using System;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// A small container for Spectre.Console.Cli: commands get the run's <see cref="CliContext"/> through their
/// constructor. One per run, so concurrent in-process runs share nothing.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<object>>> factories = new();

    public TypeRegistrar(CliContext cli)
    {
        RegisterInstance(typeof(CliContext), cli);
    }

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, () => lazy.Value);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!factories.TryGetValue(service, out var list))
        {
            factories[service] = list = new List<Func<object>>();
        }

        list.Add(factory);
    }

    public ITypeResolver Build() => new Resolver(this);

    private object? Resolve(Type? type)
    {
        if (type == null)
        {
            return null;
        }

        if (factories.TryGetValue(type, out var registered))
        {
            return registered[^1]();
        }

        // Spectre asks for IEnumerable<T> of services registered several times (help providers, interceptors).
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var all = factories.TryGetValue(element, out var list) ? list.Select(f => f()).ToList() : new List<object>();
            var array = Array.CreateInstance(element, all.Count);
            for (var i = 0; i < all.Count; i++)
            {
                array.SetValue(all[i], i);
            }

            return array;
        }

        // Our own commands and settings are built here; anything else is left to Spectre's own fallback.
        return type.IsAbstract || type.IsInterface || type.Assembly != typeof(TypeRegistrar).Assembly ? null : Create(type);
    }

    private object Create(Type type)
    {
        // The constructor with the most parameters that can all be resolved.
        foreach (var ctor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = ctor.GetParameters();
            var values = new object?[parameters.Length];
            var ok = true;
            for (var i = 0; i < parameters.Length && ok; i++)
            {
                values[i] = Resolve(parameters[i].ParameterType);
                ok = values[i] != null;
            }

            if (ok)
            {
                return ctor.Invoke(values);
            }
        }

        return Activator.CreateInstance(type)!;
    }

    private sealed class Resolver : ITypeResolver
    {
        private readonly TypeRegistrar registrar;

        public Resolver(TypeRegistrar registrar) => this.registrar = registrar;

        public object? Resolve(Type? type) => registrar.Resolve(type);
    }
}
