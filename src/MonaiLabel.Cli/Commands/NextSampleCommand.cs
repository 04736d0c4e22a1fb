using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel next-sample STRATEGY</c>: the image active learning says to annotate next.</summary>
internal sealed class NextSampleCommand : ClientCommand<NextSampleCommand.Settings>
{
    public NextSampleCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>Registers the command under <paramref name="name"/>, its name in <see cref="CommandList"/>.</summary>
    public static void Register(IConfigurator config, string name) =>
        config.AddCommand<NextSampleCommand>(name)
            .WithDescription("Ask active learning for the next image to annotate (strategies: see 'mlabel info').")
            .WithExample("next-sample", "random");

    protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
    {
        var sample = await KnownNames.CheckedAsync(server.Client, NameKind.Strategy, settings.Strategy, () =>
            server.Client.GetNextSampleAsync(settings.Strategy, JsonParams.ToDictionary(settings.Params), cancellationToken), cancellationToken).ConfigureAwait(false);
        output.Result(sample, () =>
        {
            if (string.IsNullOrEmpty(sample.Id))
            {
                output.Line("no image is left to annotate (every image has a final label)");
                return;
            }

            output.Line($"next sample ({Output.Esc(settings.Strategy)}): [cyan]{Output.Esc(sample.Id)}[/]");
            if (!string.IsNullOrEmpty(sample.Path))
            {
                output.Line($"  path: {Output.Esc(sample.Path)}");
            }
        });
        return ExitCodes.Ok;
    }

    internal sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<STRATEGY>")]
        [Description("The strategy, e.g. random or first.")]
        public string Strategy { get; set; } = string.Empty;

        [CommandOption("--params <JSON>")]
        [Description("Strategy params: a JSON object, or @file.json.")]
        public string? Params { get; set; }

        protected override ValidationResult ValidateCommand() => JsonParams.Check(Params);
    }
}
