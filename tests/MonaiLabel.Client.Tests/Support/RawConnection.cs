using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client.Tests;

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
