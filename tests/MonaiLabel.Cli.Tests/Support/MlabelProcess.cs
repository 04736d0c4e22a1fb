using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Cli.Tests.Support;

/// <summary>
/// One run of an mlabel executable as a child process (<c>MLABEL_EXE</c>): what it printed and its exit code.
/// Cancelling sends SIGINT, as Ctrl+C in a terminal does.
/// </summary>
internal static class MlabelProcess
{
    /// <summary>The executable under test, or null to run the CLI in-process.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("MLABEL_EXE") is { Length: > 0 } exe ? exe : null;

    public static async Task<CliResult> RunAsync(
        string exe, string[] args, MlabelEnvironment environment, CancellationToken cancellationToken, Action<string>? onStderrLine = null)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child sees the test's own environment (PATH, HOME, DOTNET_*) minus what would change mlabel's answers.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MONAILABEL_", StringComparison.Ordinal) || name is "XDG_CONFIG_HOME" or "COLUMNS")
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment.Variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {exe}");
        if (environment.Stdin != null)
        {
            await process.StandardInput.WriteAsync(environment.Stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = onStderrLine == null ? process.StandardError.ReadToEndAsync(CancellationToken.None) : ReadLinesAsync(process.StandardError, onStderrLine);

        using var interrupt = cancellationToken.Register(() => Interrupt(process));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    // Stderr as it comes, each line also handed to the test (e.g. to see that a Ctrl+C was taken).
    private static async Task<string> ReadLinesAsync(System.IO.StreamReader reader, Action<string> onLine)
    {
        var all = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            all.Append(line).Append('\n');
            onLine(line);
        }

        return all.ToString();
    }

    private static void Interrupt(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                _ = kill(process.Id, 2 /* SIGINT */);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
