using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel train start|stop|status</c>: the server's training task.</summary>
internal static class TrainCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Training: start (one model or all), stop, status (--watch follows it to the end).");
        branch.AddCommand<StartCommand>("start").WithDescription("Start training a model (every trainer when no MODEL is given).")
            .WithExample("train", "start", "segmentation_spleen", "--params", "'{\"max_epochs\": 10}'", "--watch");
        branch.AddCommand<StopCommand>("stop").WithDescription("Stop the running training.");
        branch.AddCommand<StatusCommand>("status").WithDescription("Show the latest training task; --watch polls until DONE, STOPPED or FAILED.");
    }

    internal sealed class Kind : TaskKind
    {
        public override string Title => "training";

        public override BackgroundTaskKind TaskKindOfSdk => BackgroundTaskKind.Training;

        public override Task<BackgroundTask> StatusAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.GetTrainingStatusAsync(cancellationToken);

        public override Task<BackgroundTask?> StopAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.StopTrainingAsync(cancellationToken);
    }

    internal sealed class StartCommand : TaskStartCommand<Kind, StartCommand.Settings>
    {
        public StartCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override Task<BackgroundTaskOperation> StartAsync(MonaiLabelClient client, Settings settings, CancellationToken cancellationToken) =>
            KnownNames.CheckedAsync(client, NameKind.Trainer, string.IsNullOrEmpty(settings.Model) ? null : settings.Model, () => client.StartTrainingAsync(
                string.IsNullOrEmpty(settings.Model) ? null : settings.Model,
                JsonParams.ToDictionary(settings.Params),
                cancellationToken: cancellationToken), cancellationToken);

        protected override string Title(Settings settings) => "training";

        internal sealed class Settings : WatchSettings
        {
            [CommandArgument(0, "[MODEL]")]
            [Description("The model to train; default: every trainer of the app.")]
            public string? Model { get; set; }

            [CommandOption("--params <JSON>")]
            [Description("Training params (e.g. {\"max_epochs\": 10}): a JSON object, or @file.json.")]
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
