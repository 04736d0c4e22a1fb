using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// One part of a multipart body: its headers, and a forward-only <see cref="Body"/> that streams its bytes. Valid
/// until the reader moves to the next section.
/// </summary>
internal sealed class MultipartSection
{
    private const int InitialTextBuffer = 4096;

    private readonly MultipartStreamReader _reader;

    internal MultipartSection(MultipartStreamReader reader, IReadOnlyDictionary<string, string> headers)
    {
        _reader = reader;
        Headers = headers;
        headers.TryGetValue("Content-Disposition", out var disposition);
        headers.TryGetValue("Content-Type", out var contentType);
        ContentDisposition = disposition;
        ContentType = contentType;
        Name = HeaderParameters.Find(disposition, "name");
        RawFileName = ContentDispositionFileName.GetRawFileName(disposition);
        FileName = RawFileName is null ? null : SafeFileName.Sanitize(RawFileName);
        IsFile = HeaderParameters.Has(disposition, "filename") || HeaderParameters.Has(disposition, "filename*");
        Body = new MultipartSectionStream(reader, this);
    }

    /// <summary>The part's headers, by case-insensitive name. A repeated header keeps its first value.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The part's <c>Content-Disposition</c> header, or null.</summary>
    public string? ContentDisposition { get; }

    /// <summary>The <c>name</c> of a form-data part (for MONAI Label's infer answer: <c>params</c> or <c>image</c>), or null.</summary>
    public string? Name { get; }

    /// <summary>The file name the part offers, made safe by <see cref="SafeFileName.Sanitize"/>; null when it offers none.</summary>
    public string? FileName { get; }

    /// <summary>
    /// True when the part's <c>Content-Disposition</c> has a <c>filename</c> or <c>filename*</c> parameter, even an
    /// empty or unusable one (then <see cref="FileName"/> is null): the part is a file, not a form field.
    /// </summary>
    public bool IsFile { get; }

    /// <summary>The file name exactly as sent. Never use it as a path; use <see cref="FileName"/>.</summary>
    public string? RawFileName { get; }

    /// <summary>The part's <c>Content-Type</c> header, or null (RFC 2046 then means <c>text/plain</c>).</summary>
    public string? ContentType { get; }

    /// <summary>
    /// The part's bytes: a forward-only, read-only stream that ends where the part ends. Need not be read to the
    /// end: the reader skips the rest when it moves on.
    /// </summary>
    public Stream Body { get; }

    internal bool BodyEnded { get; set; }

    /// <summary>
    /// Reads the rest of the body as UTF-8 text (a leading byte-order mark is dropped), for JSON parts such as
    /// MONAI Label's <c>params</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text.</returns>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.InvalidResponse"/> when the part is longer than
    /// <see cref="MultipartReaderOptions.MaxTextPartLength"/> bytes or the body is malformed.
    /// </exception>
    public async Task<string> ReadAsStringAsync(CancellationToken cancellationToken = default)
    {
        var limit = _reader.MaxTextPartLength;
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Min(InitialTextBuffer, limit + 1L));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(pool, buffer, length);
                }

                // Ask for at most one byte past the limit: enough to know it was exceeded.
                var room = (int)Math.Min(buffer.Length - length, limit + 1L - length);
                var read = await _reader.ReadBodyAsync(this, buffer.AsMemory(length, room), async: true, cancellationToken)
                    .ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    throw MultipartErrors.Malformed(
                        $"text part '{Name}' is longer than {limit} bytes (MaxTextPartLength)");
                }
            }

            var bom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(buffer, bom, length - bom);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private static byte[] Grow(ArrayPool<byte> pool, byte[] buffer, int length)
    {
        var larger = pool.Rent((int)Math.Min(buffer.Length * 2L, int.MaxValue));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        pool.Return(buffer);
        return larger;
    }
}
