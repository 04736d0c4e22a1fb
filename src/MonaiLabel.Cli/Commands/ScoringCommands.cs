using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel scoring start|stop|status</c>: the server's scoring task (e.g. dice of original vs final labels).</summary>
internal static class ScoringCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Scoring: start a method (see 'mlabel info'), stop, status.");
        branch.AddCommand<StartCommand>("start").WithDescription("Start a scoring method, e.g. dice.");
        branch.AddCommand<StopCommand>("stop").WithDescription("Stop the running scoring.");
        branch.AddCommand<StatusCommand>("status").WithDescription("Show the latest scoring task; --watch polls until it ends.");
    }

    internal sealed class Kind : TaskKind
    {
        public override string Title => "scoring";

        public override BackgroundTaskKind TaskKindOfSdk => BackgroundTaskKind.Scoring;

        public override Task<BackgroundTask> StatusAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.GetScoringStatusAsync(cancellationToken);

        public override Task<BackgroundTask?> StopAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.StopScoringAsync(cancellationToken);
    }

    internal sealed class StartCommand : TaskStartCommand<Kind, StartCommand.Settings>
    {
        public StartCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override Task<BackgroundTaskOperation> StartAsync(MonaiLabelClient client, Settings settings, CancellationToken cancellationToken) =>
            KnownNames.CheckedAsync(client, NameKind.ScoringMethod, settings.Method, () =>
                client.StartScoringAsync(settings.Method, JsonParams.ToDictionary(settings.Params), cancellationToken), cancellationToken);

        protected override string Title(Settings settings) => "scoring " + settings.Method;

        internal sealed class Settings : WatchSettings
        {
            [CommandArgument(0, "<METHOD>")]
            [Description("The scoring method, e.g. dice.")]
            public string Method { get; set; } = string.Empty;

            [CommandOption("--params <JSON>")]
            [Description("Scoring params: a JSON object, or @file.json.")]
            public string? Params { get; set; }

            protected override ValidationResult ValidateTask() => JsonParams.Check(Params);
        }
    }

    internal sealed class StopCommand : TaskStopCommand<Kind>
    {
        public StopCommand(CliContext cli)
            : base(cli)
        {
        }
    }

    internal sealed class StatusCommand : TaskStatusCommand<Kind>
    {
        public StatusCommand(CliContext cli)
            : base(cli)
        {
        }
    }
}
