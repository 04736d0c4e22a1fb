using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace MonaiLabel.Cli;

/// <summary>
/// What one run of <c>mlabel</c> reads from its surroundings besides the command line: environment variables
/// (<c>MONAILABEL_SERVER</c>, <c>MONAILABEL_TOKEN</c>, … and the config directory's <c>XDG_CONFIG_HOME</c>/<c>HOME</c>)
/// and standard input (<c>--password-stdin</c>, the password prompt). A host or a test hands one to
/// <see cref="Program.RunAsync(string[], TextWriter, TextWriter, CliEnvironment, System.Threading.CancellationToken)"/>,
/// so concurrent in-process runs never share or change the process's own environment.
/// </summary>
public sealed class CliEnvironment
{
    private readonly IReadOnlyDictionary<string, string> variables;

    /// <summary>An environment of exactly <paramref name="variables"/> (nothing is read from the process's).</summary>
    /// <param name="variables">The environment variables the run sees.</param>
    /// <param name="stdin">Standard input; null for an empty one.</param>
    /// <param name="stdinIsTerminal">Whether stdin is an interactive terminal (the password may be prompted for).</param>
    public CliEnvironment(IReadOnlyDictionary<string, string> variables, TextReader? stdin = null, bool stdinIsTerminal = false)
    {
        this.variables = variables ?? throw new ArgumentNullException(nameof(variables));
        Stdin = stdin ?? TextReader.Null;
        StdinIsTerminal = stdinIsTerminal;
    }

    /// <summary>Standard input.</summary>
    public TextReader Stdin { get; }

    /// <summary>Whether <see cref="Stdin"/> is an interactive terminal.</summary>
    public bool StdinIsTerminal { get; }

    /// <summary>The process's own environment and console input, as <c>mlabel</c> run from a shell sees them.</summary>
    public static CliEnvironment FromProcess()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                all[key] = value;
            }
        }

        return new CliEnvironment(all, Console.In, !Console.IsInputRedirected);
    }

    /// <summary>The value of a variable, or null when it is unset or empty.</summary>
    public string? Variable(string name) => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>
    /// The folder of mlabel's config (<c>hosts.json</c>): <c>MONAILABEL_CONFIG_DIR</c> when set; else on Linux and other
    /// Unix systems <c>$XDG_CONFIG_HOME/mlabel</c> or <c>~/.config/mlabel</c> (as gh and az), on macOS
    /// <c>~/Library/Application Support/mlabel</c>, on Windows <c>%APPDATA%\mlabel</c>. Null when none can be found.
    /// </summary>
    public string? ConfigDirectory()
    {
        if (Variable("MONAILABEL_CONFIG_DIR") is { } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory);
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            var appData = Variable("APPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            return appData.Length == 0 ? null : Path.Combine(appData, "mlabel");
        }

        // XDG wants an absolute path; a relative one is ignored, as the spec says.
        if (Variable("XDG_CONFIG_HOME") is { } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "mlabel");
        }

        var home = Variable("HOME");
        if (home == null)
        {
            return null;
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? Path.Combine(home, "Library", "Application Support", "mlabel")
            : Path.Combine(home, ".config", "mlabel");
    }
}
