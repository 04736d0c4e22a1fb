using System;
using System.Text;

namespace MonaiLabel.Client;

/// <summary>
/// Turns a file name offered by a server into a plain base name that is safe to create in a chosen directory on
/// Windows, Linux and macOS alike.
/// </summary>
internal static class SafeFileName
{
    private const string DefaultFallback = "result";

    private static readonly char[] Separators = { '/', '\\' };

    // Windows treats these as devices whatever the extension ("CON.nii.gz" opens the console).
    private static readonly string[] ReservedDeviceNames =
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    };

    /// <summary>
    /// Reduces <paramref name="rawName"/> to a safe base name: drops any directory, drive or UNC prefix (both
    /// <c>/</c> and <c>\</c> count as separators, so <c>../x</c> and <c>..\x</c> become <c>x</c>); removes control
    /// characters (NUL included) and bidirectional overrides; replaces <c>&lt;&gt;:"|?*</c> and unpaired surrogates
    /// with <c>_</c>; trims leading dots and spaces (no hidden files, no <c>.</c> or <c>..</c>) and trailing ones;
    /// prefixes Windows device names (<c>CON.nii.gz</c> becomes <c>_CON.nii.gz</c>); and shortens the stem to fit
    /// 255 UTF-8 bytes while keeping extensions such as <c>.nii.gz</c>. Pure and deterministic. Percent-decoding is
    /// the caller's job and must happen before.
    /// </summary>
    /// <param name="rawName">The name as offered; may be null.</param>
    /// <param name="fallback">Used (itself sanitized) when nothing usable remains; "result" if that is empty too.</param>
    /// <returns>A non-empty safe base name.</returns>
    public static string Sanitize(string? rawName, string fallback = DefaultFallback)
    {
        var name = Clean(rawName);
        if (name.Length == 0)
        {
            name = Clean(fallback);
        }

        return name.Length == 0 ? DefaultFallback : name;
    }

    private static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var name = raw!.Substring(raw.LastIndexOfAny(Separators) + 1);
        if (name.Length >= 2 && name[1] == ':' && IsAsciiLetter(name[0]))
        {
            name = name.Substring(2); // Drive-relative "C:x".
        }

        name = ReplaceUnsafeCharacters(name).Trim(' ', '.');
        if (name.Length == 0)
        {
            return name;
        }

        // Shorten first, then check for a device name: cutting "CON    ….nii.gz" can leave "CON.nii.gz".
        name = FitLength(name);
        return IsReservedDeviceName(name) ? FitLength("_" + name) : name;
    }

    private static string FitLength(string name)
    {
        if (FileNameParts.Utf8Length(name) <= FileNameParts.MaxNameBytes)
        {
            return name;
        }

        var (stem, extension) = FileNameParts.Split(name);
        return FileNameParts.Fit(stem, string.Empty, extension);
    }

    private static string ReplaceUnsafeCharacters(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                builder.Append(c).Append(name[++i]);
            }
            else if (char.IsSurrogate(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                builder.Append('_');
            }
            else if (!char.IsControl(c) && !IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Right-to-left overrides can disguise an extension ("scan\u202Egz.exe" shows as "scanexe.zg").
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsReservedDeviceName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name.Substring(0, dot)).TrimEnd(' ');
        return Array.Exists(ReservedDeviceNames, d => string.Equals(d, stem, StringComparison.OrdinalIgnoreCase));
    }
}
