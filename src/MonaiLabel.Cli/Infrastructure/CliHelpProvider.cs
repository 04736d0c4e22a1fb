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
                "The server: [yellow]--server[/], else MONAILABEL_SERVER, else the last [yellow]mlabel auth login[/];\n" +
                "[yellow]--emulator[/] runs an in-process emulator instead. [yellow]mlabel demo[/] walks the whole\n" +
                "active-learning loop (on the emulator when no server is given).\n"),
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
                "    --server <URL>          MONAI Label server (default: MONAILABEL_SERVER, else the last 'auth login')\n" +
                "    --emulator              run against an in-process emulator started for the command\n" +
                "    --token <TOKEN>         access token (default: MONAILABEL_TOKEN, else the token 'auth login' stored)\n" +
                "    --username <USER>       with --password: token fetched on first need, refreshed on a 401\n" +
                "    --password <PASSWORD>   (default: MONAILABEL_USERNAME/_PASSWORD; flags win over variables)\n" +
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
