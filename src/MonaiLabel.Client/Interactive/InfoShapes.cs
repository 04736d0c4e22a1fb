using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Reads the free-form parts of a model's /info/ entry without ever throwing: what fits is typed, the rest is kept.
internal static class InfoShapes
{
    public static JToken Token(object? value) => value switch
    {
        null => JValue.CreateNull(),
        JToken token => token,
        _ => JToken.FromObject(value),
    };

    public static IReadOnlyList<ModelLabel> Labels(object? value)
    {
        var labels = new List<ModelLabel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, int? index)
        {
            if (name.Length > 0 && seen.Add(name))
            {
                labels.Add(new ModelLabel(name, index));
            }
        }

        switch (Token(value))
        {
            case JObject map:
                foreach (var property in map.Properties())
                {
                    Add(property.Name, Index(property.Value));
                }

                break;
            case JArray list:
                foreach (var item in list)
                {
                    if (item is JValue { Value: not null } scalar && item.Type != JTokenType.Boolean)
                    {
                        Add(Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, null);
                    }
                }

                break;
            case JValue { Type: JTokenType.String } single:
                Add((string)single!, null);
                break;
        }

        return labels;
    }

    public static IReadOnlyDictionary<string, ModelConfigEntry> Config(IDictionary<string, object>? config)
    {
        var entries = new Dictionary<string, ModelConfigEntry>(StringComparer.Ordinal);
        if (config != null)
        {
            foreach (var entry in config)
            {
                entries[entry.Key] = new ModelConfigEntry(entry.Key, Token(entry.Value));
            }
        }

        return entries;
    }

    private static int? Index(JToken value)
    {
        if (value.Type == JTokenType.Integer)
        {
            var n = (long)value;
            return n is >= int.MinValue and <= int.MaxValue ? (int)n : null;
        }

        if (value.Type == JTokenType.Float)
        {
            var d = (double)value;
            return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
        }

        return null;
    }
}
