using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// What a command prints on stdout: with --json the typed result serialised (and nothing else), otherwise
/// human-readable text, tables and trees.
/// </summary>
internal sealed class Output
{
    private static readonly JsonSerializerSettings JsonSettings = new()
    {
        // The SDK's models carry the server's own names ([JsonProperty]); the CLI's own results get snake_case too.
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy { OverrideSpecifiedNames = false, ProcessDictionaryKeys = false } },
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.Indented,
        Converters = { new StringEnumConverter() },
    };

    public Output(CliContext cli, bool json)
    {
        Cli = cli;
        Json = json;
    }

    public CliContext Cli { get; }

    public bool Json { get; }

    public IAnsiConsole Console => Cli.Out;

    /// <summary>Prints <paramref name="result"/> as JSON (with --json) or runs <paramref name="human"/>.</summary>
    public void Result(object? result, Action human)
    {
        if (Json)
        {
            WriteJson(result);
        }
        else
        {
            human();
        }
    }

    public void WriteJson(object? value)
    {
        Cli.Stdout.WriteLine(JsonConvert.SerializeObject(value ?? JValue.CreateNull(), JsonSettings));
    }

    /// <summary>
    /// A line of human output (ignored with --json). Redirected, it is written whole, never wrapped at the table width,
    /// so that grep and scripts see one line (and colours are off there anyway).
    /// </summary>
    public void Line(string markup)
    {
        if (Json)
        {
            return;
        }

        if (Cli.IsTerminal)
        {
            Console.MarkupLine(markup);
        }
        else
        {
            Cli.Stdout.WriteLine(Markup.Remove(markup));
        }
    }

    /// <summary>A line of plain text (not markup), never wrapped when redirected.</summary>
    public void PlainLine(string text)
    {
        if (Cli.IsTerminal)
        {
            Console.WriteLine(text);
        }
        else
        {
            Cli.Stdout.WriteLine(text);
        }
    }

    /// <summary>A table of names and values (null values are left out).</summary>
    public static Table KeyValues(IEnumerable<(string Key, string? Value)> rows, string? title = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("[bold]field[/]").AddColumn("[bold]value[/]");
        if (title != null)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var (key, value) in rows.Where(r => r.Value != null))
        {
            table.AddRow(Markup.Escape(key), Markup.Escape(value!));
        }

        return table;
    }

    /// <summary>A compact one-line JSON text of any value (for table cells).</summary>
    public static string Compact(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => JsonConvert.SerializeObject(value, Formatting.None),
    };

    public static string Bytes(long bytes)
    {
        string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>
    /// A duration the server wrote as text, with units: seconds (<c>3.00</c>, as some apps write it) or Python's
    /// <c>str(timedelta)</c> (<c>0:00:03</c>, <c>1 day, 2:03:04</c>, as upstream's train stats do). Unreadable text is kept as is.
    /// </summary>
    public static string? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var original = text;
        text = text.Trim();
        TimeSpan value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            value = TimeSpan.FromSeconds(seconds);
        }
        else
        {
            var days = 0;
            var match = System.Text.RegularExpressions.Regex.Match(text, @"^(\d+) days?, (.*)$");
            if (match.Success)
            {
                days = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                text = match.Groups[2].Value;
            }

            if (!TimeSpan.TryParseExact(text, new[] { @"h\:mm\:ss", @"h\:mm\:ss\.FFFFFFF", @"hh\:mm\:ss" }, CultureInfo.InvariantCulture, out value))
            {
                return original;
            }

            value += TimeSpan.FromDays(days);
        }

        return Duration(value);
    }

    /// <summary>3.2 s, 2 min 05 s, 1 h 02 min.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString(value.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
        }

        return value < TimeSpan.FromHours(1)
            ? $"{(int)value.TotalMinutes} min {value.Seconds:00} s"
            : $"{(int)value.TotalHours} h {value.Minutes:00} min";
    }

    /// <summary>Seconds since the epoch as local time, as the server writes <c>ts</c>.</summary>
    public static string? Time(long? unixSeconds) =>
        unixSeconds is { } ts ? DateTimeOffset.FromUnixTimeSeconds(ts).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;

    public static string Esc(string? text) => Markup.Escape(text ?? string.Empty);
}
