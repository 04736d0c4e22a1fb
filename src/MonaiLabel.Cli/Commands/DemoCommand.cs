using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using MonaiLabel.Emulator;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// <c>mlabel demo</c>: the active-learning loop end to end — info, next sample, infer, save the label as final,
/// train, watch it finish, download the label and the trained model — against the emulator (default) or --server.
/// </summary>
internal sealed class DemoCommand : ClientCommand<DemoCommand.Settings>
{
    private const int Steps = 7;

    public DemoCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>Registers the command under <paramref name="name"/>, its name in <see cref="CommandList"/>.</summary>
    public static void Register(IConfigurator config, string name) =>
        config.AddCommand<DemoCommand>(name)
            .WithDescription("Run the active-learning loop end to end (info, next sample, infer, save label, train, download) and save the files.")
            .WithExample("demo")
            .WithExample("demo", "--server", "http://127.0.0.1:8000", "--model", "segmentation_spleen", "--out", "results");

    // The demo is for trying mlabel out: with no server given anywhere it needs none.
    protected override bool EmulatorWhenNoServer => true;

    protected override MonaiLabelEmulatorOptions? EmulatorOptions(Settings settings, ServerTarget target)
    {
        var options = ServerConnection.DefaultEmulatorOptions(target);
        options.SampleImages = 4;
        options.TaskDuration = TimeSpan.FromSeconds(2);
        return options;
    }

    protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
    {
        var client = server.Client;
        var results = settings.OutDirectory;
        var where = server.Emulator != null
            ? $"the in-process emulator at {server.Url} ({server.Emulator.Options.SampleImages} generated sample volumes, {TaskStart.Seconds(server.Emulator.Options.TaskDuration)} s training)"
            : server.Url.ToString();
        output.Line("[bold]MONAI Label demo[/]: the active-learning loop, step by step");
        output.Line($"server:  {Output.Esc(where)}");
        output.Line($"results: {Output.Esc(results)}");

        // 1. What the server offers.
        Step(output, 1, "info", "what the server offers");
        var info = await client.GetAppInfoAsync(cancellationToken).ConfigureAwait(false);
        var models = info.Models?.Keys.ToList() ?? new List<string>();
        var trainers = info.Trainers?.Keys.ToList() ?? new List<string>();
        output.Line($"   {Output.Esc(info.Name)} {Output.Esc(info.Version)}");
        output.Line($"   models: {Output.Esc(string.Join(", ", models))}; trainers: {Output.Esc(trainers.Count == 0 ? "none" : string.Join(", ", trainers))}");
        output.Line($"   strategies: {Output.Esc(string.Join(", ", info.Strategies?.Keys ?? Array.Empty<string>()))}; " +
                    $"datastore: {info.Datastore?.Total ?? 0} images, {info.Datastore?.Completed ?? 0} with a final label");
        var model = settings.Model ?? models.FirstOrDefault()
            ?? throw new UsageException("the server has no models; nothing to demonstrate.");
        if (!models.Contains(model))
        {
            throw new UsageException($"--model '{model}' is not one of the server's models ({string.Join(", ", models)}).");
        }

        // 2. Active learning picks the next image to annotate.
        Step(output, 2, "next sample", $"active learning picks the image to annotate (strategy {settings.Strategy})");
        var sample = await client.GetNextSampleAsync(settings.Strategy, null, cancellationToken).ConfigureAwait(false);
        var image = sample.Id;
        if (string.IsNullOrEmpty(image))
        {
            var listing = await client.GetDatastoreAsync(cancellationToken).ConfigureAwait(false);
            image = listing.Objects?.Keys.OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new UsageException("the datastore has no images: add one with 'mlabel datastore upload PATH'.");
            output.Line($"   every image already has a final label; using [cyan]{Output.Esc(image)}[/]");
        }
        else
        {
            output.Line($"   -> [cyan]{Output.Esc(image)}[/]");
        }

        // 3. The model labels it (the multipart answer: params JSON + the label file), saved by the SDK as <image>_<model>.nii.gz.
        Step(output, 3, "infer", $"{model} on {image} (a multipart answer: params and the label file)");
        var inferDirectory = Path.Combine(results, "infer");
        var inference = await Transfers.RunAsync(output, "infer " + model, null, transfer =>
            client.InferAsync(model, new InferRequest { ImageId = image, ResultDirectory = inferDirectory, Overwrite = true, Progress = transfer }, cancellationToken))
            .ConfigureAwait(false);
        var predicted = inference.Label
            ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The infer answer of {model} has no label file.");
        output.Line($"   label saved to {Output.Esc(predicted.Path)} ({Output.Bytes(predicted.Length)})");
        if (inference.Params != null)
        {
            var names = inference.Params["label_names"];
            var latency = inference.Params["latencies"]?["total"];
            var seconds = latency is Newtonsoft.Json.Linq.JValue { Value: IConvertible } value
                ? Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
                : null;
            output.Line($"   label names: {Output.Esc(InfoCommand.Labels(names))}" + (seconds == null ? string.Empty : $"; server latency {seconds} s"));
        }

        // 4. The annotator accepts it: saved as the image's final label.
        Step(output, 4, "save label", $"the reviewed label becomes {image}'s final label");
        var saved = await Transfers.UploadAsync(output, predicted.Path, file => client.UploadLabelAsync(image, file, "final", null, cancellationToken))
            .ConfigureAwait(false);
        output.Line($"   -> label [cyan]{Output.Esc(saved.Label ?? image)}[/] saved with tag final");

        // 5 and 6. Train on the labeled images and follow the task to its end.
        var trainModel = trainers.Contains(model) ? model : trainers.FirstOrDefault();
        BackgroundTask? training = null;
        if (trainModel == null)
        {
            Step(output, 5, "train", "skipped: the server has no trainers");
            Step(output, 6, "watch training", "skipped");
        }
        else
        {
            Step(output, 5, "train", $"start training {trainModel} on the labeled images ({settings.Epochs} epochs)");
            var started = await client.StartTrainingAsync(
                trainModel, new Dictionary<string, object?> { ["max_epochs"] = settings.Epochs }, cancellationToken: cancellationToken).ConfigureAwait(false);
            output.Line($"   task {Output.Esc(started.Id)} ({Output.Esc(started.Status?.ToString())})");

            Step(output, 6, "watch training", "poll the task until it is DONE, STOPPED or FAILED");
            training = await TaskWatcher.WatchAsync(output, "training " + trainModel, started, settings.IntervalValue, cancellationToken)
                .ConfigureAwait(false);
            if (training.Status != BackgroundTaskState.Done)
            {
                output.Line($"[red]training ended {Output.Esc(training.Status?.ToString())}[/]: {Output.Esc(training.Details?.LastOrDefault())}");
                Cli.Stderr.WriteLine($"error: training of {trainModel} ended {training.Status}");
                return ExitCodes.ServerError;
            }
        }

        // 7. Take the results home.
        var weightsOf = trainModel ?? model;
        Step(output, 7, "download", $"the final label of {image} and the weights of {weightsOf}");
        var label = await Transfers.DownloadAsync(
            output, $"label {image}",
            progress => client.DownloadLabelToAsync(image, "final", Path.Combine(results, "labels"), true, progress, cancellationToken)).ConfigureAwait(false);
        output.Line($"   label -> {Output.Esc(label.Path)} ({Output.Bytes(label.Length)})");
        var weights = await Transfers.DownloadAsync(
            output, $"model {weightsOf}",
            progress => client.DownloadModelToAsync(weightsOf, Path.Combine(results, "models"), true, progress, cancellationToken)).ConfigureAwait(false);
        output.Line($"   model -> {Output.Esc(weights.Path)} ({Output.Bytes(weights.Length)})");

        output.Line(string.Empty);
        output.Line($"[green]Done[/]: the loop ran end to end. Files in {Output.Esc(results)}:");
        output.Line($"   {Output.Esc(Path.GetRelativePath(results, predicted.Path))}  the model's label for {Output.Esc(image)}");
        output.Line($"   {Output.Esc(Path.GetRelativePath(results, label.Path))}  the final label, as the server stores it");
        output.Line($"   {Output.Esc(Path.GetRelativePath(results, weights.Path))}  the weights of {Output.Esc(weightsOf)}{(training == null ? string.Empty : " after training")}");

        if (output.Json)
        {
            output.WriteJson(new
            {
                Server = server.Url.ToString(),
                Emulator = server.Emulator != null,
                Results = results,
                Model = model,
                Image = image,
                Infer = new { inference.Params, Label = predicted },
                SavedLabel = saved,
                Training = training,
                Label = label,
                Weights = weights,
            });
        }

        return ExitCodes.Ok;
    }

