using System;
using System.Collections.Generic;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The one list of the global options: <see cref="GlobalSettings"/> declares each with the template here, the help
/// footer (<see cref="CliHelpProvider"/>) prints the list, and <see cref="GlobalOptionMover"/> moves the options it names.
/// tests/MonaiLabel.Cli.Tests/CommandListTests.cs fails when <see cref="GlobalSettings"/> has an option this list does not.
/// </summary>
internal static class GlobalOptions
{
    // Spectre templates: the name, and the value's placeholder when the option takes one.
    public const string Server = "--server <URL>";
    public const string Emulator = "--emulator";
    public const string Token = "--token <TOKEN>";
    public const string Username = "--username <USER>";
    public const string Password = "--password <PASSWORD>";
    public const string Timeout = "--timeout <SECONDS>";
    public const string Retries = "--retries <N>";
    public const string Json = "--json";
    public const string Verbose = "--verbose";

    /// <summary>Whether <paramref name="arg"/> asks for help (Spectre's flags): then no command runs.</summary>
    public static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?";

    /// <summary>In the order the help lists them, each with its line there.</summary>
    public static readonly IReadOnlyList<GlobalOption> All = new GlobalOption[]
    {
        new(Server, "MONAI Label server (default: MONAILABEL_SERVER, else the last 'auth login')"),
        new(Emulator, "run against an in-process emulator started for the command"),
        new(Token, "access token (default: MONAILABEL_TOKEN, else the token 'auth login' stored)"),
        new(Username, "with --password: token fetched on first need, refreshed on a 401"),
        new(Password, "(default: MONAILABEL_USERNAME/_PASSWORD; flags win over variables)"),
        new(Timeout, "time limit for each answer (30, 30s, 5m); default 11 minutes"),
        new(Retries, "retries of transient failures of idempotent requests; default 3"),
        new(Json, "the result as JSON on stdout"),
        new(Verbose, "log requests on stderr; stack traces of errors"),
    };
}

/// <summary>One global option: its Spectre template (<c>--server &lt;URL&gt;</c>) and its line in the help.</summary>
internal sealed class GlobalOption
{
    public GlobalOption(string template, string help)
    {
        Template = template;
        Help = help;
        var space = template.IndexOf(' ', StringComparison.Ordinal);
        Name = space < 0 ? template : template[..space];
        TakesValue = space >= 0;
    }

    public string Template { get; }

    /// <summary>The option as typed: <c>--server</c>.</summary>
    public string Name { get; }

    /// <summary>Whether a value follows it (<c>--server URL</c>, <c>--server=URL</c>); else it is a flag.</summary>
    public bool TakesValue { get; }

    public string Help { get; }
}
