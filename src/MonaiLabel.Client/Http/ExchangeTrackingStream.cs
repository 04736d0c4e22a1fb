#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// The HTTP stream of one pooled connection (installed by <see cref="Filter"/>). It tells the
/// <see cref="ConnectionExchange"/> of each request written on it whether the connection had already carried an
/// earlier request, and whether any byte arrived after the request was written. HTTP/1.1 without pipelining:
/// bytes read after a request's first write belong to that request's answer.
/// </summary>
internal sealed class ExchangeTrackingStream : Stream
{
    private readonly Stream _inner;
    // Stands for a request written by a pipeline without ReusedConnectionReplayHandler: it still counts as an earlier
    // exchange of this connection. One per connection, so no state is shared between connections.
    private readonly ConnectionExchange _untracked = new();
    private ConnectionExchange? _current;

    public ExchangeTrackingStream(Stream inner) => _inner = inner;

    /// <summary>
    /// SocketsHttpHandler's <c>PlaintextStreamFilter</c>: the connection, made by the handler's own connect, wrapped
    /// where HTTP reads and writes it (above TLS, if any). Not async (a connect callback of our own was an async
    /// method that always suspends: ~16 methods a fresh process JIT-compiles on its first call).
    /// </summary>
    public static ValueTask<Stream> Filter(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken) =>
        new ValueTask<Stream>(new ExchangeTrackingStream(context.PlaintextStream));

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private void BeforeWrite()
    {
        var exchange = ConnectionExchange.Current ?? _untracked;
        var previous = _current;
        if (ReferenceEquals(previous, exchange))
        {
            return;
        }

        _current = exchange;
        exchange.MarkWritten(reusedConnection: previous != null);
    }

    private int AfterRead(int read)
    {
        if (read > 0)
        {
            _current?.MarkAnswered();
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => AfterRead(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => AfterRead(_inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        AfterRead(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    // Not async when the bytes were already there (no state machine to JIT-compile or run; see AnswerHandler).
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var reading = _inner.ReadAsync(buffer, cancellationToken);
        return reading.IsCompletedSuccessfully ? new ValueTask<int>(AfterRead(reading.Result)) : AfterReadAsync(reading);
    }

    private async ValueTask<int> AfterReadAsync(ValueTask<int> reading) => AfterRead(await reading.ConfigureAwait(false));

    public override void Write(byte[] buffer, int offset, int count)
    {
        BeforeWrite();
        _inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BeforeWrite();
        _inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        BeforeWrite();
        return _inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => _inner.DisposeAsync();
}
#endif
