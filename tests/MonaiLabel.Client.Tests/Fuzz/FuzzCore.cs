using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Shared by the property tests (tests/MonaiLabel.Client.Tests/Fuzz) and the time-boxed harness
// (tools/fuzz/MonaiLabel.Fuzz, which links this file): generators of multipart bodies and file names, mutations,
// and the oracles that say what a correct outcome is. Only the SDK's public API is used; no test framework.
namespace MonaiLabel.Client.Tests.Fuzz;

/// <summary>One part of a generated multipart body.</summary>
public sealed class FuzzPart
{
    public FuzzPart(string? name, string? fileName, string? contentType, byte[] content)
    {
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string? Name { get; }

    /// <summary>Sent as <c>filename="…"</c> (characters that need no escaping); null: no filename parameter.</summary>
    public string? FileName { get; }

    public string? ContentType { get; }

    public byte[] Content { get; }
}

/// <summary>A generated multipart body and how it is fed to the reader.</summary>
public sealed class MultipartCase
{
    public MultipartCase(string boundary, IReadOnlyList<FuzzPart> parts, byte[] body, int[] chunks, int[] readSizes, int bufferSize)
    {
        Boundary = boundary;
        Parts = parts;
        Body = body;
        Chunks = chunks;
        ReadSizes = readSizes;
        BufferSize = bufferSize;
    }

    public string Boundary { get; }

    public IReadOnlyList<FuzzPart> Parts { get; }

    public byte[] Body { get; set; }

    /// <summary>The most bytes each read of the underlying stream returns, cycled.</summary>
    public int[] Chunks { get; }

    /// <summary>The sizes of the caller's reads of a part's body, cycled; negative: read synchronously.</summary>
    public int[] ReadSizes { get; }

    public int BufferSize { get; }

    public override string ToString() =>
        $"boundary={Boundary}, parts={Parts.Count}, body={Body.Length} bytes, chunks=[{string.Join(",", Chunks)}], reads=[{string.Join(",", ReadSizes)}], buffer={BufferSize}";
}

/// <summary>What one run of the parser ended in.</summary>
public enum FuzzVerdict
{
    /// <summary>Parsed (and, for a well-formed body, round-tripped exactly).</summary>
    Ok,

    /// <summary>Refused with MonaiLabelClientException(InvalidResponse): the allowed failure.</summary>
    Rejected,

    /// <summary>A bug: another exception, a wrong round trip, a hang, or an out-of-range result.</summary>
    Finding,
}

public readonly struct FuzzOutcome
{
    public FuzzOutcome(FuzzVerdict verdict, string detail)
    {
        Verdict = verdict;
        Detail = detail;
    }

    public FuzzVerdict Verdict { get; }

    public string Detail { get; }

    public override string ToString() => $"{Verdict}: {Detail}";
}

public static class MultipartFuzz
{
    private const string BoundaryChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-()[]+,é ü漢";

    /// <summary>The delimiter: CRLF "--" boundary.</summary>
    public static byte[] Delimiter(string boundary) => Encoding.ASCII.GetBytes("\r\n--" + boundary);

    /// <summary>A random, RFC 2046 valid boundary of 1 to 70 characters (never ending in a space).</summary>
    public static string RandomBoundary(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(1, 71) : random.Next(8, 41);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = BoundaryChars[random.Next(BoundaryChars.Length)];
        }

        if (chars[length - 1] == ' ')
        {
            chars[length - 1] = 'z';
        }

        return new string(chars);
    }

    /// <summary>
    /// Content that likes to look like a delimiter: random bytes mixed with CR, LF, dashes, and prefixes (or
    /// whole copies not preceded by CRLF) of the boundary — but never the delimiter itself.
    /// </summary>
    public static byte[] RandomContent(Random random, string boundary, int maxLength)
    {
        var bytes = new List<byte>();
        var length = random.Next(6) == 0 ? 0 : random.Next(maxLength + 1);
        var delimiter = "\r\n--" + boundary;
        while (bytes.Count < length)
        {
            switch (random.Next(10))
            {
                case 0:
                    bytes.AddRange(Encoding.ASCII.GetBytes(delimiter.Substring(0, random.Next(1, delimiter.Length))));
                    break;
                case 1:
                    bytes.AddRange(Encoding.ASCII.GetBytes("--" + boundary + (random.Next(2) == 0 ? "--" : string.Empty)));
                    break;
                case 2:
                    bytes.AddRange(Encoding.ASCII.GetBytes(new[] { "\r", "\n", "\r\n", "-", "--", "\r\r\n-", "\r\n\r\n" }[random.Next(7)]));
                    break;
                default:
                    var run = new byte[random.Next(1, 64)];
                    random.NextBytes(run);
                    bytes.AddRange(run);
                    break;
            }
        }

        return RemoveDelimiters(bytes.Take(length).ToArray(), boundary);
    }

