using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli's registrar over Microsoft.Extensions.DependencyInjection: Spectre registers the commands, their
/// settings and its own services here, and the commands get the run's <see cref="CliContext"/> through their
/// constructor. One per run, so concurrent in-process runs share nothing; the container is disposed with the resolver
/// Spectre disposes when the run ends. No reflection of its own: the container builds what Spectre registers.
/// </summary>
internal sealed class ServiceCollectionRegistrar : ITypeRegistrar
{
    private readonly IServiceCollection _services;

    public ServiceCollectionRegistrar(IServiceCollection services) => _services = services;

    /// <summary>A registrar whose container holds <paramref name="cli"/> for the commands' constructors.</summary>
    public static ServiceCollectionRegistrar For(CliContext cli) => new(new ServiceCollection().AddSingleton(cli));

    // Transient, as Spectre's own registrar: a run resolves each command and settings type once.
    [UnconditionalSuppressMessage(
        "Trimming", "IL2067", Justification = "Spectre registers types of this assembly and its own (commands, settings, its pair " +
        "deconstructor), both kept whole by TrimmerRootAssembly in the csproj, so their constructors are there.")]
    public void Register(Type service, Type implementation) => _services.AddTransient(service, implementation);

    public void RegisterInstance(Type service, object implementation) => _services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => _services.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new Resolver(_services.BuildServiceProvider());

    private sealed class Resolver : ITypeResolver, IDisposable
    {
        private readonly ServiceProvider _provider;

        public Resolver(ServiceProvider provider) => _provider = provider;

        // Null for a type nobody registered: Spectre then creates it itself.
        public object? Resolve(Type? type) => type == null ? null : _provider.GetService(type);

        public void Dispose() => _provider.Dispose();
    }
}
