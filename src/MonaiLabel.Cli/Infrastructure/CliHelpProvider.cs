using System.Collections.Generic;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Spectre's help, with a description of the tool on top and the global options and exit codes at the end.</summary>
internal sealed class CliHelpProvider : HelpProvider
{
    public CliHelpProvider(ICommandAppSettings settings)
        : base(settings)
    {
    }

    public override IEnumerable<IRenderable> GetHeader(ICommandModel model, ICommandInfo? command)
    {
        if (command != null)
        {
            return base.GetHeader(model, command);
        }

        return base.GetHeader(model, command).Concat(new IRenderable[]
        {
            new Markup(
                "[bold]mlabel[/] — command-line client for a MONAI Label server.\n" +
                "Without [yellow]--server[/] each command runs against an in-process emulator started for it (said on stderr);\n" +
                "[yellow]mlabel demo[/] walks the whole active-learning loop against it.\n"),
            Text.NewLine,
        });
    }

    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var renderable in base.GetFooter(model, command))
        {
            yield return renderable;
        }

        yield return Text.NewLine;
        {
            yield return new Markup(
                "[yellow]GLOBAL OPTIONS[/] (any command, before or after its name):\n" +
                "    --server <URL>          MONAI Label server (default: the in-process emulator)\n" +
                "    --token <TOKEN>         access token (Authorization: Bearer)\n" +
                "    --username <USER>       with --password: token fetched on first need, refreshed on a 401\n" +
                "    --password <PASSWORD>\n" +
                "    --timeout <SECONDS>     time limit for each answer (30, 30s, 5m); default 11 minutes\n" +
                "    --retries <N>           retries of transient failures of idempotent requests; default 3\n" +
                "    --json                  the result as JSON on stdout\n" +
                "    --verbose               log requests on stderr; stack traces of errors\n");
            yield return Text.NewLine;
        }

        var codes = new Grid().AddColumn(new GridColumn().PadLeft(4).PadRight(2).NoWrap()).AddColumn();
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            codes.AddRow(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(meaning));
        }

        yield return new Markup("[yellow]EXIT CODES:[/]");
        yield return Text.NewLine;
        yield return codes;
        yield return Text.NewLine;
    }
}
