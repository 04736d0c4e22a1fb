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

/// <summary><c>mlabel datastore list|stats|upload|download|delete|info</c>: the server's images.</summary>
internal static class DatastoreCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("The datastore's images: list, stats, upload, download, delete, info.");
        branch.AddCommand<ListCommand>("list").WithDescription("List the images and their label tags.");
        branch.AddCommand<StatsCommand>("stats").WithDescription("Count the images and labels by tag.");
        branch.AddCommand<UploadCommand>("upload").WithDescription("Add image files to the datastore: files and folders (recursive), resumable.")
            .WithExample("datastore", "upload", "spleen_10.nii.gz", "--id", "spleen_10")
            .WithExample("datastore", "upload", "scans/", "--concurrency", "8");
        branch.AddCommand<DownloadCommand>("download").WithDescription("Save an image to a folder (default: the current one), or every image with --all DIR.")
            .WithExample("datastore", "download", "--all", "dataset", "--labels", "final");
        branch.AddCommand<DeleteCommand>("delete").WithDescription("Remove an image and its labels.");
        branch.AddCommand<InfoCommand>("info").WithDescription("Show an image's info (name, time added, strategy, user).");
    }

    internal class ImageSettings : GlobalSettings
    {
        [CommandArgument(0, "<IMAGE>")]
        [Description("The image id.")]
        public string Image { get; set; } = string.Empty;
    }

    internal sealed class ListCommand : ClientCommand<GlobalSettings>
    {
        public ListCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, GlobalSettings settings, Output output, CancellationToken cancellationToken)
        {
            var listing = await server.Client.GetDatastoreAsync(cancellationToken).ConfigureAwait(false);
            output.Result(listing, () =>
            {
                var objects = listing.Objects ?? new System.Collections.Generic.Dictionary<string, ImageEntry>();
                var table = new Table().Border(TableBorder.Rounded)
                    .Title($"{Output.Esc(listing.Name ?? "datastore")}: {objects.Count} images")
                    .AddColumn("[bold]image[/]").AddColumn("[bold]labels[/]").AddColumn("[bold]file[/]").AddColumn("[bold]added[/]");
                foreach (var (id, entry) in objects.OrderBy(kv => kv.Key, System.StringComparer.Ordinal))
                {
                    var tags = entry.Labels == null || entry.Labels.Count == 0 ? "-" : string.Join(", ", entry.Labels.Keys.OrderBy(t => t, System.StringComparer.Ordinal));
                    table.AddRow(Output.Esc(id), Output.Esc(tags), Output.Esc(entry.Image?.Info?.Name), Output.Esc(Output.Time(entry.Image?.Info?.Ts)));
                }

                output.Console.Write(table);
            });
            return ExitCodes.Ok;
        }
    }

    internal sealed class StatsCommand : ClientCommand<GlobalSettings>
    {
        public StatsCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, GlobalSettings settings, Output output, CancellationToken cancellationToken)
        {
            var stats = await server.Client.GetDatastoreStatsAsync(cancellationToken).ConfigureAwait(false);
            output.Result(stats, () =>
            {
                var table = new Table().Border(TableBorder.Rounded).Title("datastore").AddColumn("[bold]count[/]").AddColumn(new TableColumn("[bold]n[/]").RightAligned());
                table.AddRow("images", (stats.Total ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                table.AddRow("with a final label", (stats.Completed ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var (tag, count) in stats.LabelTags ?? new System.Collections.Generic.Dictionary<string, int>())
                {
                    table.AddRow($"labels tagged {Output.Esc(tag)}", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                output.Console.Write(table);
            });
            return ExitCodes.Ok;
        }
    }

    internal sealed class UploadCommand : ClientCommand<UploadCommand.Settings>
    {
        public UploadCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
        {
            if (settings.IsBulk)
            {
                return await BulkUpload.RunAsync(
                    server, settings.Paths, JsonParams.ToDictionary(settings.Params), settings.Overwrite, settings.Concurrency, output, cancellationToken).ConfigureAwait(false);
            }

            // The id the server will store it under: the one given, or the file's own stem (the server's rule).
            var id = string.IsNullOrEmpty(settings.Id) ? BulkUploadItem.ImageIdOf(settings.Path) : settings.Id!;
            if (!settings.Overwrite && id.Length > 0 && await server.Client.ImageExistsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                throw new ConflictException($"image '{id}' already exists on the server; pass --overwrite to replace it.");
            }

            var result = await Transfers.UploadAsync(output, settings.Path, file =>
                server.Client.UploadImageAsync(file, settings.Id, JsonParams.ToDictionary(settings.Params), cancellationToken)).ConfigureAwait(false);
            output.Result(result, () => output.Line(
                $"uploaded {Output.Esc(settings.Path)} ({Output.Bytes(new FileInfo(settings.Path).Length)}) as image [cyan]{Output.Esc(result.Image)}[/]"));
            return ExitCodes.Ok;
        }

        internal sealed class Settings : GlobalSettings
        {
            [CommandArgument(0, "<PATH>")]
            [Description("Image files (e.g. .nii.gz, .nrrd, .dcm, .png) and folders, searched recursively. Several files or a folder: uploaded --concurrency at a time, ids already on the server skipped (run again to resume).")]
            public string[] Paths { get; set; } = System.Array.Empty<string>();

            [CommandOption("--concurrency <N>")]
            [Description("Uploads at once when several files are sent (default 4, at most 64).")]
            public int Concurrency { get; set; } = 4;

            /// <summary>The single file of the one-file form.</summary>
            public string Path => Paths.Length > 0 ? Paths[0] : string.Empty;

            /// <summary>Several paths or a folder: the resumable bulk upload.</summary>
            public bool IsBulk => Paths.Length != 1 || Directory.Exists(Paths[0]);

            [CommandOption("--id <ID>")]
            [Description("The image id of a single file; default: the file's own name without its extensions (名前.nii.gz → 名前), as the server derives it.")]
            public string? Id { get; set; }

            [CommandOption("--params <JSON>")]
            [Description("Extra info stored with the image: a JSON object, or @file.json.")]
            public string? Params { get; set; }

            [CommandOption("--overwrite")]
            [Description("Replace an image already stored under that id (without it, an existing id is refused, exit 6; in a bulk upload it is skipped as done).")]
            public bool Overwrite { get; set; }

            protected override ValidationResult ValidateCommand()
            {
                foreach (var path in Paths)
                {
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        return ValidationResult.Error($"file '{path}' does not exist.");
                    }
                }

                if (IsBulk && Id != null)
                {
                    return ValidationResult.Error("--id names the image of a single file; a folder or several files take their ids from the file names.");
                }

                if (Concurrency is < 1 or > 64)
                {
                    return ValidationResult.Error("--concurrency must be between 1 and 64.");
                }

                return JsonParams.Check(Params);
            }
        }
    }

    internal sealed class DownloadCommand : ClientCommand<DownloadCommand.Settings>
    {
        public DownloadCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
        {
            if (settings.All != null)
            {
                return await BulkDownload.RunAsync(server, settings, output, cancellationToken).ConfigureAwait(false);
            }

            var saved = await Transfers.DownloadAsync(
                output, "image " + settings.Image,
                progress => server.Client.DownloadImageToAsync(settings.Image, settings.OutDirectory, settings.Overwrite, progress, cancellationToken)).ConfigureAwait(false);
            output.Result(saved, () => output.Line($"saved image [cyan]{Output.Esc(settings.Image)}[/] to {Output.Esc(saved.Path)} ({Output.Bytes(saved.Length)})"));
            return ExitCodes.Ok;
        }

        internal sealed class Settings : SaveSettings
        {
            [CommandArgument(0, "[IMAGE]")]
            [Description("The image id (or --all DIR).")]
            public string Image { get; set; } = string.Empty;

            [CommandOption("--all <DIR>")]
            [Description("Save every image of the datastore to DIR (files already there are skipped: run again to resume).")]
            public string? All { get; set; }

            [CommandOption("--labels <TAG>")]
            [Description("With --all: also save each image's label under TAG to DIR/labels/TAG.")]
            public string? Labels { get; set; }

            [CommandOption("--concurrency <N>")]
            [Description("With --all: downloads at once (default 4, at most 64).")]
            public int Concurrency { get; set; } = 4;

            protected override ValidationResult ValidateCommand()
            {
                if (All == null)
                {
                    return string.IsNullOrEmpty(Image) ? ValidationResult.Error("give an image id, or --all DIR.")
                        : Labels != null ? ValidationResult.Error("--labels goes with --all.") : ValidationResult.Success();
                }

                if (!string.IsNullOrEmpty(Image))
                {
                    return ValidationResult.Error("give either an image id or --all DIR, not both.");
                }

                return Concurrency is < 1 or > 64 ? ValidationResult.Error("--concurrency must be between 1 and 64.") : ValidationResult.Success();
            }
        }
    }

    internal sealed class DeleteCommand : ClientCommand<ImageSettings>
    {
        public DeleteCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, ImageSettings settings, Output output, CancellationToken cancellationToken)
        {
            await server.Client.DeleteImageAsync(settings.Image, cancellationToken).ConfigureAwait(false);
            output.Result(new { Image = settings.Image, Deleted = true }, () => output.Line($"deleted image [cyan]{Output.Esc(settings.Image)}[/] and its labels"));
            return ExitCodes.Ok;
        }
    }

    internal sealed class InfoCommand : ClientCommand<ImageSettings>
    {
        public InfoCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, ImageSettings settings, Output output, CancellationToken cancellationToken)
        {
            // The server answers {} for an unknown image; ask (HEAD) first so that a wrong id is a 404 here.
            if (!await server.Client.ImageExistsAsync(settings.Image, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                throw Errors.NotFound($"image '{settings.Image}' is not in the datastore");
            }

            var info = await server.Client.GetImageInfoAsync(settings.Image, cancellationToken).ConfigureAwait(false);
            output.Result(info, () => output.Console.Write(Output.KeyValues(
                new (string, string?)[]
                {
                    ("name", info.Name),
                    ("path", info.Path),
                    ("added", Output.Time(info.Ts)),
                    ("user", info.User),
                    ("client id", info.ClientId),
                    ("strategy", info.Strategy == null ? null : Output.Compact(info.Strategy)),
                }.Concat(info.AdditionalProperties.Select(kv => (kv.Key, (string?)Output.Compact(kv.Value)))),
                "image " + settings.Image)));
            return ExitCodes.Ok;
        }
    }
}
