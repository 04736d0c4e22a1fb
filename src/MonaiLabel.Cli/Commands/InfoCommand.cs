using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel info</c>: the app, its models, trainers, strategies, scoring methods and datastore counts.</summary>
internal sealed class InfoCommand : ClientCommand<InfoCommand.Settings>
{
    public InfoCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>Registers the command under <paramref name="name"/>, its name in <see cref="CommandList"/>.</summary>
    public static void Register(IConfigurator config, string name) =>
        config.AddCommand<InfoCommand>(name).WithDescription("Show the app: models, trainers, strategies, scoring methods, datastore counts.");

    protected override async Task<int> RunAsync(ServerConnection server, Settings settings, Output output, CancellationToken cancellationToken)
    {
        var info = await server.Client.GetAppInfoAsync(cancellationToken).ConfigureAwait(false);
        output.Result(info, () => output.Console.Write(Tree(info)));
        return ExitCodes.Ok;
    }

    internal static Tree Tree(AppInfo info)
    {
        var tree = new Tree($"[bold]{Output.Esc(info.Name)}[/] {Output.Esc(info.Version)}");
        if (!string.IsNullOrEmpty(info.Description))
        {
            tree.AddNode(Output.Esc(info.Description));
        }

        tree.AddNode("[bold]labels[/]: " + Output.Esc(Labels(info.Labels)));
        var models = tree.AddNode($"[bold]models[/] ({info.Models?.Count ?? 0})");
        foreach (var (name, model) in info.Models ?? new System.Collections.Generic.Dictionary<string, ModelInfoEntry>())
        {
            var trainable = info.Trainers?.ContainsKey(name) == true ? ", [green]trainable[/]" : string.Empty;
            models.AddNode(
                $"[cyan]{Output.Esc(name)}[/] ({Output.Esc(model.Type)}, {model.Dimension}D{trainable}) labels: {Output.Esc(Labels(model.Labels))}" +
                (string.IsNullOrEmpty(model.Description) ? string.Empty : $"\n[grey]{Output.Esc(model.Description)}[/]"));
        }

        AddNames(tree, "strategies", info.Strategies?.ToDictionary(kv => kv.Key, kv => kv.Value.Description));
        AddNames(tree, "scoring", info.Scoring?.ToDictionary(kv => kv.Key, kv => kv.Value.Description));
        if (info.Datastore is { } ds)
        {
            var tags = ds.LabelTags == null || ds.LabelTags.Count == 0
                ? "no labels"
                : string.Join(", ", ds.LabelTags.Select(kv => $"{kv.Key}: {kv.Value}"));
            tree.AddNode($"[bold]datastore[/]: {ds.Total} images, {ds.Completed} with a final label ({Output.Esc(tags)})");
        }

        return tree;
    }

    private static void AddNames(Tree tree, string title, System.Collections.Generic.Dictionary<string, string?>? entries)
    {
        var node = tree.AddNode($"[bold]{title}[/] ({entries?.Count ?? 0})");
        foreach (var (name, description) in entries ?? new System.Collections.Generic.Dictionary<string, string?>())
        {
            node.AddNode($"[cyan]{Output.Esc(name)}[/]" + (string.IsNullOrEmpty(description) ? string.Empty : $" [grey]{Output.Esc(description)}[/]"));
        }
    }

    /// <summary>Labels are a list of names or a name → value map, depending on the app.</summary>
    internal static string Labels(object? labels) => labels switch
    {
        null => string.Empty,
        JArray list => string.Join(", ", list.Select(l => l.ToString())),
        JObject map => string.Join(", ", map.Properties().Select(p => $"{p.Name}={p.Value}")),
        _ => Output.Compact(labels),
    };

    internal sealed class Settings : GlobalSettings
    {
    }
}
