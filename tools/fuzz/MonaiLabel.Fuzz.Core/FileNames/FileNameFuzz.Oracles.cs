using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Fuzz.Core;

/// <summary>File-name oracles: what makes a sanitized or extracted name, or a saved file, unsafe.</summary>
public static partial class FileNameFuzz
{
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
