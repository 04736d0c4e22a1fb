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

/// <summary><c>mlabel model download|upload|info|delete</c>: a model's weights file.</summary>
internal static class ModelCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Model weights: download, upload, info (checksum, train stats), delete.");
        branch.AddCommand<DownloadCommand>("download").WithDescription("Save a model's weights to a folder (default: the current one).");
        branch.AddCommand<UploadCommand>("upload").WithDescription("Replace a model's weights with a file.");
        branch.AddCommand<InfoCommand>("info").WithDescription("Show a model file's checksum, time and train stats.");
        branch.AddCommand<DeleteCommand>("delete").WithDescription("Remove a model's weights.");
    }

    internal class ModelSettings : GlobalSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("The model (see 'mlabel info').")]
        public string Model { get; set; } = string.Empty;
    }

    internal static Table Describe(ModelInfo info, string model) => Output.KeyValues(
        new (string, string?)[]
        {
            ("checksum", info.Checksum),
            ("modified", Output.Time(info.ModifiedTime)),
            ("best metric", info.TrainStats?.BestMetric?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("epochs", info.TrainStats?.TotalEpochs?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("training time", Output.Duration(info.TrainStats?.TotalTime)),
        }.Concat(info.AdditionalProperties.Select(kv => (kv.Key, (string?)Output.Compact(kv.Value)))),
        "model " + model);

    internal sealed class DownloadCommand : ClientCommand<DownloadCommand.Settings>
    {
        public DownloadCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
        {
            var saved = await Transfers.DownloadAsync(
                output, "model " + settings.Model,
                progress => server.Client.DownloadModelToAsync(settings.Model, settings.OutDirectory, settings.Overwrite, progress, cancellationToken)).ConfigureAwait(false);
            output.Result(saved, () => output.Line($"saved model [cyan]{Output.Esc(settings.Model)}[/] to {Output.Esc(saved.Path)} ({Output.Bytes(saved.Length)})"));
            return ExitCodes.Ok;
        }

        internal sealed class Settings : SaveSettings
        {
            [CommandArgument(0, "<MODEL>")]
            [Description("The model (see 'mlabel info').")]
            public string Model { get; set; } = string.Empty;
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
            var info = await Transfers.UploadAsync(output, settings.Path, file => server.Client.UploadModelAsync(settings.Model, file, cancellationToken))
                .ConfigureAwait(false);
            output.Result(info, () =>
            {
                output.Line($"uploaded {Output.Esc(settings.Path)} ({Output.Bytes(new FileInfo(settings.Path).Length)}) as model [cyan]{Output.Esc(settings.Model)}[/]");
                output.Console.Write(Describe(info, settings.Model));
            });
            return ExitCodes.Ok;
        }

        internal sealed class Settings : ModelSettings
        {
            [CommandArgument(1, "<PATH>")]
            [Description("The weights file (.pt, .ts).")]
            public string Path { get; set; } = string.Empty;

            protected override ValidationResult ValidateCommand() =>
                !File.Exists(Path) ? ValidationResult.Error($"file '{Path}' does not exist.") : ValidationResult.Success();
        }
    }

    internal sealed class InfoCommand : ClientCommand<ModelSettings>
    {
        public InfoCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, ModelSettings settings, Output output, CancellationToken cancellationToken)
        {
            var info = await server.Client.GetModelInfoAsync(settings.Model, cancellationToken).ConfigureAwait(false);
            output.Result(info, () => output.Console.Write(Describe(info, settings.Model)));
            return ExitCodes.Ok;
        }
    }

    internal sealed class DeleteCommand : ClientCommand<ModelSettings>
    {
        public DeleteCommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, ModelSettings settings, Output output, CancellationToken cancellationToken)
        {
            await server.Client.DeleteModelAsync(settings.Model, cancellationToken).ConfigureAwait(false);
            output.Result(new { settings.Model, Deleted = true }, () => output.Line($"deleted the weights of model [cyan]{Output.Esc(settings.Model)}[/]"));
            return ExitCodes.Ok;
        }
    }
}
