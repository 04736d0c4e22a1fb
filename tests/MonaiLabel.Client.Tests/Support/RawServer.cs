using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (port 0) that does exactly what a test script says with each connection:
/// write arbitrary bytes, stall, trickle, reset (RST), close, or accept and never answer. Started and stopped
/// inside each test. Every connection's fate — did the client close it? — is recorded, so tests can prove that a
/// failed or cancelled call does not leak its connection.
/// </summary>
internal sealed class RawServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawConnection, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawConnection> _connections = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _acceptLoop;

    public RawServer(Func<RawConnection, Task> script, IPAddress? address = null)
    {
        _script = script;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>The connections accepted so far, in order.</summary>
    public IReadOnlyList<RawConnection> Connections => _connections.ToList();

    public int Accepted => _connections.Count;

    /// <summary>Every request head (and body) read by a script, in order.</summary>
    public IReadOnlyList<RawRequest> Requests => _requests.ToList();

    /// <summary>Answers every request on every connection with <paramref name="answer"/> (keep-alive).</summary>
    public static RawServer Answering(Func<RawRequest, byte[]> answer) =>
        new(async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                await c.WriteAsync(answer(request));
            }
        });

    /// <summary>Reads each request and writes <paramref name="response"/>, then closes the connection.</summary>
    public static RawServer Once(byte[] response) =>
        new(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(response);
            c.Close();
        });

    /// <summary>Accepts connections and never reads or writes a byte.</summary>
    public static RawServer NeverAnswers() => new(c => c.WaitForClientCloseAsync(TimeSpan.FromMinutes(5)));

    /// <summary>Waits until the client has closed connection <paramref name="index"/> (or fails the test).</summary>
    public async Task AssertClientClosedAsync(int index = 0, double seconds = 15)
    {
        var watch = Stopwatch.StartNew();
        while (Accepted <= index)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"connection {index} was never opened");
            await Task.Delay(10);
        }

        var connection = Connections[index];
        Assert.True(
            await connection.WaitForClientCloseAsync(TimeSpan.FromSeconds(seconds)),
            $"the client kept connection {index} open for {seconds} s after the call ended: a leaked connection");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Abort();
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

    internal void Record(RawRequest request) => _requests.Enqueue(request);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var connection = new RawConnection(this, socket, _connections.Count, _stop.Token);
            _connections.Enqueue(connection);
            _ = Task.Run(async () =>
            {
                try
                {
                    await _script(connection).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // The client went away mid-script: that is what many tests provoke.
                    connection.NoteClosedByClient();
                }
            });
        }
    }
}

/// <summary>One request as the raw server read it.</summary>
internal sealed class RawRequest
{
    public RawRequest(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string Target { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
