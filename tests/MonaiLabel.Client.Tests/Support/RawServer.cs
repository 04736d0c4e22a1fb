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

namespace MonaiLabel.Client.Tests.Hostile;

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

/// <summary>One accepted connection and what a script can do with it.</summary>
internal sealed class RawConnection
{
    private readonly RawServer _server;
    private readonly Socket _socket;
    private readonly CancellationToken _stopping;
    private readonly List<byte> _pending = new();
    private readonly TaskCompletionSource<bool> _closedByClient = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RawConnection(RawServer server, Socket socket, int index, CancellationToken stopping)
    {
        _server = server;
        _socket = socket;
        _socket.NoDelay = true;
        Index = index;
        _stopping = stopping;
    }

    public int Index { get; }

    public bool ClosedByClient => _closedByClient.Task.IsCompleted;

    /// <summary>Reads one request (head and body, by Content-Length or chunked); null when the client closed first.</summary>
    public async Task<RawRequest?> ReadRequestAsync()
    {
        var headEnd = await FillUntilAsync(() => IndexOf(_pending, "\r\n\r\n"u8.ToArray()));
        if (headEnd < 0)
        {
            NoteClosedByClient();
            return null;
        }

        var head = Encoding.Latin1.GetString(_pending.Take(headEnd).ToArray());
        _pending.RemoveRange(0, headEnd + 4);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = await ReadExactlyAsync(int.Parse(length));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync();
        }
        else
        {
            body = Array.Empty<byte>();
        }