    /// <summary>
    /// Breaks every occurrence of the delimiter in <paramref name="content"/> — counting the CRLF that precedes a
    /// part's content (or the body's start), so content may not begin with "--boundary" either: RFC 2046 forbids
    /// the delimiter inside a part, and a body could not carry it.
    /// </summary>
    public static byte[] RemoveDelimiters(byte[] content, string boundary)
    {
        var delimiter = Delimiter(boundary);
        var copy = "\r\n"u8.ToArray().Concat(content).ToArray();
        int at;
        while ((at = copy.AsSpan().IndexOf(delimiter)) >= 0)
        {
            copy[at + 2] = (byte)'x'; // "\r\nx-boundary": no longer a delimiter, and no new one appears.
        }

        return copy.AsSpan(2).ToArray();
    }

    public static string? RandomName(Random random, int maxLength)
    {
        if (random.Next(8) == 0)
        {
            return null;
        }

        var chars = Enumerable.Range(0, random.Next(maxLength + 1)).Select(_ => NameChars[random.Next(NameChars.Length)]).ToArray();
        return new string(chars);
    }

    public static MultipartCase RandomCase(Random random, int maxParts = 6, int maxContent = 3000)
    {
        var boundary = RandomBoundary(random);
        var parts = new List<FuzzPart>();
        var count = random.Next(1, maxParts + 1);
        for (var i = 0; i < count; i++)
        {
            var isFile = random.Next(2) == 0;
            parts.Add(new FuzzPart(
                RandomName(random, 12),
                isFile ? RandomName(random, 40) : null,
                random.Next(3) == 0 ? null : new[] { "application/json", "application/octet-stream", "text/plain; charset=utf-8" }[random.Next(3)],
                RandomContent(random, boundary, maxContent)));
        }

        var preamble = random.Next(4) == 0 ? RandomContent(random, boundary, 100) : Array.Empty<byte>();
        var epilogue = random.Next(4) == 0 ? RandomContent(random, boundary, 100) : Array.Empty<byte>();
        var body = Build(boundary, parts, preamble, epilogue, padding: random.Next(5) == 0 ? " \t" : string.Empty);
        return new MultipartCase(boundary, parts, body, RandomSizes(random, 8, 1, 300), RandomSizes(random, 6, 1, 500, allowSync: true), random.Next(3) == 0 ? random.Next(1, 200) : 64 * 1024);
    }

    public static int[] RandomSizes(Random random, int maxCount, int min, int max, bool allowSync = false) =>
        Enumerable.Range(0, random.Next(1, maxCount + 1))
            .Select(_ => (random.Next(4) == 0 ? random.Next(min, 8) : random.Next(min, max)) * (allowSync && random.Next(4) == 0 ? -1 : 1))
            .ToArray();

    /// <summary>A body as requests_toolbelt writes it, with optional preamble, epilogue and transport padding.</summary>
    public static byte[] Build(string boundary, IReadOnlyList<FuzzPart> parts, byte[] preamble, byte[] epilogue, string padding = "")
    {
        var body = new List<byte>();
        if (preamble.Length > 0)
        {
            // A preamble must end with CRLF before the first delimiter, or it would run into the boundary line.
            body.AddRange(RemoveDelimiters(preamble, boundary));
            body.AddRange("\r\n"u8.ToArray());
        }

        foreach (var part in parts)
        {
            body.AddRange(Encoding.UTF8.GetBytes($"--{boundary}{padding}\r\n"));
            var disposition = "Content-Disposition: form-data";
            if (part.Name != null)
            {
                disposition += $"; name=\"{part.Name}\"";
            }

            if (part.FileName != null)
            {
                disposition += $"; filename=\"{part.FileName}\"";
            }

            body.AddRange(Encoding.UTF8.GetBytes(disposition + "\r\n"));
            if (part.ContentType != null)
            {
                body.AddRange(Encoding.UTF8.GetBytes($"Content-Type: {part.ContentType}\r\n"));
            }

            body.AddRange("\r\n"u8.ToArray());
            body.AddRange(part.Content);
            body.AddRange("\r\n"u8.ToArray());
        }

        body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}--"));
        if (epilogue.Length > 0 || body.Count % 2 == 0)
        {
            body.AddRange("\r\n"u8.ToArray());
            body.AddRange(epilogue);
        }

