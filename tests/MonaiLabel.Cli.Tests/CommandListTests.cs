using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using MonaiLabel.Cli.Commands;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Cli.Tests.Support;
using Spectre.Console.Cli;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>
/// Issue 25: one list of the commands (<see cref="CommandList"/>) and one of the global options
/// (<see cref="GlobalOptions"/>) that everything else derives from. These fail when mlabel has a command or a global
/// option its list does not name, or the list names one mlabel does not have.
/// </summary>
public sealed class CommandListTests
{
    [Fact]
    public async Task The_help_lists_exactly_the_commands_of_the_list_in_its_order()
    {
        var help = await Mlabel.RunAsync("--help");
        Mlabel.Ok(help);

        Assert.Equal(CommandList.All.Select(c => c.Name), HelpText.CommandsIn(help.Stdout));
    }

    [Fact]
    public async Task A_command_is_a_branch_in_the_list_exactly_when_its_help_lists_commands_of_its_own()
    {
        foreach (var entry in CommandList.All)
        {
            var help = await Mlabel.RunAsync(entry.Name, "--help");
            Mlabel.Ok(help);
            var listsCommands = help.Stdout.Contains("COMMANDS:", StringComparison.Ordinal);
            Assert.True(entry.IsBranch == listsCommands, $"'{entry.Name}': IsBranch {entry.IsBranch}, its help:\n{help.Stdout}");
            Assert.Equal(entry.IsBranch, CommandList.IsBranch(entry.Name));
        }

        Assert.False(CommandList.IsBranch("no-such-command"));
    }

    [Fact]
    [Trait("Runs", "InProcess")] // reads the CLI's types
    public void The_global_settings_declare_exactly_the_options_of_the_list()
    {
        var declared = typeof(GlobalSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .Where(a => a != null)
            .Select(a => (Name: "--" + Assert.Single(a!.LongNames), TakesValue: a.ValueName != null, a.IsHidden))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

        var listed = GlobalOptions.All
            .Select(o => (o.Name, o.TakesValue, IsHidden: true)) // the help footer shows them once, not each command
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(listed, declared);
    }

    [Fact]
    public async Task The_help_footer_shows_every_global_option_of_the_list()
    {
        var help = await Mlabel.RunAsync("info", "--help");
        Mlabel.Ok(help);

        // Long lines wrap at the table width: compare words.
        var footer = Words(help.Stdout[help.Stdout.IndexOf("GLOBAL OPTIONS", StringComparison.Ordinal)..]);
        foreach (var option in GlobalOptions.All)
        {
            Assert.Contains(Words(option.Template + " " + option.Help), footer);
        }
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
