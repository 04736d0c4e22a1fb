using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel batch start|stop|status</c>: batch inference over the datastore.</summary>
internal static class BatchCommands
{
    private static readonly Dictionary<string, BatchInferImages> Images = new()
    {
        ["all"] = BatchInferImages.All,
        ["labeled"] = BatchInferImages.Labeled,
        ["unlabeled"] = BatchInferImages.Unlabeled,
    };

    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Batch inference over the datastore: start, stop, status.");
        branch.AddCommand<StartCommand>("start").WithDescription("Run a model on every selected image; labels are saved as 'original'.")
            .WithExample("batch", "start", "segmentation_spleen", "--images", "unlabeled", "--watch");
        branch.AddCommand<StopCommand>("stop").WithDescription("Stop the running batch inference.");
        branch.AddCommand<StatusCommand>("status").WithDescription("Show the latest batch-infer task; --watch polls until it ends.");
    }

    internal sealed class Kind : TaskKind
    {
        public override string Title => "batch infer";

        public override BackgroundTaskKind TaskKindOfSdk => BackgroundTaskKind.BatchInfer;

        public override Task<BackgroundTask> StatusAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.GetBatchInferStatusAsync(cancellationToken);

        public override Task<BackgroundTask?> StopAsync(MonaiLabelClient client, CancellationToken cancellationToken) =>
            client.StopBatchInferAsync(cancellationToken);
    }

    internal sealed class StartCommand : TaskStartCommand<Kind, StartCommand.Settings>
    {
        public StartCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override Task<BackgroundTaskOperation> StartAsync(MonaiLabelClient client, Settings settings, CancellationToken cancellationToken) =>
            KnownNames.CheckedAsync(client, NameKind.Model, settings.Model, () =>
                client.StartBatchInferAsync(settings.Model, Images[settings.Images], JsonParams.ToDictionary(settings.Params), cancellationToken), cancellationToken);

        protected override string Title(Settings settings) => $"batch infer of {settings.Model} ({settings.Images} images)";

        internal sealed class Settings : WatchSettings
        {
            [CommandArgument(0, "<MODEL>")]
            [Description("The model to run.")]
            public string Model { get; set; } = string.Empty;

            [CommandOption("--images <WHICH>")]
            [Description("Which images: all, labeled or unlabeled. Default: all.")]
            [DefaultValue("all")]
            public string Images { get; set; } = "all";

            [CommandOption("--params <JSON>")]
            [Description("Batch params (e.g. {\"label_tag\": \"original\", \"max_batch_size\": 10}): a JSON object, or @file.json.")]
            public string? Params { get; set; }

            protected override ValidationResult ValidateTask() =>
                !BatchCommands.Images.ContainsKey(Images)
                    ? ValidationResult.Error($"--images must be one of {string.Join(", ", BatchCommands.Images.Keys)}.")
                    : JsonParams.Check(Params);
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
