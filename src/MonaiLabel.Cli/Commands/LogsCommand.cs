using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel logs [--lines N]</c>: the tail of the server's log.</summary>
internal sealed class LogsCommand : ClientCommand<LogsCommand.Settings>
{
    public LogsCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>Registers the command under <paramref name="name"/>, its name in <see cref="CommandList"/>.</summary>
    public static void Register(IConfigurator config, string name) =>
        config.AddCommand<LogsCommand>(name).WithDescription("Print the last lines of the server's log.");

    protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
    {
        var text = await server.Client.GetLogsAsync(settings.Lines, cancellationToken).ConfigureAwait(false);
        if (output.Json)
        {
            output.WriteJson(new { Lines = text.Split('\n', System.StringSplitOptions.RemoveEmptyEntries) });
        }
        else
        {
            if (text.Length > 0)
            {
                Cli.Stdout.Write(text.EndsWith('\n') ? text : text + "\n");
            }
        }

        return ExitCodes.Ok;
    }

    internal sealed class Settings : GlobalSettings
    {
        [CommandOption("--lines <N>")]
        [Description("How many lines. Default 300.")]
        [DefaultValue(300)]
        public int Lines { get; set; } = 300;

        protected override ValidationResult ValidateCommand() =>
            Lines < 1 ? ValidationResult.Error("--lines must be at least 1.") : ValidationResult.Success();
    }
}
