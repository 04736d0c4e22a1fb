using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Emulator;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// A command that talks to a server: opens the connection (--server, or the emulator), runs, and closes it.
/// Failures propagate to <see cref="Program.RunAsync"/>, which turns them into one line and an exit code.
/// </summary>
internal abstract class ClientCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected ClientCommand(CliContext cli) => Cli = cli;

    protected CliContext Cli { get; }

    /// <summary>False for commands that handle the credentials themselves (auth login).</summary>
    protected virtual bool SendCredentials => true;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await using var server = await ServerConnection.OpenAsync(settings, Cli, EmulatorOptions(settings), SendCredentials, cancellationToken)
            .ConfigureAwait(false);
        return await RunAsync(server, settings, new Output(Cli, settings.Json), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The emulator a command wants when no --server is given; null for the default (3 sample images).</summary>
    protected virtual MonaiLabelEmulatorOptions? EmulatorOptions(TSettings settings) => null;

    protected abstract Task<int> RunAsync(ServerConnection server, TSettings settings, Output output, CancellationToken cancellationToken);
}
