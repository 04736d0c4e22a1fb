using System;
using System.Buffers;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Reads a <c>multipart/form-data</c> or <c>multipart/mixed</c> body (RFC 2046) one section at a time, straight
/// from the network stream: a part is never buffered whole, so a result image of any size streams through one
/// pooled buffer. Not thread-safe; the body stream is not disposed by the reader.
/// </summary>
/// <example>
/// <code>
/// using var reader = new MultipartStreamReader(body, MultipartBoundary.Parse(contentType));
/// while (await reader.ReadNextSectionAsync(ct) is { } section)
/// {
///     if (section.FileName is null) json = await section.ReadAsStringAsync(ct);
///     else await section.Body.CopyToAsync(file, 81920, ct);
/// }
/// </code>
/// </example>
internal sealed partial class MultipartStreamReader : IDisposable
{
    private readonly Stream _stream;
    private readonly MultipartReaderOptions _options;
    private readonly string _boundary;
    private readonly byte[] _delimiter; // CRLF "--" boundary: what ends every part.
    private readonly int _capacity;
    private byte[]? _buffer;
    private int _start; // First unread byte in _buffer.
    private int _end; // One past the last byte read into _buffer.
    private long _streamBytes; // Bytes read from _stream so far, for error messages.
    private bool _endOfStream;
    private State _state = State.Preamble;
    private MultipartSection? _current;
    private int _sectionCount;

    /// <summary>Creates a reader over <paramref name="body"/>.</summary>
    /// <param name="body">The multipart body, positioned at its first byte.</param>
    /// <param name="boundary">The boundary, as returned by <see cref="MultipartBoundary.Parse"/>.</param>
    /// <param name="options">Buffer size and limits; the defaults when null.</param>
    public MultipartStreamReader(Stream body, string boundary, MultipartReaderOptions? options = null)
    {
        _stream = body ?? throw new ArgumentNullException(nameof(body));
        if (boundary is null)
        {
            throw new ArgumentNullException(nameof(boundary));
        }

        var problem = MultipartBoundary.FindProblem(boundary);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(boundary));
        }

        _options = (options ?? new MultipartReaderOptions()).CheckedCopy();
        _boundary = boundary;
        _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);

        // Room for a whole header line with its line end, and for a delimiter split across two reads.
        _capacity = Math.Max(_options.BufferSize, Math.Max(_options.MaxHeaderLineLength + 2, 2 * _delimiter.Length + 4));
        _buffer = ArrayPool<byte>.Shared.Rent(_capacity);
    }

    private enum State
    {
        Preamble, // Nothing read yet.
        AfterDelimiter, // A delimiter was just consumed; "--" or a line end follows.
        InBody, // Inside _current's body.
        Done, // The close delimiter was read.
        Faulted, // An error or cancellation left the position unknown.
    }

    internal int MaxTextPartLength => _options.MaxTextPartLength;

    private int Available => _end - _start;

    private long Offset => _streamBytes - Available;

    /// <summary>
    /// Moves to the next section and reads its headers. Whatever the caller left unread of the previous section's
    /// body is skipped first.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read; the reader cannot be used afterwards.</param>
    /// <returns>The next section, or null after the close delimiter.</returns>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.InvalidResponse"/> when the body is malformed, truncated or exceeds a limit.
    /// </exception>
    public async Task<MultipartSection?> ReadNextSectionAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        try
        {
            switch (_state)
            {
                case State.Done:
                    return null;
                case State.Preamble:
                    await SkipPreambleAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case State.InBody:
                    await SkipBodyAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }

            _current = null;
            if (await ReadAfterDelimiterAsync(cancellationToken).ConfigureAwait(false))
            {
                _state = State.Done;
                return null;
            }

            if (_sectionCount == _options.MaxParts)
            {
                throw MultipartErrors.Malformed($"the body has more than {_options.MaxParts} parts (MaxParts)");
            }

            _sectionCount++;
            var headers = await ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
            var section = new MultipartSection(this, headers);
            _current = section;
            _state = State.InBody;
            if (await TryTakeDelimiterWithoutLineEndAsync(cancellationToken).ConfigureAwait(false))
            {
                section.BodyEnded = true; // An empty part whose header block ended right at the next delimiter.
            }

            return section;
        }
        catch
        {
            _state = State.Faulted;
            throw;
        }
    }

    /// <summary>Returns the buffer to the pool. The body stream is left open.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        _current = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ThrowIfUnusable()
    {
        if (_buffer is null)
        {
            throw new ObjectDisposedException(nameof(MultipartStreamReader));
        }

        if (_state == State.Faulted)
        {
            throw new InvalidOperationException("The multipart reader failed or was cancelled earlier and cannot continue.");
        }
    }

    // Reads more of the stream after the unread bytes; false at its end. A 0-byte read is the end: never spin.
#if NET8_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<bool> FillAsync(bool async, CancellationToken cancellationToken)
    {
        if (_endOfStream)
        {
            return false;
        }

        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(MultipartStreamReader));
        if (_start > 0)
        {
            Buffer.BlockCopy(buffer, _start, buffer, 0, Available);
            _end -= _start;
            _start = 0;
        }

        if (_end == _capacity)
        {
            // Callers consume a line or body bytes before asking for more, so this is a bug, not bad input.
            throw new InvalidOperationException("The multipart read buffer is full.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        int read;
        if (async)
        {
#if NET8_0_OR_GREATER
            read = await _stream.ReadAsync(buffer.AsMemory(_end, _capacity - _end), cancellationToken).ConfigureAwait(false);
#else
            read = await _stream.ReadAsync(buffer, _end, _capacity - _end, cancellationToken).ConfigureAwait(false);
#endif
        }
        else
        {
            read = _stream.Read(buffer, _end, _capacity - _end);
        }

        if (read <= 0)
        {
            _endOfStream = true;
            return false;
        }

        _end += read;
        _streamBytes += read;
        return true;
    }

    private string DescribeCurrentPart() =>
        _current?.Name is { } name ? $"part {_sectionCount} ('{name}')" : $"part {_sectionCount}";
}
