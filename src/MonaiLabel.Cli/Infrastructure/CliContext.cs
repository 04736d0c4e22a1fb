using System.IO;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Where one run of <c>mlabel</c> writes: stdout (results, as text or JSON) and stderr (notes and errors).</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, bool isTerminal, CliEnvironment environment, Interrupts? interrupts = null)
    {
        Environment = environment;
        Interrupts = interrupts ?? new Interrupts();
        Stdout = stdout;
        Stderr = stderr;
        IsTerminal = isTerminal;
        Out = CreateConsole(stdout, isTerminal, RedirectedWidth(environment));
    }

    /// <summary>What Ctrl+C asks for: a gentle stop (bulk commands) or an abort.</summary>
    public Interrupts Interrupts { get; }

    /// <summary>The variables and stdin of this run (never the process's own, unless it was started from a shell).</summary>
    public CliEnvironment Environment { get; }

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

    /// <summary>The width of tables when stdout is not a terminal: 100 columns, or COLUMNS when set (40 to 1000).</summary>
    internal const int DefaultRedirectedWidth = 100;

    private static int RedirectedWidth(CliEnvironment environment) =>
        int.TryParse(environment.Variable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000
            ? columns
            : DefaultRedirectedWidth;

    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal, int redirectedWidth)
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
            // Redirected output has no window to measure: a width that fits a log viewer or an 80-120 column
            // terminal the output is later shown in (long cells wrap inside their column instead).
            console.Profile.Width = redirectedWidth;
        }

        return console;
    }
}
