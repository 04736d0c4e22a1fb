using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>The <c>--params JSON</c> option: a JSON object, given inline or as <c>@file.json</c>.</summary>
internal static class JsonParams
{
    public static ValidationResult Check(string? text, string option = "--params")
    {
        try
        {
            Parse(text, option);
            return ValidationResult.Success();
        }
        catch (UsageException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }

    public static JObject? Parse(string? text, string option = "--params")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var json = text;
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (!File.Exists(path))
            {
                throw new UsageException($"{option}: file '{path}' does not exist.");
            }

            json = File.ReadAllText(path);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject ?? throw new UsageException($"{option} must be a JSON object, e.g. '{{\"max_epochs\": 5}}'.");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{option} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The option's text (inline or @file) as the SDK's params dictionary; null when not given.</summary>
    public static IDictionary<string, object?>? ToDictionary(string? text, string option = "--params") => ToDictionary(Parse(text, option));

    /// <summary>The object as the SDK's params dictionary.</summary>
    public static IDictionary<string, object?>? ToDictionary(JObject? json)
    {
        if (json == null)
        {
            return null;
        }

        var result = new Dictionary<string, object?>();
        foreach (var property in json.Properties())
        {
            result[property.Name] = property.Value;
        }

        return result;
    }
}
