using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Drift.Tests;

/// <summary>Files of this repository (found from the test's bin folder upwards); nothing outside it is read.</summary>
internal static class Repo
{
    public static readonly string Root = DriftTool.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("MonaiLabel.Generated.sln not found above " + AppContext.BaseDirectory);

    public static string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Spec => File("openapi/monailabel.yaml");

    public static string Allow => File("openapi/drift-allow.yaml");

    public static string Real => File("tests/fixtures/openapi/openapi.real.json");

    public static string RealAuth => File("tests/fixtures/openapi/openapi.real.auth.json");

    public static string Drift(string name) => File("tests/fixtures/drift/" + name);
}

/// <summary>Runs the tool as Main would, capturing its output.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<ToolRun> RunAsync(string? currentDirectory = null, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await DriftTool.RunAsync(args, stdout, stderr, currentDirectory ?? Repo.Root);
        return new ToolRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) that answers GET /openapi.json with a file and 404 otherwise.
/// Serves until disposed; each connection gets one answer and is closed.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _body;
    private readonly Task _loop;

    public LoopbackServer(string file)
    {
        _body = System.IO.File.ReadAllBytes(file);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public List<string> RequestedPaths { get; } = [];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            using (client)
            {
                await AnswerAsync(client.GetStream());
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < 65536)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var requestLine = head.ToString().Split("\r\n")[0].Split(' ');
        var path = requestLine.Length > 1 ? requestLine[1] : "";
        lock (RequestedPaths)
        {
            RequestedPaths.Add(requestLine[0] + " " + path);
        }

        var found = requestLine[0] == "GET" && path == "/openapi.json";
        var body = found ? _body : Encoding.UTF8.GetBytes("{\"detail\":\"Not Found\"}");
        var status = found ? "200 OK" : "404 Not Found";
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response, timeout.Token);
        await stream.WriteAsync(body, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The loop ends with the listener; nothing to report.
        }

        _stop.Dispose();
    }

    /// <summary>A loopback port with nothing listening on it (taken from the OS, then released).</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

internal static class FindingText
{
    public static string[] Of(IEnumerable<Finding> findings) =>
        findings.Select(f => f.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
