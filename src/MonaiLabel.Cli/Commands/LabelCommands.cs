using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel label save|download|delete|info</c>: an image's labels, by tag (default <c>final</c>).</summary>
internal static class LabelCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("An image's labels, by tag: save, download, delete, info.");
        branch.AddCommand<SaveCommand>("save").WithDescription("Save a label file for an image (tag 'final' marks it as annotated).")
            .WithExample("label", "save", "spleen_10", "spleen_10_label.nii.gz", "--tag", "final");
        branch.AddCommand<DownloadCommand>("download").WithDescription("Save a label to a folder (default: the current one) as <image>_<tag> with its extension (liver_01_final.nii.gz).");
        branch.AddCommand<DeleteCommand>("delete").WithDescription("Remove a label.");
        branch.AddCommand<InfoCommand>("info").WithDescription("Show a label's info.");
    }

    internal class TagSettings : GlobalSettings
    {
        [CommandOption("--tag <TAG>")]
        [Description("The label tag: final (an annotator's), original (the model's), or any other. Default: final.")]
        [DefaultValue("final")]
        public string Tag { get; set; } = "final";
    }

    internal class LabelSettings : TagSettings
    {
        [CommandArgument(0, "<LABEL>")]
        [Description("The label id (the id of its image).")]
        public string Label { get; set; } = string.Empty;
    }

    internal sealed class SaveCommand : ClientCommand<SaveCommand.Settings>
    {
        public SaveCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
        {
            var result = await Transfers.UploadAsync(output, settings.Path, file =>
                server.Client.UploadLabelAsync(settings.Image, file, settings.Tag, JsonParams.ToDictionary(settings.Params), cancellationToken))
                .ConfigureAwait(false);
            output.Result(result, () => output.Line(
                $"saved {Output.Esc(settings.Path)} ({Output.Bytes(new FileInfo(settings.Path).Length)}) as label [cyan]{Output.Esc(result.Label)}[/] " +
                $"of image [cyan]{Output.Esc(result.Image ?? settings.Image)}[/], tag {Output.Esc(settings.Tag)}"));
            return ExitCodes.Ok;
        }

        internal sealed class Settings : TagSettings
        {
            [CommandArgument(0, "<IMAGE>")]
            [Description("The image the label belongs to.")]
            public string Image { get; set; } = string.Empty;

            [CommandArgument(1, "<PATH>")]
            [Description("The label file.")]
            public string Path { get; set; } = string.Empty;

            [CommandOption("--params <JSON>")]
            [Description("Extra info stored with the label: a JSON object, or @file.json.")]
            public string? Params { get; set; }

            protected override ValidationResult ValidateCommand() =>
                !File.Exists(Path) ? ValidationResult.Error($"file '{Path}' does not exist.") : JsonParams.Check(Params);
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
            // Saved as <image>_<tag> with the server's extension (liver_01_final.nii.gz): the server names a label file
            // as its image, so an image and its labels downloaded into one folder would collide (liver_01 (1).nii.gz).
            var saved = await Transfers.DownloadAsync(
                output, $"label {settings.Label} ({settings.Tag})",
                progress => server.Client.DownloadLabelToAsync(
                    settings.Label, settings.Tag, settings.OutDirectory, settings.Label + "_" + settings.Tag, settings.Overwrite, progress,
                    cancellationToken)).ConfigureAwait(false);
            output.Result(saved, () => output.Line(
                $"saved label [cyan]{Output.Esc(settings.Label)}[/] ({Output.Esc(settings.Tag)}) to {Output.Esc(saved.Path)} ({Output.Bytes(saved.Length)})"));
            return ExitCodes.Ok;
        }

        internal sealed class Settings : SaveSettings
        {
            [CommandArgument(0, "<LABEL>")]
            [Description("The label id (the id of its image).")]
            public string Label { get; set; } = string.Empty;

            [CommandOption("--tag <TAG>")]
            [Description("The label tag: final (an annotator's), original (the model's), or any other. Default: final.")]
            [DefaultValue("final")]
            public string Tag { get; set; } = "final";
        }
    }

    internal sealed class DeleteCommand : ClientCommand<LabelSettings>
    {
        public DeleteCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, LabelSettings settings, Output output, CancellationToken cancellationToken)
        {
            await server.Client.DeleteLabelAsync(settings.Label, settings.Tag, cancellationToken).ConfigureAwait(false);
            output.Result(new { settings.Label, settings.Tag, Deleted = true }, () =>
                output.Line($"deleted label [cyan]{Output.Esc(settings.Label)}[/] ({Output.Esc(settings.Tag)})"));
            return ExitCodes.Ok;
        }
    }

    internal sealed class InfoCommand : ClientCommand<LabelSettings>
    {
        public InfoCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, LabelSettings settings, Output output, CancellationToken cancellationToken)
        {
            // The server answers {} for an unknown label; ask (HEAD) first so that a wrong id or tag is a 404 here.
            if (!await server.Client.LabelExistsAsync(settings.Label, settings.Tag, cancellationToken).ConfigureAwait(false))
            {
                throw Errors.NotFound($"image '{settings.Label}' has no label tagged '{settings.Tag}'");
            }

            var info = await server.Client.GetLabelInfoAsync(settings.Label, settings.Tag, cancellationToken).ConfigureAwait(false);
            output.Result(info, () => output.Console.Write(Output.KeyValues(
                new (string, string?)[] { ("name", info.Name), ("saved", Output.Time(info.Ts)), ("user", info.User), ("client id", info.ClientId) }
                    .Concat(info.AdditionalProperties.Select(kv => (kv.Key, (string?)Output.Compact(kv.Value)))),
                $"label {settings.Label} ({settings.Tag})")));
            return ExitCodes.Ok;
        }
    }
}
