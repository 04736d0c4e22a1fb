using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Finding where a part's bytes end: the delimiter CRLF "--" boundary, searched with the vectorised Span.IndexOf.
// Each buffered byte is scanned once: the result of a scan is kept until those bytes are consumed.
internal sealed partial class MultipartStreamReader
{
    private int _bodyReady; // Bytes from _start known to belong to the body (or preamble).
    private bool _delimiterNext; // The delimiter starts right after those bytes.

    /// <summary>Copies the next bytes of <paramref name="section"/>'s body; 0 at its end.</summary>
    /// <remarks>
    /// A ValueTask, pooled where the runtime can: a read served from the buffer allocates nothing, and neither
    /// does one that waits for the network, so a body of any size costs the same few allocations.
    /// </remarks>
#if NET8_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    internal async ValueTask<int> ReadBodyAsync(
        MultipartSection section, Memory<byte> destination, bool async, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        if (!ReferenceEquals(section, _current) || _state != State.InBody)
        {
            return section.BodyEnded
                ? 0
                : throw new InvalidOperationException(
                    "This section's body can no longer be read: the reader has moved on to the next section.");
        }

        if (destination.IsEmpty)
        {
            return 0;
        }

        try
        {
            while (true)
            {
                var ready = BodyBytesReady();
                if (ready > 0)
                {
                    var count = Math.Min(ready, destination.Length);
                    _buffer.AsSpan(_start, count).CopyTo(destination.Span);
                    ConsumeBody(count);
                    return count;
                }

                if (_delimiterNext)
                {
                    TakeDelimiter(_delimiter.Length);
                    section.BodyEnded = true;
                    return 0;
                }

                if (!await FillAsync(async, cancellationToken).ConfigureAwait(false))
                {
                    throw TruncatedInBody();
                }
            }
        }
        catch
        {
            _state = State.Faulted;
            throw;
        }
    }

    // Drains what the caller left of the current body, without copying it anywhere.
    private async ValueTask SkipBodyAsync(CancellationToken cancellationToken)
    {
        if (!await TrySkipToDelimiterAsync(cancellationToken).ConfigureAwait(false))
        {
            throw TruncatedInBody();
        }
    }

    // The first delimiter may open the body without the CRLF in front of it; anything before it is preamble.
    private async ValueTask SkipPreambleAsync(CancellationToken cancellationToken)
    {
        if (await TryTakeDelimiterWithoutLineEndAsync(cancellationToken).ConfigureAwait(false)
            || await TrySkipToDelimiterAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        throw MultipartErrors.Malformed(_streamBytes == 0
            ? $"the body is empty; expected the boundary '{_boundary}'"
            : $"the boundary '{_boundary}' never appears in the body ({_streamBytes} bytes)");
    }

    // Discards bytes up to and including the next delimiter; false if the stream ends first.
#if NET8_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<bool> TrySkipToDelimiterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ConsumeBody(BodyBytesReady());
            if (_delimiterNext)
            {
                TakeDelimiter(_delimiter.Length);
                return true;
            }

            if (!await FillAsync(true, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Consumes "--boundary" if it comes next. It may, without a CRLF of its own, at the very start of the body and
    /// right after a header block: there the CRLF that ended the block doubles as the delimiter's (an empty part).
    /// </summary>
    private async ValueTask<bool> TryTakeDelimiterWithoutLineEndAsync(CancellationToken cancellationToken)
    {
        var length = _delimiter.Length - 2;
        while (Available < length && await FillAsync(true, cancellationToken).ConfigureAwait(false))
        {
        }

        if (!_buffer.AsSpan(_start, Available).StartsWith(_delimiter.AsSpan(2)))
        {
            return false;
        }

        TakeDelimiter(length);
        return true;
    }

    // How many bytes from _start surely belong to the body; when 0, _delimiterNext says whether the body ends here.
    private int BodyBytesReady()
    {
        if (_bodyReady == 0 && !_delimiterNext)
        {
            var data = _buffer.AsSpan(_start, Available);
            var hit = data.IndexOf(_delimiter);
            _delimiterNext = hit >= 0;
            _bodyReady = hit >= 0 ? hit : data.Length - PartialDelimiterLength(data);
        }

        return _bodyReady;
    }

    private void ConsumeBody(int count)
    {
        _start += count;
        _bodyReady -= count;
    }

    private void TakeDelimiter(int length)
    {
        _start += length;
        _bodyReady = 0;
        _delimiterNext = false;
        _state = State.AfterDelimiter;
    }

    // Length of the longest tail of data that the next read could complete into a delimiter.
    private int PartialDelimiterLength(ReadOnlySpan<byte> data)
    {
        for (var i = Math.Max(0, data.Length - (_delimiter.Length - 1)); i < data.Length; i++)
        {
            var carriageReturn = data.Slice(i).IndexOf((byte)'\r');
            if (carriageReturn < 0)
            {
                return 0;
            }

            i += carriageReturn;
            if (_delimiter.AsSpan().StartsWith(data.Slice(i)))
            {
                return data.Length - i;
            }
        }

        return 0;
    }

    private MonaiLabelClientException TruncatedInBody() =>
        MultipartErrors.Malformed(
            $"the body ended inside {DescribeCurrentPart()} before its closing boundary (truncated after {_streamBytes} bytes)");
}
