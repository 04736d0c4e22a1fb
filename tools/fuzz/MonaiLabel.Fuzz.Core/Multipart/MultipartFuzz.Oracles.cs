using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Fuzz.Core;

/// <summary>Multipart oracles: what a correct parse of a generated or damaged body is.</summary>
public static partial class MultipartFuzz
{
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
}
