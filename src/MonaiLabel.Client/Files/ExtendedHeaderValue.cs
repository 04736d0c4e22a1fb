using System;
using System.Collections.Generic;
using System.Text;

namespace MonaiLabel.Client;

/// <summary>Decodes RFC 8187 (formerly RFC 5987) extended values: <c>charset'language'percent-encoded</c>.</summary>
internal static class ExtendedHeaderValue
{
    /// <summary>Decodes <paramref name="value"/>; false when it is not an extended value in UTF-8 or ISO-8859-1.</summary>
    public static bool TryDecode(string value, out string decoded)
    {
        decoded = string.Empty;
        var firstQuote = value.IndexOf('\'');
        var secondQuote = firstQuote < 0 ? -1 : value.IndexOf('\'', firstQuote + 1);
        if (secondQuote < 0)
        {
            return false;
        }

        var charset = value.Substring(0, firstQuote).Trim();
        var bytes = PercentDecode(value, secondQuote + 1);
        if (IsCharset(charset, "utf-8", "utf8"))
        {
            decoded = Encoding.UTF8.GetString(bytes);
            return true;
        }

        if (IsCharset(charset, "iso-8859-1", "latin1", "iso_8859-1", "us-ascii"))
        {
            decoded = Latin1(bytes);
            return true;
        }

        return false; // An unknown charset: the caller falls back to the plain filename.
    }

    private static bool IsCharset(string charset, params string[] names) =>
        Array.Exists(names, n => string.Equals(charset, n, StringComparison.OrdinalIgnoreCase));

    // Lenient: a '%' not followed by two hex digits is kept as is; raw non-ASCII characters are kept as UTF-8.
    private static byte[] PercentDecode(string value, int start)
    {
        var bytes = new List<byte>(value.Length - start);
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && HexValue(value[i + 1]) >= 0 && HexValue(value[i + 2]) >= 0)
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, length)));
                i += length - 1;
            }
        }

        return bytes.ToArray();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string Latin1(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i]; // ISO-8859-1 maps each byte to the code point of the same value.
        }

        return new string(chars);
    }
}
