using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MonaiLabel.Emulator.Internal;

/// <summary>Small equivalents of the Python standard library functions whose results reach the wire.</summary>
internal static class Py
{
    private const string TempChars = "abcdefghijklmnopqrstuvwxyz0123456789_";

    /// <summary><c>pathlib.PurePosixPath(name).suffixes</c> joined, as the endpoints take an upload's extension.</summary>
    public static string AllSuffixes(string fileName)
    {
        var name = BaseName(fileName);
        if (name.Length == 0 || name.EndsWith('.'))
        {
            return string.Empty;
        }

        var stripped = name.TrimStart('.');
        var parts = stripped.Split('.');
        var sb = new StringBuilder();
        for (var i = 1; i < parts.Length; i++)
        {
            sb.Append('.').Append(parts[i]);
        }

        return sb.ToString();
    }

    /// <summary>MONAI Label's <c>file_ext</c>: trailing suffixes of at most 10 characters each.</summary>
    public static string FileExt(string fileName)
    {
        var name = BaseName(fileName);
        if (name.Length == 0 || name.EndsWith('.'))
        {
            return string.Empty;
        }

        var parts = name.TrimStart('.').Split('.');
        var suffixes = new List<string>();
        for (var i = parts.Length - 1; i >= 1; i--)
        {
            var s = "." + parts[i];
            if (s.Length > 10)
            {
                break;
            }

            suffixes.Insert(0, s);
        }

        return string.Concat(suffixes);
    }

    /// <summary><c>os.path.basename</c> on POSIX: the part after the last '/'.</summary>
    public static string BaseName(string path)
    {
        var i = path.LastIndexOf('/');
        return i >= 0 ? path.Substring(i + 1) : path;
    }

    /// <summary><c>str.capitalize()</c>.</summary>
    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1).ToLowerInvariant();

    /// <summary>A name like <c>tempfile.NamedTemporaryFile</c> gives: "tmp" and 8 characters.</summary>
    public static string TempName(string suffix = "")
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var sb = new StringBuilder("tmp", 11 + suffix.Length);
        foreach (var b in bytes)
        {
            sb.Append(TempChars[b % TempChars.Length]);
        }

        return sb.Append(suffix).ToString();
    }

    /// <summary><c>int(time.time())</c>.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary><c>datetime.today().strftime("%Y-%m-%d %H:%M:%S")</c> (local time, as the server).</summary>
    public static string Timestamp() => DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>str(uuid.uuid4())</c>.</summary>
    public static string Uuid4() => Guid.NewGuid().ToString("D");

    /// <summary><c>str(uuid.uuid1()).lower()</c>: a time-based id (random node, as when no MAC is known).</summary>
    public static string Uuid1()
    {
        var ticks = DateTime.UtcNow.Ticks - new DateTime(1582, 10, 15, 0, 0, 0, DateTimeKind.Utc).Ticks;
        lock (Uuid1Lock)
        {
            if (ticks <= lastUuid1Ticks)
            {
                ticks = lastUuid1Ticks + 1;
            }

            lastUuid1Ticks = ticks;
        }

        var timeLow = (uint)(ticks & 0xFFFFFFFF);
        var timeMid = (ushort)((ticks >> 32) & 0xFFFF);
        var timeHi = (ushort)(((ticks >> 48) & 0x0FFF) | 0x1000);
        Span<byte> rnd = stackalloc byte[8];
        RandomNumberGenerator.Fill(rnd);
        var clockSeq = (ushort)(((rnd[0] << 8) | rnd[1]) & 0x3FFF | 0x8000);
        rnd[2] |= 0x01; // multicast bit: a random node id
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0:x8}-{1:x4}-{2:x4}-{3:x4}-{4:x2}{5:x2}{6:x2}{7:x2}{8:x2}{9:x2}",
            timeLow, timeMid, timeHi, clockSeq, rnd[2], rnd[3], rnd[4], rnd[5], rnd[6], rnd[7]);
    }

    private static readonly object Uuid1Lock = new();
    private static long lastUuid1Ticks;

    /// <summary><c>urllib.parse.quote(s)</c> (safe "/"): UTF-8 percent-encoding, upper-case hex.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '~' || c == '/')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Seconds since the epoch as a Python float, as <c>os.stat().st_mtime</c>.</summary>
    public static double UnixSeconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 1e7;

    /// <summary>Splits <c>k=v; k2="v 2"</c> options the way python-multipart's <c>parse_options_header</c> does.</summary>
    public static (string Value, Dictionary<string, string> Options) ParseOptionsHeader(string? header)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(header))
        {
            return (string.Empty, options);
        }

        var parts = SplitUnquoted(header, ';');
        var value = parts[0].Trim().ToLowerInvariant();
        for (var i = 1; i < parts.Count; i++)
        {
            var part = parts[i].Trim();
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = part.Substring(0, eq).Trim().ToLowerInvariant();
            var v = part.Substring(eq + 1).Trim();
            if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
            {
                v = v.Substring(1, v.Length - 2).Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            if (key == "filename" && ((v.Length >= 3 && v.Substring(1, 2) == ":\\") || v.StartsWith("\\\\", StringComparison.Ordinal)))
            {
                v = v.Substring(v.LastIndexOf('\\') + 1);
            }

            options[key] = v;
        }

        return (value, options);
    }

    private static List<string> SplitUnquoted(string s, char sep)
    {
        var result = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && quoted && i + 1 < s.Length)
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == sep && !quoted)
            {
                result.Add(sb.ToString());
                sb.Clear();
                continue;
            }

            sb.Append(c);
        }

        result.Add(sb.ToString());
        return result;
    }

    /// <summary>MONAI Label's <c>file_checksum</c>: "SHA256:&lt;hex&gt;" (also SHA512 and MD5).</summary>
    public static string FileChecksum(string path, string algo = "SHA256")
    {
        using var stream = new System.IO.FileStream(path, System.IO.FileMode.Open, System.IO.FileAccess.Read, System.IO.FileShare.ReadWrite | System.IO.FileShare.Delete);
        byte[] hash = algo switch
        {
            "SHA256" => SHA256.HashData(stream),
            "SHA512" => SHA512.HashData(stream),
            "MD5" => MD5.HashData(stream),
            _ => throw new AppError("unsupported hashing algorithm " + algo),
        };
        return algo + ":" + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>Python's <c>str.lstrip(chars)</c>.</summary>
    public static string LStripChars(string s, string chars)
    {
        var i = 0;
        while (i < s.Length && chars.IndexOf(s[i]) >= 0)
        {
            i++;
        }

        return s.Substring(i);
    }
}
