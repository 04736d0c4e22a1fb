using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel session create|get|delete</c>: a temporary server-side copy of an image for later infer calls.</summary>
internal static class SessionCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Sessions: a temporary copy of an image on the server that infer can use (--session ID).");
        branch.AddCommand<CreateCommand>("create").WithDescription("Upload an image into a new session; prints its id.");
        branch.AddCommand<GetCommand>("get").WithDescription("Show a session.");
        branch.AddCommand<DeleteCommand>("delete").WithDescription("Remove a session.");
    }

    internal class SessionSettings : GlobalSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The session id.")]
        public string Id { get; set; } = string.Empty;
    }

    internal static Table Describe(SessionInfo session, string id) => Output.KeyValues(
        new (string, string?)[]
        {
            ("id", id),
            ("name", session.Name),
            ("image", session.Image),
            ("path", session.Path),
            ("created", Output.Time(session.CreateTs)),
            ("last access", Output.Time(session.LastAccessTs)),
            ("expiry (s)", session.Expiry?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        },
        "session");

    internal sealed class CreateCommand : ClientCommand<CreateCommand.Settings>
    {
        public CreateCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
        {
            var result = await Transfers.UploadAsync(output, settings.Path, file =>
                server.Client.CreateSessionAsync(file, settings.Uncompress, settings.Expiry ?? 0, cancellationToken)).ConfigureAwait(false);
            output.Result(result, () =>
            {
                output.Line($"created session [cyan]{Output.Esc(result.SessionId)}[/] from {Output.Esc(settings.Path)}");
                if (result.SessionInfo != null)
                {
                    output.Console.Write(Describe(result.SessionInfo, result.SessionId ?? string.Empty));
                }
            });
            return ExitCodes.Ok;
        }

        internal sealed class Settings : GlobalSettings
        {
            [CommandArgument(0, "<PATH>")]
            [Description("The image file.")]
            public string Path { get; set; } = string.Empty;

            [CommandOption("--expiry <SECONDS>")]
            [Description("Seconds until the session expires; default: the server's.")]
            public int? Expiry { get; set; }

            [CommandOption("--uncompress")]
            [Description("The file is a zip or tar archive to unpack on the server.")]
            public bool Uncompress { get; set; }

            protected override ValidationResult ValidateCommand() =>
                !File.Exists(Path) ? ValidationResult.Error($"file '{Path}' does not exist.")
                : Expiry is < 0 ? ValidationResult.Error("--expiry cannot be negative.")
                : ValidationResult.Success();
        }
    }

    internal sealed class GetCommand : ClientCommand<SessionSettings>
    {
        public GetCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, SessionSettings settings, Output output, CancellationToken cancellationToken)
        {
            var session = await server.Client.GetSessionAsync(settings.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            output.Result(session, () => output.Console.Write(Describe(session, settings.Id)));
            return ExitCodes.Ok;
        }
    }

    internal sealed class DeleteCommand : ClientCommand<SessionSettings>
    {
        public DeleteCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, SessionSettings settings, Output output, CancellationToken cancellationToken)
        {
            var session = await server.Client.DeleteSessionAsync(settings.Id, cancellationToken).ConfigureAwait(false);
            output.Result(session, () => output.Line($"deleted session [cyan]{Output.Esc(settings.Id)}[/]"));
            return ExitCodes.Ok;
        }
    }
}
