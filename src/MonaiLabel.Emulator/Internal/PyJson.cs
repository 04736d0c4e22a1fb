using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// JSON text as the Python server writes it: FastAPI answers (compact, UTF-8 kept), <c>json.dumps</c> defaults
/// (", " and ": ", non-ASCII escaped) and <c>json.dumps(indent=n)</c>; floats as Python's <c>repr</c>.
/// </summary>
internal static class PyJson
{
    /// <summary>FastAPI's JSONResponse: <c>json.dumps(ensure_ascii=False, separators=(",", ":"))</c>.</summary>
    public static byte[] FastApi(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, asciiOnly: false, itemSep: ",", keySep: ":", indent: null, level: 0);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Python's <c>json.dumps(obj)</c> with its defaults.</summary>
    public static string Dumps(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, asciiOnly: true, itemSep: ", ", keySep: ": ", indent: null, level: 0);
        return sb.ToString();
    }

    /// <summary>Python's <c>json.dumps(obj, indent=n)</c>.</summary>
    public static string DumpsIndented(JsonNode? node, int indent)
    {
        var sb = new StringBuilder();
        Write(sb, node, asciiOnly: true, itemSep: ",", keySep: ": ", indent: indent, level: 0);
        return sb.ToString();
    }

    /// <summary>Parses JSON as Python's <c>json.loads</c> would (duplicate keys: the last value wins).</summary>
    public static JsonNode? Parse(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 256 });
        return FromElement(doc.RootElement);
    }

    /// <summary>A deep copy of a node that keeps each value's type (int or float).</summary>
    public static JsonNode? Clone(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var kv in obj)
                {
                    o[kv.Key] = Clone(kv.Value);
                }

                return o;
            case JsonArray arr:
                var a = new JsonArray();
                foreach (var item in arr)
                {
                    a.Add(Clone(item));
                }

                return a;
            default:
                var v = (JsonValue)node;
                if (v.TryGetValue<string>(out var s))
                {
                    return JsonValue.Create(s);
                }

                if (v.TryGetValue<bool>(out var b))
                {
                    return JsonValue.Create(b);
                }

                if (v.TryGetValue<long>(out var l))
                {
                    return JsonValue.Create(l);
                }

                if (v.TryGetValue<int>(out var i))
                {
                    return JsonValue.Create((long)i);
                }

                if (v.TryGetValue<double>(out var d))
                {
                    return JsonValue.Create(d);
                }

                return v.TryGetValue<JsonElement>(out var e) ? FromElement(e) : null;
        }
    }

    /// <summary>A JSON float value (always written with a fraction or exponent, as Python does).</summary>
    public static JsonNode Float(double value) => JsonValue.Create(value);

    private static JsonNode? FromElement(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var p in e.EnumerateObject())
                {
                    obj[p.Name] = FromElement(p.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var arr = new JsonArray();
                foreach (var item in e.EnumerateArray())
                {
                    arr.Add(FromElement(item));
                }

                return arr;
            case JsonValueKind.String:
                return JsonValue.Create(e.GetString());
            case JsonValueKind.Number:
                var raw = e.GetRawText();
                if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0)
                {
                    return Float(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
                }

                return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? JsonValue.Create(l)
                    : Float(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static void Write(StringBuilder sb, JsonNode? node, bool asciiOnly, string itemSep, string keySep, int? indent, int level)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                return;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                var first = true;
                foreach (var kv in obj)
                {
                    if (!first)
                    {
                        sb.Append(itemSep);
                    }

                    first = false;
                    NewLine(sb, indent, level + 1);
                    WriteString(sb, kv.Key, asciiOnly);
                    sb.Append(keySep);
                    Write(sb, kv.Value, asciiOnly, itemSep, keySep, indent, level + 1);
                }

                NewLine(sb, indent, level);
                sb.Append('}');
                return;
            case JsonArray arr:
                if (arr.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(itemSep);
                    }

                    NewLine(sb, indent, level + 1);
                    Write(sb, arr[i], asciiOnly, itemSep, keySep, indent, level + 1);
                }

                NewLine(sb, indent, level);
                sb.Append(']');
                return;
            case JsonValue value:
                WriteValue(sb, value, asciiOnly);
                return;
        }
    }

    private static void NewLine(StringBuilder sb, int? indent, int level)
    {
        if (indent is int n)
        {
            sb.Append('\n').Append(' ', n * level);
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value, bool asciiOnly)
    {
        if (value.TryGetValue<string>(out var s))
        {
            WriteString(sb, s, asciiOnly);
        }
        else if (value.TryGetValue<bool>(out var b))
        {
            sb.Append(b ? "true" : "false");
        }
        else if (value.TryGetValue<long>(out var l))
        {
            sb.Append(l.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<int>(out var i))
        {
            sb.Append(i.ToString(CultureInfo.InvariantCulture));
        }
        else if (value.TryGetValue<double>(out var d))
        {
            sb.Append(FormatFloat(d));
        }
        else if (value.TryGetValue<JsonElement>(out var e))
        {
            Write(sb, FromElement(e), asciiOnly, ",", ":", null, 0);
        }
        else
        {
            sb.Append(value.ToJsonString());
        }
    }

    private static void WriteString(StringBuilder sb, string s, bool asciiOnly)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (asciiOnly && c > 0x7e))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, ".0" on integral values, exponent form
    /// below 1e-4 and from 1e16.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r.Substring(1);
        }

        var exp = 0;
        var ePos = r.IndexOfAny(new[] { 'E', 'e' });
        if (ePos >= 0)
        {
            exp = int.Parse(r.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r.Substring(0, ePos);
        }

        var dot = r.IndexOf('.');
        var intPart = dot >= 0 ? r.Substring(0, dot) : r;
        var fracPart = dot >= 0 ? r.Substring(dot + 1) : string.Empty;
        var digits = intPart + fracPart;
        var decpt = intPart.Length + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits.Substring(lead);
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var e = decpt - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return sb.ToString();
    }
}
