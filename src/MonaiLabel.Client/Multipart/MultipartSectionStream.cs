using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>A section's body as a read-only, forward-only stream over the reader's buffer.</summary>
internal sealed class MultipartSectionStream : Stream
{
    private readonly MultipartStreamReader _reader;
    private readonly MultipartSection _section;
    private bool _disposed;
    private Task<int>? _lastReadTask;

    public MultipartSectionStream(MultipartStreamReader reader, MultipartSection section)
    {
        _reader = reader;
        _section = section;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A multipart section's length is not known in advance.");

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateArguments(buffer, offset, count);
        // Synchronous all the way down (async: false): the ValueTask is complete, so this never blocks or deadlocks.
        var read = _reader.ReadBodyAsync(_section, buffer.AsMemory(offset, count), async: false, CancellationToken.None);
        return read.IsCompleted ? read.Result : read.AsTask().GetAwaiter().GetResult();
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateArguments(buffer, offset, count);
        var read = _reader.ReadBodyAsync(_section, buffer.AsMemory(offset, count), async: true, cancellationToken);
        if (!read.IsCompletedSuccessfully)
        {
            return read.AsTask();
        }

        // Like MemoryStream: reads of the same size (the common case) reuse one completed task.
        var bytesRead = read.Result;
        var last = _lastReadTask;
        return last is not null && last.Result == bytesRead ? last : _lastReadTask = Task.FromResult(bytesRead);
    }

#if NET8_0_OR_GREATER
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _reader.ReadBodyAsync(_section, buffer, async: true, cancellationToken);
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true; // The reader owns the underlying stream; it stays open.
        base.Dispose(disposing);
    }

    private void ValidateArguments(byte[] buffer, int offset, int count)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(MultipartSectionStream));
        }

        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "The offset and count do not fit the buffer.");
        }
    }
}
