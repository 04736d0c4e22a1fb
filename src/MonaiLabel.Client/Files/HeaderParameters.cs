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
    public static string? Find(string? headerValue, string name)
    {
        if (headerValue is null)
        {
            return null;
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

            var parameterName = text.Substring(nameStart, i - nameStart).Trim();
            i++; // past '='
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                value = ReadQuoted(text, ref i);
                i = text.IndexOf(';', i); // Ignore anything between the closing quote and the next ';'.
            }
            else
            {
                var end = text.IndexOf(';', i);
                value = text.Substring(i, (end < 0 ? text.Length : end) - i).Trim();
                i = end;
            }

            if (string.Equals(parameterName, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    // RFC 9110 quoted-string: backslash escapes the next character. An unterminated string runs to the end.
    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new System.Text.StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                break;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                c = text[++i];
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
