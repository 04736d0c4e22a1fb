using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Emulator;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// A command that talks to a server: finds it (<see cref="ServerTarget"/>: --server, MONAILABEL_SERVER, the stored
/// login, or --emulator), opens the connection, runs, and closes it. Failures propagate to
/// <see cref="Program.RunAsync(string[], System.IO.TextWriter, System.IO.TextWriter, CliEnvironment, CancellationToken)"/>,
/// which turns them into one line and an exit code.
/// </summary>
internal abstract class ClientCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected ClientCommand(CliContext cli) => Cli = cli;

    protected CliContext Cli { get; }

    /// <summary>False for commands that handle the credentials themselves (auth login).</summary>
    protected virtual bool SendCredentials => true;

    /// <summary>True for <c>demo</c>: with no server given at all it runs against the emulator instead of failing.</summary>
    protected virtual bool EmulatorWhenNoServer => false;

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var target = ServerTarget.Resolve(settings, Cli, EmulatorWhenNoServer, SendCredentials);
        await using var server = await ServerConnection.OpenAsync(target, settings, Cli, EmulatorOptions(settings, target), SendCredentials, cancellationToken)
            .ConfigureAwait(false);
        return await RunAsync(server, settings, new Output(Cli, settings.Json), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The emulator a command wants when it runs against one; null for the default (3 sample images).</summary>
    protected virtual MonaiLabelEmulatorOptions? EmulatorOptions(TSettings settings, ServerTarget target) => null;

    protected abstract Task<int> RunAsync(ServerConnection server, TSettings settings, Output output, CancellationToken cancellationToken);
}