    private static void Step(Output output, int number, string title, string what) =>
        output.Line($"[bold]{number}/{Steps} {Output.Esc(title)}[/] - {Output.Esc(what)}");

    internal sealed class Settings : GlobalSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Where the files go (created if missing). Default: ./monailabel-demo-results.")]
        public string? Out { get; set; }

        [CommandOption("--model <MODEL>")]
        [Description("The model to infer with and train. Default: the first model in 'info'.")]
        public string? Model { get; set; }

        [CommandOption("--strategy <STRATEGY>")]
        [Description("The active-learning strategy. Default: random.")]
        [DefaultValue("random")]
        public string Strategy { get; set; } = "random";

        [CommandOption("--epochs <N>")]
        [Description("Training epochs (max_epochs). Default: 5.")]
        [DefaultValue(5)]
        public int Epochs { get; set; } = 5;

        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between polls of the training status. Default: 0.5.")]
        public string? Interval { get; set; }

        public TimeSpan IntervalValue { get; private set; } = TimeSpan.FromSeconds(0.5);

        public string OutDirectory => Path.GetFullPath(string.IsNullOrEmpty(Out) ? "monailabel-demo-results" : Out);

        protected override ValidationResult ValidateCommand()
        {
            if (Epochs < 1)
            {
                return ValidationResult.Error("--epochs must be at least 1.");
            }

            if (Interval != null)
            {
                if (!TryParseDuration(Interval, out var interval) || interval < TimeSpan.FromMilliseconds(50))
                {
                    return ValidationResult.Error($"--interval '{Interval}' is not a duration of at least 50 ms.");
                }

                IntervalValue = interval;
            }

            return ValidationResult.Success();
        }
    }
}
