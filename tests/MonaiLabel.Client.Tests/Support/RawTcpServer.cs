using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// A raw HTTP/1.1 "server" on <see cref="IPAddress.Loopback"/> for what WireMock cannot do: never answer, read
/// slowly, drop the connection, or show the exact request head the client sent. Every accepted connection runs
/// <c>handle</c>; all are closed on dispose.
/// </summary>
internal sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<TcpClient> _connections = new();
    private readonly Task _acceptLoop;
    private int _accepted;

    public RawTcpServer(Func<TcpClient, CancellationToken, Task> handle)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _acceptLoop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _accepted);
                _connections.Enqueue(connection);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await handle(connection, _stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The client went away or the test ended.
                    }
                });
            }
        });
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Request heads (request line and headers) read by the handlers that record them.</summary>
    public ConcurrentQueue<string> Heads { get; } = new();

    /// <summary>Accepts, reads nothing and never answers.</summary>
    public static RawTcpServer NeverAnswers() => new((_, stop) => Task.Delay(Timeout.Infinite, stop));

    /// <summary>Reads each request head, records it, and answers <paramref name="status"/> with a JSON body, then closes.</summary>
    public static RawTcpServer Answering(int status, string json)
    {
        RawTcpServer? server = null;
        server = new RawTcpServer(async (connection, stop) =>
        {
            using (connection)
            {
                var stream = connection.GetStream();
                var head = await ReadHeadAsync(stream, stop).ConfigureAwait(false);
                server!.Heads.Enqueue(head);
                await SkipBodyAsync(stream, head, stop).ConfigureAwait(false);
                var body = Encoding.UTF8.GetBytes(json);
                var response = Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(response, 0, response.Length, stop).ConfigureAwait(false);
                await stream.WriteAsync(body, 0, body.Length, stop).ConfigureAwait(false);
                await stream.FlushAsync(stop).ConfigureAwait(false);
            }
        });
        return server;
    }

    /// <summary>Reads the request head, then closes the connection without an answer.</summary>
    public static RawTcpServer DropsConnection() => new(async (connection, stop) =>
    {
        using (connection)
        {
            await ReadHeadAsync(connection.GetStream(), stop).ConfigureAwait(false);
        }
    });

    /// <summary>The request head: everything up to and including the blank line, as ASCII.</summary>
    public static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(one, 0, 1, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        while (_connections.TryDequeue(out var connection))
        {
            connection.Dispose();
        }

        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private static async Task SkipBodyAsync(Stream stream, string head, CancellationToken cancellationToken)
    {
        var line = head.Split(new[] { "\r\n" }, StringSplitOptions.None)
            .FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var remaining = line == null ? 0 : long.Parse(line.Substring("Content-Length:".Length).Trim());
        var buffer = new byte[8192];
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, remaining), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }
}