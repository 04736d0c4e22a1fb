using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Emulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Cli.Tests.Support;

/// <summary>What one in-process run of mlabel printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JToken Json()
    {
        try
        {
            return JToken.Parse(Stdout);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not JSON ({e.Message}):\n{Stdout}\nstderr:\n{Stderr}");
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// What a run of mlabel sees around it: its environment variables and stdin. Every run of a test gets one of its own:
/// without variables given, a config directory (XDG_CONFIG_HOME) that does not exist and no MONAILABEL_* variable,
/// whatever the machine running the tests has set.
/// </summary>
public sealed record MlabelEnvironment(IReadOnlyDictionary<string, string> Variables, string? Stdin = null, bool StdinIsTerminal = false)
{
    /// <summary>Only XDG_CONFIG_HOME = <paramref name="configHome"/> (mlabel's config is <c>configHome/mlabel/hosts.json</c>).</summary>
    public static MlabelEnvironment WithConfigHome(string configHome, params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["XDG_CONFIG_HOME"] = configHome };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return new MlabelEnvironment(variables);
    }

    /// <summary>This environment with one more variable.</summary>
    public MlabelEnvironment With(string name, string value) =>
        this with { Variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal) { [name] = value } };

    /// <summary>A fresh one: an empty, never-created config home.</summary>
    public static MlabelEnvironment Isolated() =>
        WithConfigHome(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlabel-tests-noconfig-" + Guid.NewGuid().ToString("N")));
}

/// <summary>
/// Runs the CLI in-process, as a user would from a shell, and starts emulators for it; with <c>MLABEL_EXE</c> set, runs
/// that executable instead (the Native AOT build, in .ci/run), so the same tests check what users install. Either way
/// the run sees only the variables of its <see cref="MlabelEnvironment"/> (the child process: those added to a copy of
/// the test process's environment stripped of MONAILABEL_*, XDG_CONFIG_HOME and COLUMNS).
/// </summary>
public static class Mlabel
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        RunAsync(MlabelEnvironment.Isolated(), cancellationToken, args);

    public static Task<CliResult> RunAsync(MlabelEnvironment environment, params string[] args) =>
        RunAsync(environment, CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(MlabelEnvironment environment, CancellationToken cancellationToken, params string[] args)
    {
        if (MlabelProcess.Executable is { } exe)
        {
            return await MlabelProcess.RunAsync(exe, args, environment, cancellationToken);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var cliEnvironment = new CliEnvironment(environment.Variables, new StringReader(environment.Stdin ?? string.Empty), environment.StdinIsTerminal);
        var code = await Program.RunAsync(args, stdout, stderr, cliEnvironment, limit.Token);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// With a first Ctrl+C of its own: when <paramref name="stop"/> is cancelled a bulk command starts no new item.
    /// In-process that is Program.RunAsync's stop token; the executable under test (MLABEL_EXE) gets a SIGINT.
    /// <paramref name="stopTaken"/> completes once the run has taken the stop (in-process: when the token is
    /// cancelled; a child process: when it says "stopping" on stderr, since a signal arrives asynchronously).
    /// </summary>
    public static async Task<CliResult> RunWithStopAsync(CancellationToken stop, TaskCompletionSource stopTaken, params string[] args)
    {
        var environment = MlabelEnvironment.Isolated();
        if (MlabelProcess.Executable is { } exe)
        {
            return await MlabelProcess.RunAsync(exe, args, environment, stop, line => // cancelling sends one SIGINT
            {
                if (line.Contains("stopping: no new item starts", StringComparison.Ordinal))
                {
                    stopTaken.TrySetResult();
                }
            });
        }

        using var taken = stop.Register(() => stopTaken.TrySetResult());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var cliEnvironment = new CliEnvironment(environment.Variables, new StringReader(environment.Stdin ?? string.Empty), environment.StdinIsTerminal);
        var code = await Program.RunAsync(args, stdout, stderr, cliEnvironment, stop, limit.Token);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs against the server at <paramref name="server"/> (a proxy, say).</summary>
    public static Task<CliResult> RunAsync(Uri server, params string[] args) =>
        RunAsync(new[] { "--server", server.ToString() }.Concat(args).ToArray());

    /// <summary>Runs against <paramref name="server"/> (<c>--server URL</c> first, as a user might type it).</summary>
    public static Task<CliResult> RunAsync(MonaiLabelEmulator server, params string[] args) =>
        RunAsync(new[] { "--server", server.Url.ToString() }.Concat(args).ToArray());

    public static Task<MonaiLabelEmulator> StartAsync(int sampleImages = 3, int taskMilliseconds = 200, bool auth = false) =>
        MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
        {
            SampleImages = sampleImages,
            TaskDuration = TimeSpan.FromMilliseconds(taskMilliseconds),
            AuthEnabled = auth,
        });

    /// <summary>A URL on 127.0.0.1 where nothing listens (a port just freed).</summary>
    public static string ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    public static void Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>A failure: the exit code, and exactly one line on stderr (apart from the emulator note), no stack trace.</summary>
    public static string Fails(CliResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("mlabel: ", StringComparison.Ordinal) && !l.StartsWith("Run 'mlabel --help'", StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count == 1, $"expected one error line\n{result}");
        Assert.StartsWith("error: ", lines[0]);
        Assert.False(HasStackTrace(result.Stderr), result.ToString());
        return lines[0];
    }

    /// <summary>Whether <paramref name="text"/> has a .NET stack frame line ("   at Type.Method(...)").</summary>
    public static bool HasStackTrace(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^\s+at \S+\(.*\)", System.Text.RegularExpressions.RegexOptions.Multiline);
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlabel-tests-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
