using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Drift;

/// <summary>Parsed command line.</summary>
public sealed record DriftOptions(string? Server, string? File, string? Spec, string? Allow, bool Json, bool ShowAllowed, TimeSpan Timeout, bool Help);

/// <summary>The whole program behind a thin Main: parse arguments, load both documents and the allow-file, compare, print.</summary>
public static class DriftTool
{
    public const string SolutionFile = "MonaiLabel.Generated.sln";
    public const string DefaultSpec = "openapi/monailabel.yaml";
    public const string DefaultAllow = "openapi/drift-allow.yaml";

    public const string Usage =
        """
        Usage: MonaiLabel.Drift (--server URL | --file PATH) [--spec PATH] [--allow PATH] [--json] [--show-allowed] [--timeout SECONDS]

        Compares our OpenAPI spec with what a MONAI Label server publishes and reports what differs, grouped by operation.
          --server URL      fetch URL/openapi.json (OpenAPI 3.0 or 3.1) from a running server
          --file PATH       read a saved copy of a server's openapi.json instead
          --spec PATH       our spec (default: openapi/monailabel.yaml beside MonaiLabel.Generated.sln, found upwards)
          --allow PATH      known, deliberate differences (default: openapi/drift-allow.yaml there)
          --json            machine-readable output (every finding, with allowed and reason)
          --show-allowed    also list the differences the allow-file explains, with their reasons
          --timeout SECONDS how long to wait for --server (default 30)
        Exit: 0 nothing unexplained, 1 unexplained differences or stale allow entries, 2 could not run.
        """;

    public static DriftOptions ParseArguments(string[] args)
    {
        string? server = null, file = null, spec = null, allow = null;
        bool json = false, showAllowed = false, help = false;
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new DriftToolException($"{arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--server": server = Value(); break;
                case "--file": file = Value(); break;
                case "--spec": spec = Value(); break;
                case "--allow": allow = Value(); break;
                case "--json": json = true; break;
                case "--show-allowed": showAllowed = true; break;
                case "--timeout":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        throw new DriftToolException($"--timeout needs a positive number of seconds, got '{text}'");
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "-h" or "--help": help = true; break;
                default: throw new DriftToolException($"unknown argument '{arg}' (see --help)");
            }
        }

        if (!help && (server is null) == (file is null))
        {
            throw new DriftToolException("give exactly one of --server URL or --file PATH (see --help)");
        }

        return new DriftOptions(server, file, spec, allow, json, showAllowed, timeout, help);
    }

    /// <summary>Runs the tool; returns the exit code (0, 1, or 2 with a one-line error on <paramref name="stderr"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory,
                                           HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var options = ParseArguments(args);
            if (options.Help)
            {
                stdout.WriteLine(Usage);
                return 0;
            }

            var report = await CompareAsync(options, currentDirectory, stderr, http, cancellationToken).ConfigureAwait(false);
            if (options.Json)
            {
                report.WriteJson(stdout);
            }
            else
            {
                report.WriteText(stdout, options.ShowAllowed);
            }

            return report.ExitCode;
        }
        catch (DriftToolException e)
        {
            stderr.WriteLine($"MonaiLabel.Drift: {e.Message.ReplaceLineEndings(" ")}");
            return 2;
        }
    }

    public static async Task<DriftReport> CompareAsync(DriftOptions options, string currentDirectory, TextWriter warnings,
                                                      HttpClient? http, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot(currentDirectory);
        string specPath;
        if (options.Spec is not null)
        {
            specPath = Path.GetFullPath(options.Spec, currentDirectory);
        }
        else if (root is not null)
        {
            specPath = Path.Combine(root, DefaultSpec);
        }
        else
        {
            throw new DriftToolException($"no {SolutionFile} in {currentDirectory} or above; pass --spec PATH");
        }

        AllowList allow;
        if (options.Allow is not null)
        {
            var allowPath = Path.GetFullPath(options.Allow, currentDirectory);
            allow = AllowList.LoadFile(allowPath);
            allow = new AllowList(allow.Entries, Display(allowPath, currentDirectory));
        }
        else if (root is not null && File.Exists(Path.Combine(root, DefaultAllow)))
        {
            var allowPath = Path.Combine(root, DefaultAllow);
            allow = new AllowList(AllowList.LoadFile(allowPath).Entries, Display(allowPath, currentDirectory));
        }
        else
        {
            allow = AllowList.Empty("(none)");
        }

        var spec = DocumentLoader.LoadFile(specPath);
        spec = spec with { Source = Display(specPath, currentDirectory) };

        LoadedDocument server;
        if (options.File is not null)
        {
            var filePath = Path.GetFullPath(options.File, currentDirectory);
            server = DocumentLoader.LoadFile(filePath);
            server = server with { Source = Display(filePath, currentDirectory) };
        }
        else
        {
            server = await DocumentLoader.LoadServerAsync(options.Server!, http, options.Timeout, cancellationToken).ConfigureAwait(false);
        }

        foreach (var document in new[] { spec, server })
        {
            foreach (var error in document.ReaderErrors)
            {
                warnings.WriteLine($"warning: {document.Source}: {error}");
            }
        }

        return DriftReport.Create(spec, server, allow);
    }

    /// <summary>The folder holding MonaiLabel.Generated.sln, from <paramref name="start"/> upwards, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string Display(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }
}
