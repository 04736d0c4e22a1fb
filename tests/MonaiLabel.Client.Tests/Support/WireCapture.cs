using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client.Tests;

/// <summary>A captured HTTP response from Fixtures/wire, split into status, headers and body.</summary>
internal sealed class WireCapture
{
    private WireCapture(int status, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Loads a fixture copied beside the test assembly; tests never read ../shared.</summary>
    public static WireCapture Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wire", name + ".response.bin"));
        var split = IndexOf(bytes, Encoding.ASCII.GetBytes("\r\n\r\n"));
        var head = Encoding.ASCII.GetString(bytes, 0, split).Split(new[] { "\r\n" }, StringSplitOptions.None);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }

        var body = bytes.AsSpan(split + 4).ToArray();
        if (headers.TryGetValue("content-length", out var length) && int.Parse(length) != body.Length)
        {
            throw new InvalidDataException($"{name}: content-length {length} but {body.Length} body bytes");
        }

        return new WireCapture(int.Parse(head[0].Split(' ')[1]), headers, body);
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

/// <summary>
/// Serves bytes a few at a time (1–7 per read, in a fixed pattern), like a slow network, so that delimiters and
/// header lines straddle reads. Honours cancellation; can cancel a token once it has served a given count.
/// </summary>
internal sealed class TrickleStream : Stream
{
    private readonly byte[] _data;
    private readonly int _maxChunk;
    private readonly long _cancelAfter;
    private readonly CancellationTokenSource? _cancelSource;
    private int _position;
    private int _reads;

    public TrickleStream(byte[] data, int maxChunk = 7, long cancelAfter = long.MaxValue, CancellationTokenSource? cancelSource = null)
    {
        _data = data;
        _maxChunk = maxChunk;
        _cancelAfter = cancelAfter;
        _cancelSource = cancelSource;
    }

    public int ReadCalls => _reads;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= _cancelAfter)
        {
            _cancelSource?.Cancel();
        }

        var chunk = Math.Min(Math.Min(count, 1 + (_reads++ % _maxChunk)), _data.Length - _position);
        Buffer.BlockCopy(_data, _position, buffer, offset, chunk);
        _position += chunk;
        return chunk;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_position >= _cancelAfter)
        {
            _cancelSource?.Cancel();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }

#if !NETFRAMEWORK // .NET Framework's Stream has no Memory<byte> overload (the Mono host)
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= _cancelAfter)
        {
            _cancelSource?.Cancel();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var chunk = Math.Min(Math.Min(buffer.Length, 1 + (_reads++ % _maxChunk)), _data.Length - _position);
        _data.AsSpan(_position, chunk).CopyTo(buffer.Span);
        _position += chunk;
        return new ValueTask<int>(chunk);
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Small helpers to build bodies and read them back.</summary>
internal static class TestBodies
{
    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Reads every section, reading each body with reads of <paramref name="readSize"/> bytes.</summary>
    public static async Task<List<(MultipartSection Section, byte[] Body)>> ReadAllAsync(
        Stream body, string boundary, MultipartReaderOptions? options = null, int readSize = 4096)
    {
        using var reader = new MultipartStreamReader(body, boundary, options);
        var sections = new List<(MultipartSection, byte[])>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            sections.Add((section, await ReadBodyAsync(section.Body, readSize)));
        }

        return sections;
    }

    public static async Task<byte[]> ReadBodyAsync(Stream body, int readSize)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await body.ReadAsync(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
