using System;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// RFC 9110 §8.6: an answer with several Content-Length values that differ (two header lines, or one line with a
/// list) cannot be framed — where its body ends is unknown — so it is an error, never read. The socket handler takes
/// the first value and reads that many bytes, so this is checked on the headers as received, before any body is read.
/// </summary>
internal static class ContentLengthFraming
{
    /// <summary>Throws <see cref="MonaiLabelErrorKind.InvalidResponse"/> (and disposes the answer) when the lengths conflict.</summary>
    public static void Check(HttpResponseMessage response, string what)
    {
        var content = response.Content;
        if (content == null || !content.Headers.TryGetValues("Content-Length", out var values))
        {
            return;
        }

        // Every value of every line, in order (loops, not an iterator: its class would be JIT-compiled on a first call).
        string? first = null;
        foreach (var line in values)
        {
            foreach (var item in line.Split(','))
            {
                var value = Normalized(item);
                if (value == null)
                {
                    continue;
                }

                if (first == null)
                {
                    first = value;
                }
                else if (!string.Equals(first, value, StringComparison.Ordinal))
                {
                    response.Dispose();
                    throw new MonaiLabelClientException(
                        MonaiLabelErrorKind.InvalidResponse,
                        $"{char.ToUpperInvariant(what[0])}{what.Substring(1)} has conflicting Content-Length values ({first} and {value}): " +
                        "where its body ends is unknown, so it was not read.");
                }
            }
        }
    }

    /// <summary>One list item without spaces and leading zeros; null for an empty item.</summary>
    private static string? Normalized(string item)
    {
        var trimmed = item.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.TrimStart('0').Length == 0 ? "0" : trimmed.TrimStart('0');
    }
}
