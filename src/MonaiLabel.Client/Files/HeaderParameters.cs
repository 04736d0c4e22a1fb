using System;

namespace MonaiLabel.Client;

/// <summary>
/// Reads one parameter out of a header value such as <c>form-data; name="image"; filename=a.nii.gz</c>.
/// Hand-written rather than <c>System.Net.Http.Headers</c> because servers send values those parsers reject
/// (unquoted names with spaces or parentheses) or mangle (they keep <c>\"</c> escapes, decode <c>=?utf-8?...?=</c>).
/// </summary>
internal static class HeaderParameters
{
    /// <summary>The value of the first parameter called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static string? Find(string? headerValue, string name) =>
        TryFind(headerValue, name, keepValue: true, out var value) ? value : null;

    /// <summary>Whether a parameter called <paramref name="name"/> has a value; <see cref="Find"/> without building it.</summary>
    public static bool Has(string? headerValue, string name) => TryFind(headerValue, name, keepValue: false, out _);

    private static bool TryFind(string? headerValue, string name, bool keepValue, out string? found)
    {
        found = null;
        if (headerValue is null)
        {
            return false;
        }

        var text = headerValue;
        var i = text.IndexOf(';'); // Everything before the first ';' is the media or disposition type.
        while (i >= 0 && i < text.Length)
        {
            i++; // past ';'
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ';')
            {
                i++;
            }

            if (i >= text.Length || text[i] == ';')
            {
                continue; // A parameter without a value.
            }

            // Compared in place: only the value asked for becomes a string (a header is searched several times).
            var matches = text.AsSpan(nameStart, i - nameStart).Trim().Equals(name.AsSpan(), StringComparison.OrdinalIgnoreCase);
            var keep = matches && keepValue;
            i++; // past '='
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            string? value;
            if (i < text.Length && text[i] == '"')
            {
                value = ReadQuoted(text, ref i, keep);
                i = text.IndexOf(';', i); // Ignore anything between the closing quote and the next ';'.
            }
            else
            {
                var end = text.IndexOf(';', i);
                value = keep ? text.Substring(i, (end < 0 ? text.Length : end) - i).Trim() : null;
                i = end;
            }

            if (matches)
            {
                found = value;
                return true;
            }
        }

        return false;
    }

    // RFC 9110 quoted-string, as servers really write it: a backslash escapes only a quote or a backslash (\" and
    // \\); before anything else it is a plain character. Starlette and most servers put a name into filename="..."
    // without escaping its backslashes, so C:\Windows\x must keep them (and reduce to the base name x), while a
    // quote escaped on purpose still reads right. An unterminated string runs to the end. Without keep, only
    // skipped (null).
    private static string? ReadQuoted(string text, ref int i, bool keep)
    {
        var start = i + 1;
        var close = text.IndexOf('"', start);
        var escape = text.IndexOf('\\', start);
        if (close >= 0 && (escape < 0 || escape > close))
        {
            // No escapes: the usual case, one substring.
            i = close + 1;
            return keep ? text.Substring(start, close - start) : null;
        }

        var builder = keep ? new System.Text.StringBuilder() : null;
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                break;
            }

            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\'))
            {
                c = text[++i];
            }

            builder?.Append(c);
        }

        return builder?.ToString();
    }
}
