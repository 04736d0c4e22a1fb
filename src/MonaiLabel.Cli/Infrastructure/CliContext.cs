using System.IO;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Where one run of <c>mlabel</c> writes: stdout (results, as text or JSON) and stderr (notes and errors).</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, bool isTerminal, Interrupts? interrupts = null)
    {
        Interrupts = interrupts ?? new Interrupts();
        Stdout = stdout;
        Stderr = stderr;
        IsTerminal = isTerminal;
        Out = CreateConsole(stdout, isTerminal);
    }

    /// <summary>What Ctrl+C asks for: a gentle stop (bulk commands) or an abort.</summary>
    public Interrupts Interrupts { get; }

    /// <summary>The raw stdout (JSON goes here unchanged).</summary>
    public TextWriter Stdout { get; }

    /// <summary>The raw stderr: one-line notes and errors.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Whether stdout is an interactive terminal (not redirected, not a test's writer).</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre's console over stdout, for tables, trees and help.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Whether live displays (progress bars) can be drawn: an interactive terminal that speaks ANSI.</summary>
    public bool CanShowLive => IsTerminal && Out.Profile.Capabilities.Interactive && Out.Profile.Capabilities.Ansi;

    /// <summary>Writes a note to stderr (never mixed into stdout, so <c>--json</c> output stays parseable).</summary>
    public void Note(string text) => Stderr.WriteLine("mlabel: " + text);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output has no window: wide enough that tables of paths and ids do not wrap.
            console.Profile.Width = 160;
        }

        return console;
    }
}
