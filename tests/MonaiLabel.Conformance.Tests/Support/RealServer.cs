using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>
/// The real target: <c>shared/mlref/start.sh</c> (MONAI Label's own endpoints, datastore, sessions and tasks around
/// a fake app) on a free 127.0.0.1 port, with a temporary studies folder and run folder, killed with its process
/// tree (train/scoring/batch sub-processes included) and deleted on dispose.
/// </summary>
public sealed class RealServer : IServerUnderTest
{
    private readonly Process process;
    private readonly string root;
    private readonly StringBuilder output;

    private RealServer(Process process, string root, StringBuilder output, Uri url)
    {
        this.process = process;
        this.root = root;
        this.output = output;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<RealServer> StartAsync(bool auth, bool interactive = false)
    {
        var shared = Target.SharedDirectory() ?? throw new InvalidOperationException(
            $"the real target needs ../shared/mlref beside the repository (or ${Target.SharedEnvironmentVariable}); .ci/run skips the real-server run without it");
        var root = Path.Combine(Path.GetTempPath(), "mlconf-" + Guid.NewGuid().ToString("N")[..10]);
        var studies = Path.Combine(root, "studies");
        Directory.CreateDirectory(studies);
        var port = FreePort();
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(shared, "mlref", "start.sh"));
        foreach (var a in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--studies", studies })
        {
            start.ArgumentList.Add(a);
        }

        if (auth)
        {
            start.ArgumentList.Add("--auth");
            start.ArgumentList.Add("--auth-jwt-compat");
        }

        if (interactive)
        {
            start.ArgumentList.Add("--interactive");
        }

        start.Environment["MLREF_RUN_DIR"] = Path.Combine(root, "run");
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        void Append(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data != null)
            {
                lock (output)
                {
                    if (output.Length < 1 << 20)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var server = new RealServer(process, root, output, url);
        try
        {
            await server.WaitReadyAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitReadyAsync()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("MONAILABEL_CONFORMANCE_START_SECONDS"), out var s) ? s : 600;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mlref exited with {process.ExitCode} before it answered:\n{Output}");
            }

            try
            {
                // With auth on, /info/ answers 401 once the app is up: any HTTP answer means ready.
                using var answer = await http.GetAsync(new Uri(Url, "info/")).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"mlref did not answer on {Url} within {seconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }
        finally
        {
            var logDir = Environment.GetEnvironmentVariable("MONAILABEL_CONFORMANCE_SERVER_LOGS");
            if (!string.IsNullOrEmpty(logDir))
            {
                Directory.CreateDirectory(logDir);
                await File.WriteAllTextAsync(Path.Combine(logDir, $"mlref-{Url.Port}.log"), Output).ConfigureAwait(false);
            }

            process.Dispose();
            for (var attempt = 0; attempt < 10 && Directory.Exists(root); attempt++)
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await Task.Delay(100).ConfigureAwait(false);
                }
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