        var request = new RawRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, headers, body);
        _server.Record(request);
        return request;
    }

    /// <summary>Reads only a request's head, leaving its body unread (so a streaming upload backs up); null at EOF.</summary>
    public async Task<string?> ReadHeadOnlyAsync()
    {
        var headEnd = await FillUntilAsync(() => IndexOf(_pending, "\r\n\r\n"u8.ToArray()));
        return headEnd < 0 ? null : Encoding.Latin1.GetString(_pending.Take(headEnd).ToArray());
    }

    /// <summary>Neither reads nor writes until the server stops: the client's bytes pile up unread.</summary>
    public Task HoldAsync() => Task.Delay(Timeout.Infinite, _stopping);

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, _stopping);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> one byte at a time, <paramref name="delay"/> apart.</summary>
    public async Task TrickleAsync(byte[] bytes, TimeSpan delay)
    {
        foreach (var b in bytes)
        {
            await WriteAsync(new[] { b });
            await Task.Delay(delay, _stopping);
        }
    }

    /// <summary>Sends nothing more and waits until the client closes the connection (or the server stops).</summary>
    public Task StallAsync() => WaitForClientCloseAsync(TimeSpan.FromMinutes(5));

    /// <summary>Closes with a TCP reset (SO_LINGER 0): the client sees "connection reset by peer".</summary>
    public void Reset()
    {
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>A graceful close (FIN) after everything written so far.</summary>
    public void Close()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        // Drain what the client still sends (closing with unread bytes would turn the FIN into a reset).
        _ = WaitForClientCloseAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => _socket.Dispose(), TaskScheduler.Default);
    }

    /// <summary>True once the client has closed (or reset) the connection, within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForClientCloseAsync(TimeSpan timeout)
    {
        if (ClosedByClient)
        {
            return true;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        wait.CancelAfter(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token);
                if (read == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return ClosedByClient;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset by the client, or closed by this server's own Reset/Dispose.
        }

        NoteClosedByClient();
        return true;
    }

    internal void NoteClosedByClient() => _closedByClient.TrySetResult(true);

    internal void Abort()
    {
        try
        {
            _socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int IndexOf(List<byte> data, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= data.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = data[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    // Receives until find() answers an index; -1 when the client closes first.
    private async Task<int> FillUntilAsync(Func<int> find)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var at = find();
            if (at >= 0)
            {
                return at;
            }

            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stopping);
            if (read == 0)
            {
                return -1;
            }

            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        if (await FillUntilAsync(() => _pending.Count >= count ? 0 : -1) < 0)
        {
            throw new IOException("The client closed the connection inside a request body.");
        }

        var body = _pending.Take(count).ToArray();
        _pending.RemoveRange(0, count);
        return body;
    }

    private async Task<byte[]> ReadChunkedAsync()
    {
        var body = new List<byte>();
        while (true)
        {
            var lineEnd = await FillUntilAsync(() => IndexOf(_pending, "\r\n"u8.ToArray()));
            if (lineEnd < 0)
            {
                throw new IOException("The client closed the connection inside a chunked request body.");
            }

            var sizeText = Encoding.ASCII.GetString(_pending.Take(lineEnd).ToArray()).Split(';')[0].Trim();
            _pending.RemoveRange(0, lineEnd + 2);
            var size = int.Parse(sizeText, System.Globalization.NumberStyles.HexNumber);
            var chunk = await ReadExactlyAsync(size + 2);
            if (size == 0)
            {
                return body.ToArray(); // The last chunk; trailers are not expected.
            }

            body.AddRange(chunk.Take(size));
        }
    }
}

/// <summary>Builds raw HTTP/1.1 answers, byte for byte.</summary>
internal static class RawHttp
{
    /// <summary>
    /// A status line, the given header lines (written exactly as given; Content-Length added unless one is given or
    /// <paramref name="contentLength"/> is false) and the body.
    /// </summary>
    public static byte[] Response(int status, IEnumerable<string> headers, byte[] body, bool contentLength = true)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        var list = headers.ToList();
        foreach (var header in list)
        {
            head.Append(header).Append("\r\n");
        }

        if (contentLength && !list.Any(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        return Concat(Latin1OrUtf8(head.ToString()), body);
    }

    public static byte[] Json(string json, int status = 200) =>
        Response(status, new[] { "Content-Type: application/json" }, Encoding.UTF8.GetBytes(json));

    /// <summary>A file answer with <paramref name="contentDisposition"/> written as raw bytes (UTF-8 for non-Latin-1).</summary>
    public static byte[] File(byte[] body, string? contentDisposition, string contentType = "application/octet-stream") =>
        Response(200, contentDisposition == null
            ? new[] { "Content-Type: " + contentType }
            : new[] { "Content-Type: " + contentType, "Content-Disposition: " + contentDisposition }, body);

    /// <summary>Only the head of an answer (for scripts that then write, trickle or stall the body themselves).</summary>
    public static byte[] Head(int status, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return Latin1OrUtf8(head.Append("\r\n").ToString());
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Latin1OrUtf8(string text) =>
        text.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        307 => "Temporary Redirect",
        401 => "Unauthorized",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
}

/// <summary>A multipart answer as MONAI Label writes it (requests_toolbelt), with hooks to break it.</summary>
internal static class RawMultipart
{
    public const string Boundary = "91828f88feea46c7b1d2f1d9b2105293";

    public static string ContentType(string boundary = Boundary) => "multipart/form-data; boundary=" + boundary;

    public static byte[] Params(string json = "{\"label_names\": {\"spleen\": 1}, \"latencies\": {\"total\": 0.5}}", string boundary = Boundary) =>
        Part(boundary, "Content-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(json));

    public static byte[] File(string dispositionFileParameter, byte[] content, string boundary = Boundary, string extraHeaders = "") =>
        Part(boundary, $"Content-Disposition: form-data; name=\"image\"; {dispositionFileParameter}\r\nContent-Type: application/octet-stream{extraHeaders}", content);

    /// <summary>"--boundary\r\n" + headers + "\r\n\r\n" + content + "\r\n".</summary>
    public static byte[] Part(string boundary, string headers, byte[] content) =>
        RawHttp.Concat(Encoding.UTF8.GetBytes($"--{boundary}\r\n{headers}\r\n\r\n"), content, "\r\n"u8.ToArray());

    public static byte[] Close(string boundary = Boundary) => Encoding.ASCII.GetBytes($"--{boundary}--\r\n");

    public static byte[] Body(params byte[][] parts) => RawHttp.Concat(parts.Append(Close()).ToArray());

    /// <summary>A whole 200 answer with a Content-Length.</summary>
    public static byte[] Answer(byte[] body, string? contentType = null) =>
        RawHttp.Response(200, new[] { "Content-Type: " + (contentType ?? ContentType()) }, body);

    /// <summary>A 200 answer without Content-Length, ended by closing the connection (the body may be cut anywhere).</summary>
    public static byte[] AnswerUntilClose(byte[] body, string? contentType = null) =>
        RawHttp.Response(200, new[] { "Content-Type: " + (contentType ?? ContentType()), "Connection: close" }, body, contentLength: false);
}

/// <summary>
/// A per-test temporary root with the result directory as a subfolder (created by the SDK on first save), so a
/// test can prove nothing was written anywhere but inside the result directory.
/// </summary>
internal sealed class HostileRoot : IDisposable
{
    public HostileRoot()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlc-hostile-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Dir = Path.Combine(Root, "results");
    }

    public string Root { get; }

    public string Dir { get; }

    public string[] FileNames =>
        Directory.Exists(Dir) ? Directory.GetFileSystemEntries(Dir).Select(p => Path.GetFileName(p)!).OrderBy(n => n, StringComparer.Ordinal).ToArray() : Array.Empty<string>();

    /// <summary>The root holds nothing but the result directory, and that holds no entry at all (no temp file).</summary>
    public void AssertClean()
    {
        AssertNothingOutside();
        Assert.True(FileNames.Length == 0, "Expected an empty result directory, found: " + string.Join(", ", FileNames));
    }

    /// <summary>The root holds nothing but the result directory, and that holds exactly <paramref name="names"/>.</summary>
    public void AssertOnly(params string[] names)
    {
        AssertNothingOutside();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal).ToArray(), FileNames);
    }

    public void AssertNothingOutside()
    {
        var strays = Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Where(p => p != Dir && Path.GetDirectoryName(p) != Dir)
            .ToList();
        Assert.True(strays.Count == 0, "Written outside the result directory: " + string.Join(", ", strays));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

internal static class HostileClient
{
    /// <summary>A client for <paramref name="server"/>: no retries (one attempt, one connection), short limits.</summary>
    public static MonaiLabelClient For(RawServer server, Action<MonaiLabelClientOptions>? configure = null)
    {
        var options = new MonaiLabelClientOptions
        {
            ServerUrl = server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(10),
            ReadTimeout = TimeSpan.FromSeconds(5),
        };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return MonaiLabelClient.Create(options);
    }

    /// <summary>Fails the test when <paramref name="call"/> takes longer than <paramref name="seconds"/>: nothing may hang.</summary>
    public static async Task<T> Within<T>(double seconds, Func<Task<T>> call)
    {
        var task = call();
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"The call did not finish within {seconds} s");
        return await task;
    }

    public static async Task<MonaiLabelClientException> Fails(MonaiLabelErrorKind kind, Func<Task> call, double seconds = 10)
    {
        var task = Record.ExceptionAsync(call);
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"The call did not fail within {seconds} s: it hangs");
        var error = await task;
        Assert.NotNull(error);
        var typed = Assert.IsAssignableFrom<MonaiLabelClientException>(error);
        Assert.True(kind == typed.Kind, $"Expected Kind {kind}, got {typed.Kind}: {typed.Message}");
        return typed;
    }
}
