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
using Microsoft.Extensions.Logging;
using MonaiLabel.Client.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>One scripted answer of <see cref="ScriptedServer"/>.</summary>
internal sealed class Reply
{
    public Reply(int status, string? json = null)
    {
        Status = status;
        if (json != null)
        {
            Body = Encoding.UTF8.GetBytes(json);
            Headers["Content-Type"] = "application/json";
        }
    }

    public int Status { get; }

    public byte[]? Body { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Reply Json(string json, int status = 200) => new(status, json);

    public static Reply AppInfo(string name = "ecosystem") => new(200, "{\"name\":\"" + name + "\",\"version\":\"1.0\"}");

    public static Reply Token(string token) => new(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}");

    public static Reply Status503 => new(503, "{\"detail\":\"busy\"}");

    public static Reply Unauthorized => new(401, "{\"detail\":\"Not authenticated\"}");

    public Reply With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}

/// <summary>
/// WireMock on 127.0.0.1 (through <see cref="WireMockServerFixture"/>) whose every answer is computed by the test.
/// Each request is recorded synchronously before it is answered, so counts are exact once the client has its answer.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly WireMockServerFixture _wire = new();
    private readonly object _gate = new();
    private readonly List<WireRequest> _requests = new();

    public ScriptedServer(Func<WireRequest, Reply> answer)
        : this(request => Task.FromResult(answer(request)))
    {
    }

    /// <summary>Answers asynchronously: a test can hold a request without blocking a server thread.</summary>
    public ScriptedServer(Func<WireRequest, Task<Reply>> answer)
    {
        _wire.Server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async message =>
            {
                var request = new WireRequest(message);
                lock (_gate)
                {
                    _requests.Add(request);
                }

                return ToMessage(await answer(request).ConfigureAwait(false));
            }));
    }

    public Uri BaseUrl => _wire.BaseUrl;

    public int Port => _wire.Server.Port;

    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<WireRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>An options object pointing at this server, with fast retries.</summary>
    public MonaiLabelClientOptions Options(Action<MonaiLabelClientOptions>? configure = null)
    {
        var options = new MonaiLabelClientOptions { ServerUrl = BaseUrl };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        configure?.Invoke(options);
        return options;
    }

    public void Dispose() => _wire.Dispose();

    private static IResponseMessage ToMessage(Reply reply)
    {
        var message = new ResponseMessage { StatusCode = reply.Status };
        foreach (var header in reply.Headers)
        {
            message.AddHeader(header.Key, header.Value);
        }

        if (reply.Body != null)
        {
            message.BodyData = new BodyData { BodyAsBytes = reply.Body, DetectedBodyType = BodyType.Bytes };
        }

        return message;
    }
}

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

/// <summary>One captured log call (or scope), with its rendered message and its structured values.</summary>
internal sealed class LogLine
{
    public LogLine(string category, LogLevel level, EventId eventId, string message, IReadOnlyList<KeyValuePair<string, object?>> state, Exception? exception)
    {
        Category = category;
        Level = level;
        EventId = eventId;
        Message = message;
        State = state;
        Exception = exception;
    }

    public string Category { get; }

    public LogLevel Level { get; }

    public EventId EventId { get; }

    public string Message { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> State { get; }

    public Exception? Exception { get; }

    /// <summary>Everything a log sink could write for this line: the message, every state value, the exception text.</summary>
    public string AllText =>
        Message + "\n" + string.Join("\n", State.Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture))) +
        "\n" + Exception;

    public object? Value(string key) => State.FirstOrDefault(kv => kv.Key == key).Value;

    public override string ToString() => $"[{Level} {Category} {EventId.Id}] {Message}";
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every log call and scope of every category, at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToList();

    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>Asserts no captured line (message, state values, exception, scope) contains any of <paramref name="secrets"/>.</summary>
    public void AssertNoLineContains(params string[] secrets)
    {
        foreach (var line in Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(
                    line.AllText.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0,
                    $"Log line leaks '{secret}': {line}\n{line.AllText}");
            }
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<LogLine> _lines;

        public Logger(string category, ConcurrentQueue<LogLine> lines)
        {
            _category = category;
            _lines = lines;
        }

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            // Scopes end up in log sinks too: keep them as lines of their own.
            _lines.Enqueue(new LogLine(_category, LogLevel.None, new EventId(-1, "Scope"), state.ToString() ?? string.Empty, StateOf(state), null));
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(new LogLine(_category, logLevel, eventId, formatter(state, exception), StateOf(state), exception));

        private static IReadOnlyList<KeyValuePair<string, object?>> StateOf<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : new List<KeyValuePair<string, object?>>();
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that records each report on the reporting thread (no SynchronizationContext hop).</summary>
internal sealed class SyncProgress : IProgress<long>
{
    private readonly ConcurrentQueue<long> _values = new();

    public IReadOnlyList<long> Values => _values.ToList();

    public void Report(long value) => _values.Enqueue(value);

    /// <summary>Every report is larger than the one before, and the last is <paramref name="total"/>.</summary>
    public void AssertIncreasingTo(long total)
    {
        var values = Values;
        Assert.NotEmpty(values);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] > values[i - 1], $"Progress went from {values[i - 1]} to {values[i]} at report {i}");
        }

        Assert.Equal(total, values[values.Count - 1]);
    }
}

/// <summary>A temporary directory under the temp path, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlc-ecosystem-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A file of <paramref name="length"/> pseudo-random bytes.</summary>
    public string File(string name, int length)
    {
        var path = System.IO.Path.Combine(Path, name);
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        System.IO.File.WriteAllBytes(path, bytes);
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
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class Wait
{
    /// <summary>Waits (polling) until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 5)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), "Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }
}
