using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>Small assertions shared by the wire tests.</summary>
public static class WireAssert
{
    /// <summary>
    /// A value the client read into <c>object</c> (a map value, an extension-data entry, an untyped answer) as a
    /// JToken: Newtonsoft gives objects and arrays as JObject/JArray but scalars as CLR values.
    /// </summary>
    public static JToken Token(object? value) => value switch
    {
        null => JValue.CreateNull(),
        JToken token => token,
        _ => JToken.FromObject(value),
    };

    /// <summary>Asserts two JSON texts/tokens are the same JSON (whitespace and number formatting aside).</summary>
    public static void JsonEqual(string expectedJson, string actualJson) =>
        JsonEqual(Parse(expectedJson), Parse(actualJson));

    public static void JsonEqual(JToken expected, JToken actual) =>
        Assert.True(
            JToken.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected.ToString(Formatting.None)}\nActual:   {actual.ToString(Formatting.None)}");

    /// <summary>Reads a whole response stream (a FileResponse body).</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The values a Content-Disposition header of a FileResponse carries, joined.</summary>
    public static string? Header(FileResponse response, string name) =>
        response.Headers.Where(h => string.Equals(h.Key, name, System.StringComparison.OrdinalIgnoreCase))
            .Select(h => string.Join(", ", h.Value))
            .FirstOrDefault();

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JToken.ReadFrom(reader);
    }
}
