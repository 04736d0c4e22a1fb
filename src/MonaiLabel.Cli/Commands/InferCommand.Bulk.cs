using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel infer MODEL --all | --ids FILE | --unlabeled TAG</c>: many images through the SDK's resumable bulk infer.</summary>
internal sealed partial class InferCommand
{
    private static Task<int> RunBulkAsync(ServerConnection server, Settings settings, ImageSelection selection, Output output, CancellationToken cancellationToken) =>
        BulkDisplay.RunAsync(
            output, "infer " + settings.Model,
            (progress, stop) => server.Client.InferManyAsync(settings.Model, selection, new BulkInferOptions
            {
                MaxConcurrency = settings.Concurrency,
                Params = JsonParams.ToDictionary(settings.Params),
                ResultDirectory = settings.OutDirectory,
                SaveAsTag = settings.SaveAs,
                Progress = progress,
                StopToken = stop,
                SkipCompleted = !settings.Overwrite,
            }, cancellationToken),
            o => new JObject { ["result_path"] = o.ResultPath, ["saved_as"] = o.SavedLabel == null ? null : settings.SaveAs },
            cancellationToken);

    internal sealed partial class Settings
    {
        [CommandOption("--all")]
        [Description("Run on every image of the datastore (results saved as <image>_<model>; done ones skipped: run again to resume).")]
        public bool All { get; set; }

        [CommandOption("--ids <FILE>")]
        [Description("Run on the image ids listed in FILE, one per line ('-' reads stdin).")]
        public string? Ids { get; set; }

        [CommandOption("--unlabeled <TAG>")]
        [Description("Run on the images without a label under TAG.")]
        public string? Unlabeled { get; set; }

        [CommandOption("--concurrency <N>")]
        [Description("With --all/--ids/--unlabeled: images at once (default 2, at most 64; MONAI Label runs infers one after another).")]
        public int Concurrency { get; set; } = 2;

        [CommandOption("--save-as <TAG>")]
        [Description("With --all/--ids/--unlabeled: also save each result on the server as the image's label under TAG (images that have one are skipped).")]
        public string? SaveAs { get; set; }

        public bool IsBulk => All || Ids != null || Unlabeled != null;

        /// <summary>The images of a bulk run, or null for a single infer.</summary>
        public ImageSelection? Selection =>
            All ? ImageSelection.All
            : Unlabeled != null ? ImageSelection.WithoutLabel(Unlabeled)
            : Ids != null ? ImageSelection.FromIds(ReadIds(Ids))
            : null;

        private static string[] ReadIds(string path) =>
            (path == "-" ? Console.In.ReadToEnd() : System.IO.File.ReadAllText(path))
                .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

        private ValidationResult? ValidateBulk()
        {
            var selectors = (All ? 1 : 0) + (Ids != null ? 1 : 0) + (Unlabeled != null ? 1 : 0);
            if (selectors == 0)
            {
                return Concurrency != 2 || SaveAs != null ? ValidationResult.Error("--concurrency and --save-as go with --all, --ids FILE or --unlabeled TAG.") : null;
            }

            if (selectors > 1)
            {
                return ValidationResult.Error("give one of --all, --ids FILE, --unlabeled TAG.");
            }

            if (Image != null || File != null || Session != null || Name != null || Label != null || Output != null)
            {
                return ValidationResult.Error("--all, --ids and --unlabeled choose the images: --image, --file, --session, --label, --output and --name go with a single infer.");
            }

            if (Ids != null && Ids != "-" && !System.IO.File.Exists(Ids))
            {
                return ValidationResult.Error($"--ids: file '{Ids}' does not exist.");
            }

            if (Unlabeled?.Length == 0 || SaveAs?.Length == 0)
            {
                return ValidationResult.Error("a label tag cannot be empty.");
            }

            return Concurrency is < 1 or > 64 ? ValidationResult.Error("--concurrency must be between 1 and 64.") : JsonParams.Check(Params);
        }
    }
}
