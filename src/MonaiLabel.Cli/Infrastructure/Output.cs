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

    /// <summary>A line of human output (ignored with --json).</summary>
    public void Line(string markup)
    {
        if (!Json)
        {
            Console.MarkupLine(markup);
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

    /// <summary>Seconds since the epoch as local time, as the server writes <c>ts</c>.</summary>
    public static string? Time(long? unixSeconds) =>
        unixSeconds is { } ts ? DateTimeOffset.FromUnixTimeSeconds(ts).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;

    public static string Esc(string? text) => Markup.Escape(text ?? string.Empty);
}
