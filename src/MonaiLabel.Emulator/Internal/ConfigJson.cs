using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>A model's <see cref="EmulatorModel.Config"/> as JSON (by hand: the emulator is AOT-compatible).</summary>
internal static class ConfigJson
{
    /// <exception cref="ArgumentException">A value is not a bool, number, string, or a list or dictionary of these.</exception>
    public static JsonObject ToJson(IDictionary<string, object?> config, string model)
    {
        var o = new JsonObject();
        foreach (var kv in config)
        {
            o[kv.Key] = Value(kv.Value, model, kv.Key);
        }

        return o;
    }

    private static JsonNode? Value(object? value, string model, string key) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        int or long or short or byte or sbyte or ushort or uint => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        double d => PyJson.Float(d),
        float f => PyJson.Float(f),
        decimal m => PyJson.Float((double)m),
        IDictionary<string, object?> d => ToJson(d, model),
        IEnumerable e => Array(e, model, key),
        _ => throw new ArgumentException($"Model '{model}': config value '{key}' is a {value.GetType().Name}; use a bool, number, string, or a list or dictionary of these.", nameof(value)),
    };

    private static JsonArray Array(IEnumerable items, string model, string key)
    {
        var a = new JsonArray();
        foreach (var item in items)
        {
            a.Add(Value(item, model, key));
        }

        return a;
    }
}
