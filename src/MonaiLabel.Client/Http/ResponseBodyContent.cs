using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Stands in for an answer's body once its headers have arrived (see <c>MonaiLabelClient.ProcessResponse</c>), so
/// that every way the body is read — the generated JSON and text readers, error bodies, downloads, multipart
/// answers — goes through one <see cref="ResponseBodyStream"/> with the read-idle timeout, the size limit and typed
/// errors for a connection that breaks off. Content headers other than Content-Length are copied; the length is
/// left out on purpose, so that nothing pre-allocates a buffer of a size the server merely claims.
/// </summary>
internal sealed class ResponseBodyContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly ResponseBodyLimits _limits;

    // The operation the answer came to: a download stream read after it returned still counts as its bytes.
    private readonly OperationScope? _scope = OperationScope.Current;

    public ResponseBodyContent(HttpContent inner, ResponseBodyLimits limits)
    {
        _inner = inner;
        _limits = limits;
        foreach (var header in inner.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => OpenAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        CopyAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        CopyAsync(stream, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Not async when the socket handler's stream is already there (it is, once the headers arrived): one async method
    // fewer for a fresh process's first call to JIT-compile. A synchronous throw still comes back as a faulted task.
    private Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Task<Stream> opening;
        try
        {
#if NET5_0_OR_GREATER
            opening = _inner.ReadAsStreamAsync(cancellationToken);
#else
            opening = _inner.ReadAsStreamAsync();
#endif
        }
        catch (Exception e)
        {
            return Task.FromException<Stream>(e);
        }

        // The token of the call that opened the body also cancels synchronous reads (the generated JSON reader's).
        return opening.Status == TaskStatus.RanToCompletion
            ? Task.FromResult<Stream>(new ResponseBodyStream(opening.Result, _limits, cancellationToken, _scope))
            : OpenLaterAsync(opening, cancellationToken);
    }

    private async Task<Stream> OpenLaterAsync(Task<Stream> opening, CancellationToken cancellationToken) =>
        new ResponseBodyStream(await opening.ConfigureAwait(false), _limits, cancellationToken, _scope);

    private async Task CopyAsync(Stream destination, CancellationToken cancellationToken)
    {
        using (var source = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>How one answer's body may be read.</summary>
internal sealed class ResponseBodyLimits
{
    public ResponseBodyLimits(string what, TimeSpan readTimeout, long? maxBytes, bool truncateAtMax)
    {
        What = what;
        ReadTimeout = readTimeout;
        MaxBytes = maxBytes;
        TruncateAtMax = truncateAtMax;
    }

    /// <summary>"the answer to GET /info/": for messages. Paths only, never queries (they may carry ids or tokens).</summary>
    public string What { get; }

    /// <summary>The longest wait for the next bytes; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan ReadTimeout { get; }

    /// <summary>The most bytes read; null for no limit.</summary>
    public long? MaxBytes { get; }

    /// <summary>
    /// At <see cref="MaxBytes"/>, end the body quietly (an error body only feeds a bounded preview) rather than fail
    /// with <see cref="MonaiLabelErrorKind.InvalidResponse"/> (an answer the caller needs whole).
    /// </summary>
    public bool TruncateAtMax { get; }

    /// <summary>The option that sets <see cref="MaxBytes"/>, named in the error.</summary>
    public string LimitName { get; set; } = "MaxJsonAnswerBytes";
}

/// <summary>
/// A read-only pass-through over an answer's body that (1) fails with <see cref="MonaiLabelErrorKind.Timeout"/> when
/// no byte arrives for <see cref="ResponseBodyLimits.ReadTimeout"/>, (2) fails with
/// <see cref="MonaiLabelErrorKind.InvalidResponse"/> (or ends quietly) past <see cref="ResponseBodyLimits.MaxBytes"/>,
/// and (3) reports a connection that breaks off mid-body — a reset, or fewer bytes than the Content-Length
/// promised — as <see cref="MonaiLabelErrorKind.InvalidResponse"/> instead of a bare IOException. A caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ResponseBodyStream : Stream
{
    private readonly Stream _inner;
    private readonly ResponseBodyLimits _limits;
    private readonly CancellationToken _opened;
    private readonly OperationScope? _scope;
    private readonly bool _counted;
    private long _read;
    private CancellationTokenSource? _idle;
    private CancellationToken _idleFor;

    public ResponseBodyStream(Stream inner, ResponseBodyLimits limits, CancellationToken opened = default, OperationScope? scope = null)
    {
        _inner = inner;
        _limits = limits;
        _opened = opened;
        _scope = scope;
        _counted = scope != null || MonaiLabelDiagnostics.BytesTransferred.Enabled;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        // Synchronous readers still get the timeout. The SDK reads synchronously only on a thread of its own (a JSON
        // answer past JsonAnswerBody.InMemoryLimit): blocking a pool thread here could starve the reads it waits for.
        ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(new Memory<byte>(buffer, offset, count), cancellationToken);

#if NET8_0_OR_GREATER
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new ValueTask<int>(ReadCoreAsync(buffer, cancellationToken));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _idle?.Dispose();
            _idle = null;
        }

        base.Dispose(disposing);
    }

    private async Task<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_limits.MaxBytes is { } max)
        {
            // Ask for one byte past the limit when it is a hard one: enough to know it was exceeded.
            var room = max - _read + (_limits.TruncateAtMax ? 0 : 1);
            if (room <= 0)
            {
                return 0;
            }

            if (buffer.Length > room)
            {
                buffer = buffer.Slice(0, (int)room);
            }
        }

        // The read and its limits in this one async method (a second one nested here cost a fresh process's first call
        // three more JIT-compiled methods).
        int read;
        var timeout = _limits.ReadTimeout;
        var idle = timeout == Timeout.InfiniteTimeSpan ? null : IdleSource(cancellationToken);
        try
        {
            idle?.CancelAfter(timeout);
            var token = idle?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _opened);
#if NET8_0_OR_GREATER
            read = await _inner.ReadAsync(buffer, token).ConfigureAwait(false);
#else
            if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            {
                throw new NotSupportedException("Only array-backed buffers are supported.");
            }

            read = await _inner.ReadAsync(segment.Array!, segment.Offset, segment.Count, token).ConfigureAwait(false);
#endif
        }
        catch (OperationCanceledException e) when (idle != null && idle.IsCancellationRequested &&
                                                   !cancellationToken.IsCancellationRequested && !_opened.IsCancellationRequested)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.Timeout,
                $"{Capitalized(_limits.What)} stalled: no data for {timeout.TotalSeconds:0.###} s after {_read} bytes (ReadTimeout).", e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested && !_opened.IsCancellationRequested)
        {
            // A reset, or a body shorter than its Content-Length: HttpClient says so with an IOException.
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"{Capitalized(_limits.What)} broke off after {_read} bytes, before it was complete: {e.Message}", e);
        }
        finally
        {
            // Stop the idle timer between reads; the source is reused by the next read (see IdleSource).
            idle?.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        _read += read;
        if (_counted)
        {
            OperationScope.Received(_scope, read);
        }

        if (_limits.MaxBytes is { } limit && _read > limit)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"{Capitalized(_limits.What)} is larger than {limit} bytes ({_limits.LimitName}); it was not read further.");
        }

        return read;
    }

    /// <summary>
    /// The idle-timeout source for a read. One source serves every read made with the same caller token, reset in
    /// between where the runtime allows it, so a multi-GB body does not allocate a source and timer per read.
    /// </summary>
    private CancellationTokenSource IdleSource(CancellationToken cancellationToken)
    {
        var idle = _idle;
        if (idle != null && _idleFor == cancellationToken)
        {
#if NET8_0_OR_GREATER
            if (idle.TryReset())
            {
                return idle;
            }
#else
            if (!idle.IsCancellationRequested)
            {
                return idle;
            }
#endif
        }

        idle?.Dispose();
        _idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _opened);
        _idleFor = cancellationToken;
        return _idle;
    }

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