        return body.ToArray();
    }

    /// <summary>Parses a well-formed case and checks that every part comes back exactly: headers and bytes.</summary>
    public static FuzzOutcome CheckRoundTrip(MultipartCase c, TimeSpan timeout)
    {
        var parsed = Run(c, timeout, readAll: true, out var failure);
        if (parsed == null)
        {
            return new FuzzOutcome(FuzzVerdict.Finding, "a well-formed body was not parsed: " + failure);
        }

        if (parsed.Count != c.Parts.Count)
        {
            return new FuzzOutcome(FuzzVerdict.Finding, $"expected {c.Parts.Count} parts, got {parsed.Count}");
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            var (expected, actual) = (c.Parts[i], parsed[i]);
            var expectedRaw = string.IsNullOrEmpty(expected.FileName) ? null : expected.FileName;
            if (actual.Name != expected.Name || actual.RawFileName != expectedRaw || actual.ContentType != expected.ContentType?.Trim()
                || actual.IsFile != (expected.FileName != null))
            {
                return new FuzzOutcome(FuzzVerdict.Finding,
                    $"part {i + 1}: headers differ (name '{actual.Name}' vs '{expected.Name}', file '{actual.RawFileName}' vs '{expectedRaw}', type '{actual.ContentType}' vs '{expected.ContentType}')");
            }

            if (expectedRaw != null && actual.FileName != SafeFileName.Sanitize(expectedRaw))
            {
                return new FuzzOutcome(FuzzVerdict.Finding, $"part {i + 1}: FileName '{actual.FileName}' is not the sanitized raw name");
            }

            if (!actual.Content!.AsSpan().SequenceEqual(expected.Content))
            {
                var at = actual.Content!.AsSpan().CommonPrefixLength(expected.Content);
                return new FuzzOutcome(FuzzVerdict.Finding, $"part {i + 1}: {actual.Content!.Length} bytes read, {expected.Content.Length} sent; first difference at {at}");
            }
        }

        return new FuzzOutcome(FuzzVerdict.Ok, $"{parsed.Count} parts");
    }

    /// <summary>Parses any body: it must succeed or fail with InvalidResponse, within the timeout.</summary>
    public static FuzzOutcome CheckAnyBody(MultipartCase c, TimeSpan timeout, bool readAll)
    {
        var parsed = Run(c, timeout, readAll, out var failure);
        if (parsed != null)
        {
            return new FuzzOutcome(FuzzVerdict.Ok, $"{parsed.Count} parts");
        }

        return failure!.StartsWith("InvalidResponse:", StringComparison.Ordinal)
            ? new FuzzOutcome(FuzzVerdict.Rejected, failure)
            : new FuzzOutcome(FuzzVerdict.Finding, failure);
    }

    /// <summary>Random Content-Type values: Parse returns a valid boundary or throws InvalidResponse.</summary>
    public static FuzzOutcome CheckContentType(string contentType)
    {
        try
        {
            var boundary = MultipartBoundary.Parse(contentType);
            if (boundary.Length is < 1 or > MultipartBoundary.MaxLength || boundary.EndsWith(" ", StringComparison.Ordinal))
            {
                return new FuzzOutcome(FuzzVerdict.Finding, $"Parse accepted the invalid boundary '{boundary}'");
            }

            return new FuzzOutcome(FuzzVerdict.Ok, boundary);
        }
        catch (MonaiLabelClientException e) when (e.Kind == MonaiLabelErrorKind.InvalidResponse)
        {
            return new FuzzOutcome(FuzzVerdict.Rejected, e.Message);
        }
        catch (Exception e)
        {
            return new FuzzOutcome(FuzzVerdict.Finding, e.GetType().Name + ": " + e.Message);
        }
    }

    public static string RandomContentType(Random random)
    {
        var pieces = new[]
        {
            "multipart/form-data", "multipart/mixed", "Multipart/Form-Data", "multipart/", "text/plain", "", " ",
            "; boundary=", "; boundary=\"", "\"", ";", "=", "boundary", "; charset=utf-8", " ", "\t", "\\", "\u0000", "é",
            RandomBoundary(random), new string('b', random.Next(60, 90)),
        };
        return string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    /// <summary>1 to 4 random damages: truncation, flipped bytes, inserted CR/LF/dashes/boundaries, deleted or repeated runs.</summary>
    public static byte[] Mutate(byte[] body, Random random, string boundary)
    {
        var bytes = new List<byte>(body);
        var count = random.Next(1, 5);
        for (var m = 0; m < count; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
            switch (random.Next(9))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 1:
                    if (bytes.Count > 0)
                    {
                        var i = Math.Min(at, bytes.Count - 1);
                        bytes[i] ^= (byte)random.Next(1, 256);
                    }

                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new[] { "\r", "\n", "\r\n", "-", "--", "\r\n\r\n", ":", ";", "\"", "\0", " ", "\t" }[random.Next(12)]));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new[] { "--" + boundary, "\r\n--" + boundary, "\r\n--" + boundary + "--", "--" + boundary + "\r\n\r\n", boundary }[random.Next(5)]));
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 5:
                    var start = Math.Min(at, Math.Max(0, bytes.Count - 1));
                    var run = bytes.Skip(start).Take(random.Next(1, 200)).ToArray();
                    bytes.InsertRange(start, run);
                    break;
                case 6:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('h', random.Next(1, 40_000)))); // long lines
                    break;
                case 7:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("X-A: b\r\n", random.Next(1, 200)))));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[Math.Min(at, bytes.Count - 1)] = (byte)"\r\n-:; \"\0"[random.Next(8)];
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private sealed class ParsedPart
    {
        public string? Name;
        public string? RawFileName;
        public string? FileName;
        public string? ContentType;
        public bool IsFile;
        public byte[]? Content;
    }

    // Null with a failure description ("InvalidResponse: …" for the allowed failure) when parsing failed or hung.
    private static List<ParsedPart>? Run(MultipartCase c, TimeSpan timeout, bool readAll, out string? failure)
    {
        var task = Task.Run(() => ParseAsync(c, readAll));
        try
        {
            if (!task.Wait(timeout))
            {
                failure = $"hang: no result within {timeout.TotalSeconds:0.#} s";
                return null;
            }

            failure = null;
            return task.Result;
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException!;
            failure = inner is MonaiLabelClientException { Kind: MonaiLabelErrorKind.InvalidResponse } typed
                ? "InvalidResponse: " + typed.Message
                : $"{inner.GetType().FullName}: {inner.Message}\n{inner.StackTrace}";
            return null;
        }
    }

    private static async Task<List<ParsedPart>> ParseAsync(MultipartCase c, bool readAll)
    {
        var parts = new List<ParsedPart>();
        // A small buffer needs a small line limit too (the buffer always holds one whole header line): then bodies
        // span many fills and delimiters straddle them.
        var options = new MultipartReaderOptions
        {
            BufferSize = c.BufferSize,
            MaxHeaderLineLength = c.BufferSize < 16 * 1024 ? 256 : 16 * 1024,
        };
        using var stream = new ChunkedStream(c.Body, c.Chunks);
        using var reader = new MultipartStreamReader(stream, c.Boundary, options);
        var reads = 0;
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            var part = new ParsedPart
            {
                Name = section.Name,
                RawFileName = section.RawFileName,
                FileName = section.FileName,
                ContentType = section.ContentType,
                IsFile = section.IsFile,
            };
            parts.Add(part);
            if (section.FileName != null && (section.FileName.Length == 0 || section.FileName.IndexOfAny(new[] { '/', '\\' }) >= 0))
            {
                throw new InvalidOperationException($"unsafe FileName '{section.FileName}' from '{section.RawFileName}'");
            }

            var mode = reads++ % 4;
            if (!readAll && mode == 3)
            {
                continue; // Leave the body unread: the reader must skip it.
            }

            if (!readAll && mode == 2)
            {
                part.Content = Encoding.UTF8.GetBytes(await section.ReadAsStringAsync().ConfigureAwait(false));
                continue;
            }

            var content = new MemoryStream();
            var buffer = new byte[1024];
            for (var r = 0; ; r++)
            {
                var size = c.ReadSizes[r % c.ReadSizes.Length];
                var want = Math.Min(Math.Abs(size), buffer.Length);
                var read = size < 0
                    ? section.Body.Read(buffer, 0, want)
                    : await section.Body.ReadAsync(buffer, 0, want).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (read > want)
                {
                    throw new InvalidOperationException($"Read returned {read} bytes for a {want}-byte request");
                }

                content.Write(buffer, 0, read);
            }

            part.Content = content.ToArray();
        }

        return parts;
    }

    /// <summary>A stream over bytes whose reads return at most the next chunk size (cycled): a network's pacing.</summary>
    private sealed class ChunkedStream : Stream
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
}

