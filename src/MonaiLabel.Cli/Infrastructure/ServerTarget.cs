using System;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The server a command talks to and the credentials it sends, from (first wins) the command line, the environment
/// (<c>MONAILABEL_SERVER</c>, <c>MONAILABEL_TOKEN</c>, <c>MONAILABEL_USERNAME</c>/<c>MONAILABEL_PASSWORD</c>) and
/// what <c>mlabel auth login</c> stored (<see cref="HostsFile"/>). Credentials are taken whole from one source: a
/// <c>--token</c> flag is never mixed with a stored password. The emulator runs only when asked (<c>--emulator</c>),
/// or for <c>demo</c> when no server is given at all.
/// </summary>
internal sealed class ServerTarget
{
    public const string NoServerMessage =
        "no server given: pass --server URL or set MONAILABEL_SERVER (or store one with 'mlabel auth login --server URL'); " +
        "--emulator runs a throwaway in-process emulator instead.";

    private ServerTarget(Uri? url, string? token, string? username, string? password, HostsFile? hosts, string? source)
    {
        Url = url;
        Token = token;
        Username = username;
        Password = password;
        Hosts = hosts;
        Source = source;
    }

    /// <summary>The server; null for the in-process emulator.</summary>
    public Uri? Url { get; }

    public string? Token { get; }

    public string? Username { get; }

    public string? Password { get; }

    /// <summary>The config the credentials came from (a renewed token is written back there), or null.</summary>
    public HostsFile? Hosts { get; }

    /// <summary>Where the server came from: "--server", "MONAILABEL_SERVER", the config file, or null for the emulator.</summary>
    public string? Source { get; }

    /// <summary>Whether any credentials are sent.</summary>
    public bool HasCredentials => Token != null || Username != null;

    /// <summary>The target of a command: see the type's summary.</summary>
    /// <param name="settings">The command line.</param>
    /// <param name="cli">The environment, and where a note about an unusable config file goes.</param>
    /// <param name="emulatorWhenNone">True for <c>demo</c>: no server at all means the emulator, not an error.</param>
    /// <param name="withCredentials">False for auth login, which brings its own: nothing stored is looked up.</param>
    /// <exception cref="UsageException">No server, or a variable that is not usable.</exception>
    public static ServerTarget Resolve(GlobalSettings settings, CliContext cli, bool emulatorWhenNone, bool withCredentials = true)
    {
        HostsFile? hosts = null;
        var hostsLoaded = false;
        HostsFile? Config()
        {
            if (!hostsLoaded)
            {
                hostsLoaded = true;
                hosts = TryLoadHosts(cli);
            }

            return hosts;
        }

        Uri? url;
        string? source;
        if (settings.Emulator)
        {
            (url, source) = (null, null);
        }
        else if (settings.ServerUrl != null)
        {
            (url, source) = (settings.ServerUrl, "--server");
        }
        else if (cli.Environment.Variable("MONAILABEL_SERVER") is { } fromVariable)
        {
            (url, source) = (GlobalSettings.ParseServer(fromVariable) ?? throw new UsageException(
                $"MONAILABEL_SERVER '{fromVariable}' is not an http or https URL (e.g. http://127.0.0.1:8000)."), "MONAILABEL_SERVER");
        }
        else if (Config() is { DefaultServer: { } stored } config)
        {
            (url, source) = (new Uri(stored), config.Path);
        }
        else if (emulatorWhenNone)
        {
            (url, source) = (null, null);
        }
        else
        {
            throw new UsageException(NoServerMessage);
        }

        if (!withCredentials)
        {
            return new ServerTarget(url, null, null, null, null, source);
        }

        if (!string.IsNullOrEmpty(settings.Token) || !string.IsNullOrEmpty(settings.Username))
        {
            return new ServerTarget(url, Empty(settings.Token), Empty(settings.Username), Empty(settings.Password), null, source);
        }

        var env = cli.Environment;
        var (token, user, password) = (env.Variable("MONAILABEL_TOKEN"), env.Variable("MONAILABEL_USERNAME"), env.Variable("MONAILABEL_PASSWORD"));
        if (token != null && user != null)
        {
            throw new UsageException("set either MONAILABEL_TOKEN or MONAILABEL_USERNAME/MONAILABEL_PASSWORD, not both.");
        }

        if ((user == null) != (password == null))
        {
            throw new UsageException("MONAILABEL_USERNAME and MONAILABEL_PASSWORD go together.");
        }

        if (token != null || user != null)
        {
            return new ServerTarget(url, token, user, password, null, source);
        }

        if (url != null && Config() is { } file && file.Find(url) is { } entry)
        {
            return new ServerTarget(url, entry.Token, entry.CanRefresh ? entry.Username : null, entry.Password, file, source);
        }

        return new ServerTarget(url, null, null, null, null, source);
    }

    /// <summary>The target of a server stored in <paramref name="hosts"/> (for <c>auth status</c>).</summary>
    public static ServerTarget ForStored(HostsFile hosts, string key)
    {
        var entry = hosts.Hosts[key];
        return new ServerTarget(new Uri(key), entry.Token, entry.CanRefresh ? entry.Username : null, entry.Password, hosts, hosts.Path);
    }

    /// <summary>The config for <c>auth login|logout</c>, which change it: an unusable one is an error (exit 5), not replaced.</summary>
    public static HostsFile LoadHostsStrictly(CliContext cli) =>
        HostsFile.Load(cli.Environment.ConfigDirectory()
            ?? throw new ConfigFileException("no config directory: set XDG_CONFIG_HOME or HOME (or MONAILABEL_CONFIG_DIR)."));

    /// <summary>The config, or null when there is none; an unusable one is reported on stderr and not used.</summary>
    public static HostsFile? TryLoadHosts(CliContext cli)
    {
        if (cli.Environment.ConfigDirectory() is not { } directory)
        {
            return null;
        }

        try
        {
            return HostsFile.Load(directory);
        }
        catch (ConfigFileException e)
        {
            cli.Note(e.Message);
            return null;
        }
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
