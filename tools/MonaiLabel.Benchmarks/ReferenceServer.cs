using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// MONAI Label's real server code (<c>../shared/mlref/start.sh</c>, found relative to the repository as .ci/run
/// finds it, or at MONAILABEL_SHARED_DIR) on 127.0.0.1, started for one benchmark and stopped by its process group.
/// </summary>
internal sealed class ReferenceServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private ReferenceServer(Process process, string root, Uri url)
    {
        _process = process;
        _root = root;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The shared directory (holding mlref/ and upstream/), or null with the reason it is absent.</summary>
    public static string? SharedDirectory(out string searched)
    {
        var shared = Environment.GetEnvironmentVariable("MONAILABEL_SHARED_DIR") is { Length: > 0 } env
            ? env
            : Path.Combine(RepoPaths.Root, "..", "shared");
        searched = Path.GetFullPath(shared);
        return File.Exists(Path.Combine(searched, "mlref", "start.sh")) ? searched : null;
    }

    public static async Task<ReferenceServer> StartAsync(string shared, bool interactive = false)
    {
        var root = Directory.CreateTempSubdirectory("monailabel-bench-mlref-").FullName;
        var studies = Directory.CreateDirectory(Path.Combine(root, "studies")).FullName;
        var port = FreePort();
        // setsid: the server's python children share one process group, which DisposeAsync ends.
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(shared, "mlref", "start.sh"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--studies", studies })
        {
            start.ArgumentList.Add(arg);
        }

        if (interactive)
        {
            start.ArgumentList.Add("--interactive"); // deepgrow, SAM2, DeepEdit, scribbles models
        }

        start.Environment["MLREF_RUN_DIR"] = Path.Combine(root, "run");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var server = new ReferenceServer(process, root, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"the reference server exited ({process.ExitCode}) before answering");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(url, "info/"));
                if (answer.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("the reference server did not answer /info/ within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The group setsid made (its id is the server's pid): the server and its workers.
            using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM -- -{_process.Id}") { UseShellExecute = false }))
            {
                kill?.WaitForExit();
            }

            using var wait = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A worker still closing a file; the temp directory is the system's to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the repository is, for the tools the benchmark builds from it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MonaiLabel.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no MonaiLabel.Generated.sln above {AppContext.BaseDirectory}: run the benchmark from the repository");
    }
}
