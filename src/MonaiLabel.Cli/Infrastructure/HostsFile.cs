using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>What <c>mlabel auth login</c> stored for one server.</summary>
internal sealed record HostEntry(string Username, string Token, string? Password)
{
    /// <summary>Whether the user asked to store the password (<c>--store-password</c>), so the token can be renewed.</summary>
    public bool CanRefresh => Password != null;
}

/// <summary>
/// <c>hosts.json</c> in mlabel's config directory (<see cref="CliEnvironment.ConfigDirectory"/>): a token per server,
/// keyed by the server's URL as gh's <c>hosts.yml</c> is keyed by host, and the default server (the last logged in).
/// It holds secrets, so it is written with mode 600 (in a folder of mode 700), atomically (a temporary file moved in
/// place), and a file that other users can read, or that cannot be parsed, is refused rather than trusted.
/// Read and written with Newtonsoft's JObject: no reflection (the CLI is Native AOT).
/// </summary>
internal sealed class HostsFile
{
    public const string FileName = "hosts.json";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                              UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly SortedDictionary<string, HostEntry> hosts;

    private HostsFile(string path, SortedDictionary<string, HostEntry> hosts, string? defaultServer)
    {
        Path = path;
        this.hosts = hosts;
        DefaultServer = defaultServer;
    }

    /// <summary>The file's full path (it may not exist yet).</summary>
    public string Path { get; }

    /// <summary>The key of the server commands use when none is given (the last one logged in to), or null.</summary>
    public string? DefaultServer { get; private set; }

    public IReadOnlyDictionary<string, HostEntry> Hosts => hosts;

    /// <summary>The key of a server: scheme, host, port and path, without a trailing slash (http://127.0.0.1:8000).</summary>
    public static string Key(Uri server) => server.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public HostEntry? Find(Uri server) => hosts.TryGetValue(Key(server), out var entry) ? entry : null;

    /// <summary>Reads the file in <paramref name="directory"/>; an empty one when it does not exist.</summary>
    /// <exception cref="ConfigFileException">The file can be read by other users, or is not what mlabel writes.</exception>
    public static HostsFile Load(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        var hosts = new SortedDictionary<string, HostEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new HostsFile(path, hosts, null);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            var mode = Convert.ToString((int)File.GetUnixFileMode(path), 8);
            throw new ConfigFileException(
                $"config file '{path}' can be read by other users (mode {mode}), so its tokens are not used; " +
                $"make it private with 'chmod 600 {path}' (or remove it and log in again).");
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader) as JObject ?? throw new ConfigFileException(Corrupt(path, "not a JSON object"));
        }
        catch (JsonException e)
        {
            throw new ConfigFileException(Corrupt(path, e.Message));
        }

        if (root["hosts"] is JObject entries)
        {
            foreach (var property in entries.Properties())
            {
                if (property.Value is not JObject host ||
                    host["username"] is not JValue { Type: JTokenType.String } user ||
                    host["token"] is not JValue { Type: JTokenType.String } token ||
                    !Uri.TryCreate(property.Name, UriKind.Absolute, out var url))
                {
                    throw new ConfigFileException(Corrupt(path, $"the entry '{property.Name}' is not a server URL with a username and a token"));
                }

                var password = host["password"] is JValue { Type: JTokenType.String } stored ? (string?)stored : null;
                hosts[Key(url)] = new HostEntry((string)user!, (string)token!, password);
            }
        }
        else if (root["hosts"] != null)
        {
            throw new ConfigFileException(Corrupt(path, "'hosts' is not an object"));
        }

        var defaultServer = root["default_server"] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        return new HostsFile(path, hosts, defaultServer != null && hosts.ContainsKey(defaultServer) ? defaultServer : null);
    }

    /// <summary>Stores <paramref name="entry"/> for <paramref name="server"/> and makes it the default server.</summary>
    public void Set(Uri server, HostEntry entry)
    {
        hosts[Key(server)] = entry;
        DefaultServer = Key(server);
    }

    /// <summary>Replaces the token of a stored server (after a renewal), keeping the rest.</summary>
    public void UpdateToken(Uri server, string token)
    {
        if (hosts.TryGetValue(Key(server), out var entry))
        {
            hosts[Key(server)] = entry with { Token = token };
        }
    }

    /// <summary>Forgets <paramref name="server"/>; false when nothing was stored for it.</summary>
    public bool Remove(Uri server)
    {
        var key = Key(server);
        if (!hosts.Remove(key))
        {
            return false;
        }

        if (DefaultServer == key)
        {
            // As gh: with one server left, that one is the default.
            DefaultServer = hosts.Count == 1 ? hosts.Keys.First() : null;
        }

        return true;
    }

    /// <summary>Writes the file atomically, readable by its owner only.</summary>
    public void Save()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var root = new JObject
        {
            ["default_server"] = DefaultServer,
            ["hosts"] = new JObject(hosts.Select(kv =>
            {
                var host = new JObject { ["username"] = kv.Value.Username, ["token"] = kv.Value.Token };
                if (kv.Value.Password != null)
                {
                    host["password"] = kv.Value.Password;
                }

                return new JProperty(kv.Key, host);
            })),
        };

        var temp = System.IO.Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(root.ToString(Formatting.Indented));
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string Corrupt(string path, string why) =>
        $"config file '{path}' is not valid ({why}), so it is not used; fix it or remove it and log in again.";
}

/// <summary>mlabel's own config file cannot be trusted (exit code 5, as any local file problem).</summary>
internal sealed class ConfigFileException : IOException
{
    public ConfigFileException(string message)
        : base(message)
    {
    }
}
