using System.Collections.Generic;
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

/// <summary><c>mlabel infer MODEL</c>: runs a model on a datastore image, an uploaded file or a session; saves every result file.</summary>
internal sealed partial class InferCommand : ClientCommand<InferCommand.Settings>
{
    private static readonly Dictionary<string, InferOutput> Outputs = new()
    {
        ["all"] = InferOutput.All,
        ["image"] = InferOutput.Image,
        ["json"] = InferOutput.Json,
        ["dicom_seg"] = InferOutput.DicomSeg,
    };

    public InferCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>Registers the command under <paramref name="name"/>, its name in <see cref="CommandList"/>.</summary>
    public static void Register(IConfigurator config, string name) =>
        config.AddCommand<InferCommand>(name)
            .WithDescription("Run a model on an image (--image ID, --file PATH or --session ID) and save the result files.")
            .WithExample("infer", "segmentation_spleen", "--image", "spleen_10", "--out", "results")
            .WithExample("infer", "segmentation_spleen", "--image", "spleen_10", "--name", "spleen_10_auto.nii.gz")
            .WithExample("infer", "deepedit", "--file", "case.nii.gz", "--params", "'{\"foreground\": [[10, 20, 30]]}'")
            .WithExample("infer", "segmentation_spleen", "--unlabeled", "final", "--save-as", "final", "--concurrency", "2")
            .WithExample("infer", "sam_2d", "--image", "spleen_10", "--fg", "120,88,40", "--bg", "60,60,40", "--slice", "40")
            .WithExample("infer", "deepedit", "--image", "spleen_10", "--point", "spleen=120,88,40", "--label-name", "spleen")
            .WithExample("infer", "Histogram+GraphCut", "--image", "spleen_10", "--scribbles", "scribbles.nrrd", "--label-info", "background_scribbles=2", "--label-info", "foreground_scribbles=3");

    protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
    {
        if (settings.Selection is { } selection)
        {
            return await RunBulkAsync(server, settings, selection, output, cancellationToken).ConfigureAwait(false);
        }

        var result = await Transfers.RunAsync(output, $"infer {settings.Model}", null, transfer => KnownNames.CheckedAsync(server.Client, NameKind.Model, settings.Model, () =>
            InferPrompts.InferAsync(server.Client, settings.Model, settings, new InferRequest
            {
                ImageId = settings.Image,
                SessionId = settings.Session,
                File = settings.File == null ? null : FileParameter.FromFile(settings.File),
                Label = settings.Label == null ? null : FileParameter.FromFile(settings.Label),
                Output = settings.Output == null ? null : Outputs[settings.Output],
                Params = JsonParams.ToDictionary(settings.Params),
                ResultDirectory = settings.OutDirectory,
                ResultFileName = settings.Name,
                Overwrite = settings.Overwrite,
                Progress = transfer,
            }, cancellationToken), cancellationToken)).ConfigureAwait(false);

        output.Result(result, () => Show(output, settings.Model, result));
        return ExitCodes.Ok;
    }

    // The embedded emulator serves the interactive models too when a prompt is given (deepgrow, SAM2, scribbles).
    protected override MonaiLabel.Emulator.MonaiLabelEmulatorOptions? EmulatorOptions(Settings settings, ServerTarget target)
    {
        if (!settings.HasPrompt)
        {
            return null;
        }

        var options = ServerConnection.DefaultEmulatorOptions(target);
        options.Interactive = true;
        return options;
    }

    internal static void Show(Output output, string model, InferResult result)
    {
        if (result.Files.Count == 0)
        {
            output.Line($"[cyan]{Output.Esc(model)}[/] answered without a file");
        }

        foreach (var file in result.Files)
        {
            output.Line($"saved result of [cyan]{Output.Esc(model)}[/] to {Output.Esc(file.Path)} ({Output.Bytes(file.Length)}{(file.ContentType == null ? string.Empty : ", " + Output.Esc(file.ContentType))})");
        }

        if (result.Params is { Count: > 0 } parameters)
        {
            output.Console.Write(Output.KeyValues(parameters.Properties().Select(p => (p.Name, (string?)Output.Compact(p.Value))), "result params"));
        }
    }

    internal sealed partial class Settings : InferPromptSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("The model (see 'mlabel info').")]
        public string Model { get; set; } = string.Empty;

        [CommandOption("--image <ID>")]
        [Description("A datastore image to run on.")]
        public string? Image { get; set; }

        [CommandOption("--file <PATH>")]
        [Description("An image file to upload and run on.")]
        public string? File { get; set; }

        [CommandOption("--session <ID>")]
        [Description("A session (see 'mlabel session create') whose image to run on.")]
        public string? Session { get; set; }

        [CommandOption("--label <PATH>")]
        [Description("A label file sent with the request (e.g. scribbles for interactive models).")]
        public string? Label { get; set; }

        [CommandOption("--output <KIND>")]
        [Description("What the server answers: all (params and label, multipart), image, json or dicom_seg. Default: the server's choice.")]
        public string? Output { get; set; }

        [CommandOption("--name <FILE>")]
        [Description("The result's file name. Default: <image>_<model> with the server's extension (spleen_10_segmentation_spleen.nii.gz); a session id or the --file's stem stands for the image. Further files: <stem>_1<ext>, ...")]
        public string? Name { get; set; }

        [CommandOption("--params <JSON>")]
        [Description("Model params: a JSON object, or @file.json.")]
        public string? Params { get; set; }

        protected override ValidationResult ValidateCommand()
        {
            if (ValidateBulk() is { } bulk)
            {
                return bulk;
            }

            if (Image == null && File == null && Session == null && !IsBulk)
            {
                return ValidationResult.Error("give the input: --image ID, --file PATH or --session ID (or many: --all, --ids FILE, --unlabeled TAG).");
            }

            if (Image != null && File != null)
            {
                return ValidationResult.Error("give either --image or --file, not both.");
            }

            foreach (var (option, path) in new[] { ("--file", File), ("--label", Label) })
            {
                if (path != null && !System.IO.File.Exists(path))
                {
                    return ValidationResult.Error($"{option}: file '{path}' does not exist.");
                }
            }

            if (Output != null && !Outputs.ContainsKey(Output))
            {
                return ValidationResult.Error($"--output must be one of {string.Join(", ", Outputs.Keys)}.");
            }

            return JsonParams.Check(Params);
        }
    }
}
