using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MonaiLabel.Fuzz.Core;

/// <summary>Multipart inputs: random well-formed bodies and the damages done to them.</summary>
public static partial class MultipartFuzz
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
}
