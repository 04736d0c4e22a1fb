using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MonaiLabel.Benchmarks;

/// <summary>A plain Markdown table printed to the console.</summary>
internal sealed class Table
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public Table(params string[] headers)
    {
        _headers = headers;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(Line(_headers, widths));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in _rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
}

internal static class Format
{
    public static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => (bytes / (1 << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        >= 1 << 20 => (bytes / (1 << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
    };

    public static string Duration(double seconds) => seconds switch
    {
        >= 1 => seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s",
        >= 1e-3 => (seconds * 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " us",
    };

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string MBps(long bytes, double seconds) =>
        (bytes / 1e6 / seconds).ToString("N0", CultureInfo.InvariantCulture);
}
