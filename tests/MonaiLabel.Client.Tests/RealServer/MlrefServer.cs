using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.RealServer;

/// <summary>
/// Runs only when the reference server (MONAI Label's own endpoint code around a fake app, ../shared/mlref beside
/// the repository) is present; skipped with that reason otherwise.
/// </summary>
public sealed class MlrefFactAttribute : FactAttribute
{
    public MlrefFactAttribute()
    {
        if (MlrefServer.StartScript == null)
        {
            Skip = "needs ../shared/mlref/start.sh beside the repository (MONAI Label's real server code)";
        }
    }
}

/// <summary>One mlref server on a free loopback port with its own empty studies folder, stopped (by its pid) on dispose.</summary>
internal sealed class MlrefServer : IDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private MlrefServer(Process process, string root, Uri url)
    {
        _process = process;
        _root = root;
        Url = url;
    }

    public static string? StartScript
    {
        get
        {
            var script = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "mlref", "start.sh"));
            return File.Exists(script) ? script : null;
        }
    }

    public Uri Url { get; }

    public static async Task<MlrefServer> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "mlc-mlref-" + Guid.NewGuid().ToString("N"));
        var studies = Path.Combine(root, "studies");
        Directory.CreateDirectory(studies);
        var port = FreePort();
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { StartScript!, "--port", port.ToString(), "--studies", studies },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["MLREF_RUN_DIR"] = Path.Combine(root, "run") },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MlrefServer(process, root, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, "mlref exited before answering");
            try
            {
                using var answer = await probe.GetAsync(new Uri(server.Url, "info/"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        server.Dispose();
        throw new TimeoutException("mlref did not answer /info/ within 60 s");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
