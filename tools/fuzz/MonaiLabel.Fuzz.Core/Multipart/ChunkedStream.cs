using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Fuzz.Core;

/// <summary>A stream over bytes whose reads return at most the next chunk size (cycled): a network's pacing.</summary>
internal sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly int[] _chunks;
    private int _position;
    private int _reads;

    public ChunkedStream(byte[] data, int[] chunks)
    {
        _data = data;
        _chunks = chunks;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, _chunks[_reads++ % _chunks.Length]), _data.Length - _position);
        Buffer.BlockCopy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