public static class FileNameFuzz
{
    private static readonly string[] Pieces =
    {
        "..", ".", "/", "\\", "\\\\", "//", "C:", "c:\\", "\\\\server\\share\\", "/etc/", "~", " ", "  ", "\t", "\0", "\u0001", "\u001f",
        "\u007f", "\u0085", "\u200b", "\u202e", "\u2066", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "é", "漢", "CON", "con", "NUL", "AUX", "PRN",
        "COM1", "LPT9", "COM\u00b9", "CONIN$", ".nii", ".gz", ".nii.gz", ".seg.nrrd", ":", "*", "?", "\"", "<", ">", "|", "%2e", "%2f", "%00",
        "a", "b", "scan", "label", "x", "\r", "\n", ";", "=", "'",
    };

    /// <summary>A random name: joined pieces that matter (separators, dots, device names, controls, surrogates) and runs.</summary>
    public static string RandomName(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            // Shaped like a long result name: a stem, a long run of one piece, a tail, an extension — what
            // shortening to 255 bytes and the device-name check see.
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            builder.Insert(builder.Length, Pieces[random.Next(Pieces.Length)], random.Next(1, 300));
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            builder.Append(new[] { ".nii.gz", ".seg.nrrd", ".gz", ".json", string.Empty }[random.Next(5)]);
            return builder.ToString();
        }

        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    builder.Append(new string(Pieces[random.Next(Pieces.Length)][0], random.Next(1, 300)));
                    break;
                case 1:
                    builder.Append((char)random.Next(0, 0x10000));
                    break;
                default:
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Mutates a name: insert, delete, duplicate or replace characters and pieces.</summary>
    public static string Mutate(string name, Random random)
    {
        var text = new StringBuilder(name);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1:
                    if (at < text.Length)
                    {
                        text.Remove(at, Math.Min(random.Next(1, 5), text.Length - at));
                    }

                    break;
                case 2:
                    text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 50), text.Length - at)));
                    break;
                default:
                    if (at < text.Length)
                    {
                        text[at] = (char)random.Next(0, 0x3000);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static readonly string[] Reserved =
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "COM\u00B9", "COM\u00B2", "COM\u00B3", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9",
        "LPT\u00B2", "LPT\u00B3",
    };

    /// <summary>What is wrong with <c>SafeFileName.Sanitize(raw)</c>, or null when it is a safe base name.</summary>
    public static string? Violation(string? raw, string directory)
    {
        string name;
        try
        {
            name = SafeFileName.Sanitize(raw);
        }
        catch (Exception e)
        {
            return "Sanitize threw " + e.GetType().Name + ": " + e.Message;
        }

        return NameViolation(name, directory);
    }

    /// <summary>What is wrong with <paramref name="name"/> as a file name inside <paramref name="directory"/>, or null.</summary>
    public static string? NameViolation(string name, string directory)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "empty";
        }

        if (name.IndexOfAny(new[] { '/', '\\' }) >= 0)
        {
            return "has a directory separator";
        }

        if (name.Any(char.IsControl))
        {
            return "has a control character";
        }

        if (name is "." or "..")
        {
            return "is . or ..";
        }

        if (name.EndsWith(".", StringComparison.Ordinal) || name.EndsWith(" ", StringComparison.Ordinal) || name.StartsWith(" ", StringComparison.Ordinal))
        {
            return "starts with a space or ends with a dot or space";
        }

        if (Encoding.UTF8.GetByteCount(name) > 255)
        {
            return $"{Encoding.UTF8.GetByteCount(name)} UTF-8 bytes";
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return "has an unpaired surrogate";
            }
        }

        if (name.IndexOfAny(new[] { '<', '>', ':', '"', '|', '?', '*' }) >= 0)
        {
            return "has a character Windows forbids";
        }

        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name.Substring(0, dot)).TrimEnd(' ');
        if (Reserved.Any(r => string.Equals(r, stem, StringComparison.OrdinalIgnoreCase)))
        {
            return "is a Windows device name";
        }

        string again;
        try
        {
            again = SafeFileName.Sanitize(name);
        }
        catch (Exception e)
        {
            return "Sanitize of the sanitized name threw " + e.GetType().Name;
        }

        if (again != name)
        {
            // ResultFileWriter refuses a name that Sanitize would change: a non-idempotent result cannot be saved.
            return $"not idempotent: Sanitize gives '{Escape(again)}'";
        }

        var full = Path.GetFullPath(Path.Combine(directory, name));
        if (Path.GetDirectoryName(full) != Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) || Path.GetFileName(full) != name)
        {
            return $"Path.Combine leaves the directory: '{full}'";
        }

        return null;
    }

    /// <summary>
    /// For any header value, the extracted safe name (if any) is a safe base name; and a name sent as
    /// <c>filename*=utf-8''…</c> comes back exactly as <see cref="ContentDispositionFileName.GetRawFileName"/>.
    /// </summary>
    public static string? HeaderViolation(string name, string directory)
    {
        try
        {
            foreach (var header in new[] { "attachment; filename=\"" + name + "\"", "attachment; filename=" + name, "form-data; name=x; " + name, name })
            {
                var safe = ContentDispositionFileName.GetSafeFileName(header);
                if (safe != null && NameViolation(safe, directory) is { } problem)
                {
                    return $"GetSafeFileName({Escape(header)}) = '{Escape(safe)}' {problem}";
                }
            }

            if (name.Length > 0 && IsWellFormedUtf16(name))
            {
                var encoded = "attachment; filename*=UTF-8''" + string.Concat(Encoding.UTF8.GetBytes(name).Select(b => $"%{b:X2}"));
                var raw = ContentDispositionFileName.GetRawFileName(encoded);
                if (raw != name)
                {
                    return $"filename* did not round-trip: '{Escape(raw ?? "(null)")}' for '{Escape(name)}'";
                }
            }
        }
        catch (Exception e)
        {
            return "threw " + e.GetType().Name + ": " + e.Message;
        }

        return null;
    }

    /// <summary>
    /// Saves a few bytes under Sanitize(raw) with <see cref="ResultFileWriter"/> into <c>root/results</c> and checks
    /// the file is there, holds the bytes, and nothing else appeared under <paramref name="root"/>.
    /// </summary>
    public static async Task<string?> SaveViolationAsync(string? raw, string root)
    {
        var directory = Path.Combine(root, "results");
        var bytes = Encoding.UTF8.GetBytes("fuzz");
        try
        {
            var path = await ResultFileWriter.SaveAsync(new MemoryStream(bytes), directory, SafeFileName.Sanitize(raw)).ConfigureAwait(false);
            if (Path.GetDirectoryName(path) != directory)
            {
                return $"saved outside the directory: '{path}'";
            }

            if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return "saved bytes differ";
            }

            var strays = Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(p => p != directory && p != path).ToList();
            File.Delete(path);
            return strays.Count == 0 ? null : "out-of-range write: " + string.Join(", ", strays);
        }
        catch (Exception e)
        {
            return "SaveAsync threw " + e.GetType().Name + ": " + e.Message;
        }
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 300 ? text.Substring(0, 300) + "…" : text)
        {
            builder.Append(c < ' ' || c is >= '\u007f' and <= '\u009f' || char.IsSurrogate(c) || c is >= '\u2000' and <= '\u206f' or '\ufeff' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
