using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>
/// The target's servers for the whole run: one with auth off (started at once) and one with auth on (started on
/// first need). Scenarios share them and keep apart by unique image ids; a scenario that needs an empty datastore
/// starts its own with <see cref="Target.StartAsync"/>. With the real target, <c>MONAILABEL_CONFORMANCE_REAL_URL</c>
/// <c>MONAILABEL_CONFORMANCE_REAL_AUTH_URL</c> and <c>MONAILABEL_CONFORMANCE_REAL_INTERACTIVE_URL</c> name servers already running (.ci/run starts them, so the
/// Python seed client runs on the same servers afterwards); they are used instead and left running.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim authLock = new(1, 1);
    private IServerUnderTest? plain;
    private IServerUnderTest? auth;
    private IServerUnderTest? interactive;

    public Uri Url => plain!.Url;

    public async Task<Uri> AuthUrlAsync()
    {
        await authLock.WaitAsync();
        try
        {
            auth ??= External("MONAILABEL_CONFORMANCE_REAL_AUTH_URL") ?? await Target.StartAsync(auth: true);
            return auth.Url;
        }
        finally
        {
            authLock.Release();
        }
    }

    /// <summary>
    /// A server that also serves the interactive models (mlref <c>--interactive</c>; the emulator's
    /// <c>Interactive</c> option), started on first need, or <c>MONAILABEL_CONFORMANCE_REAL_INTERACTIVE_URL</c>.
    /// </summary>
    public async Task<Uri> InteractiveUrlAsync()
    {
        await authLock.WaitAsync();
        try
        {
            interactive ??= External("MONAILABEL_CONFORMANCE_REAL_INTERACTIVE_URL") ?? await Target.StartAsync(interactive: true);
            return interactive.Url;
        }
        finally
        {
            authLock.Release();
        }
    }

    public async Task InitializeAsync() => plain = External("MONAILABEL_CONFORMANCE_REAL_URL") ?? await Target.StartAsync();

    private static IServerUnderTest? External(string variable)
    {
        var url = Environment.GetEnvironmentVariable(variable);
        return Target.IsReal && !string.IsNullOrWhiteSpace(url) ? new ExternalServer(new Uri(url.TrimEnd('/') + "/")) : null;
    }

    private sealed class ExternalServer(Uri url) : IServerUnderTest
    {
        public Uri Url { get; } = url;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (plain != null)
        {
            await plain.DisposeAsync();
        }

        if (auth != null)
        {
            await auth.DisposeAsync();
        }

        if (interactive != null)
        {
            await interactive.DisposeAsync();
        }

        authLock.Dispose();
    }
}

/// <summary>Every scenario class is in this one collection: they run one after another (tasks are one at a time on a server).</summary>
[CollectionDefinition(Name)]
public sealed class TargetCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "conformance target";
}
