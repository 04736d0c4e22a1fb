using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// The line-oriented bits: what follows a delimiter, and a part's header block. Lines end in CRLF; a bare LF is
// accepted too, since it costs nothing to.
internal sealed partial class MultipartStreamReader
{
    // RFC 9110 token: a header name has no separators or whitespace.
    private static readonly char[] NotInHeaderName = { ' ', '\t', '"', '(', ')', ',', '/', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '{', '}' };

    /// <summary>True for the close delimiter ("--"); false when a part's headers follow.</summary>
    private async ValueTask<bool> ReadAfterDelimiterAsync(CancellationToken cancellationToken)
    {
        while (Available < 2 && await FillAsync(true, cancellationToken).ConfigureAwait(false))
        {
        }

        if (Available >= 2 && _buffer![_start] == (byte)'-' && _buffer[_start + 1] == (byte)'-')
        {
            _start += 2; // The epilogue after the close delimiter is ignored, and not even read.
            return true;
        }

        if (Available == 0)
        {
            throw MultipartErrors.Malformed(
                $"the body ends right after a boundary delimiter at byte {Offset}; the close delimiter '--{_boundary}--' is missing");
        }

        // Transport padding: spaces or tabs may follow a delimiter before its line end.
        var (lineStart, lineLength, _) = await TakeLineAsync(headerLine: false, cancellationToken).ConfigureAwait(false);
        for (var i = lineStart; i < lineStart + lineLength; i++)
        {
            if (_buffer![i] != (byte)' ' && _buffer[i] != (byte)'\t')
            {
                throw MultipartErrors.Malformed(
                    $"unexpected characters after the boundary delimiter: '{MultipartErrors.Preview(_buffer, lineStart, lineLength)}'");
            }
        }

        return false;
    }

    private async ValueTask<IReadOnlyDictionary<string, string>> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var totalBytes = 0;
        var lines = 0;
        while (true)
        {
            var (lineStart, lineLength, consumed) = await TakeLineAsync(headerLine: true, cancellationToken).ConfigureAwait(false);

            totalBytes += consumed;
            if (totalBytes > _options.MaxTotalHeaderBytes)
            {
                throw MultipartErrors.Malformed(
                    $"the headers of part {_sectionCount} exceed {_options.MaxTotalHeaderBytes} bytes (MaxTotalHeaderBytes)");
            }

            if (lineLength == 0)
            {
                return new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(headers);
            }

            if (++lines > _options.MaxHeadersPerPart)
            {
                throw MultipartErrors.Malformed(
                    $"part {_sectionCount} has more than {_options.MaxHeadersPerPart} headers (MaxHeadersPerPart)");
            }

            AddHeader(headers, _buffer!, lineStart, lineLength);
        }
    }

    // "Name: value". A repeated name keeps its first value: part headers have no list semantics worth merging.
    private void AddHeader(Dictionary<string, string> headers, byte[] buffer, int start, int length)
    {
        var line = buffer.AsSpan(start, length);
        if (line[0] == (byte)' ' || line[0] == (byte)'\t')
        {
            throw MultipartErrors.Malformed($"part {_sectionCount} has a folded (continued) header line, which is not supported");
        }

        var colon = line.IndexOf((byte)':');
        var name = colon > 0 ? Encoding.ASCII.GetString(buffer, start, colon).Trim() : string.Empty;
        if (name.Length == 0 || name.IndexOfAny(NotInHeaderName) >= 0)
        {
            throw MultipartErrors.Malformed(
                $"part {_sectionCount} has a header line that is not 'Name: value': '{MultipartErrors.Preview(buffer, start, length)}'");
        }

        // UTF-8, not Latin-1: form-data encoders write non-ASCII file names as raw UTF-8. Spaces and tabs are
        // trimmed as bytes (they never occur inside a UTF-8 sequence), so the value is decoded once.
        var valueStart = start + colon + 1;
        var valueEnd = start + length;
        while (valueStart < valueEnd && buffer[valueStart] is (byte)' ' or (byte)'\t')
        {
            valueStart++;
        }

        while (valueEnd > valueStart && buffer[valueEnd - 1] is (byte)' ' or (byte)'\t')
        {
            valueEnd--;
        }

        var value = Encoding.UTF8.GetString(buffer, valueStart, valueEnd - valueStart);
        if (!headers.ContainsKey(name))
        {
            headers.Add(name, value);
        }
    }

    // A whole line in the buffer: where its content starts, its length without the line end, and the bytes consumed.
    // The content stays valid until the next fill. headerLine: a line of a part's header block, else the rest of a
    // boundary line (only the error messages differ, and they are built only when thrown).
    private async ValueTask<(int Start, int Length, int Consumed)> TakeLineAsync(bool headerLine, CancellationToken cancellationToken)
    {
        while (true)
        {
            var data = _buffer.AsSpan(_start, Available);
            var lineFeed = data.IndexOf((byte)'\n');
            if (lineFeed >= 0)
            {
                var length = lineFeed > 0 && data[lineFeed - 1] == (byte)'\r' ? lineFeed - 1 : lineFeed;
                CheckLineLength(length, headerLine);
                var start = _start;
                _start += lineFeed + 1;
                return (start, length, lineFeed + 1);
            }

            CheckLineLength(data.Length - 1, headerLine); // Even if the next byte ends it, one CR may still go.
            if (!await FillAsync(true, cancellationToken).ConfigureAwait(false))
            {
                throw MultipartErrors.Malformed(headerLine
                    ? $"the body ends inside the headers of part {_sectionCount} (truncated after {_streamBytes} bytes)"
                    : $"the body ends inside the boundary line at byte {Offset}");
            }
        }
    }

    private void CheckLineLength(int length, bool headerLine)
    {
        if (length > _options.MaxHeaderLineLength)
        {
            var what = headerLine ? $"a header line of part {_sectionCount}" : $"the boundary line before part {_sectionCount + 1}";
            throw MultipartErrors.Malformed(
                $"{what} is longer than {_options.MaxHeaderLineLength} bytes (MaxHeaderLineLength)");
        }
    }
}
