using System.Collections.Generic;
using System.Linq;
using System.Text;
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
        yield return new Markup(GlobalOptionsText());
        yield return Text.NewLine;

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

    private static string GlobalOptionsText()
    {
        var text = new StringBuilder("[yellow]GLOBAL OPTIONS[/] (any command, before or after its name):\n");
        foreach (var option in GlobalOptions.All)
        {
            text.Append("    ").Append(Markup.Escape(option.Template.PadRight(24))).Append(Markup.Escape(option.Help)).Append('\n');
        }

        return text.ToString();
    }
}
