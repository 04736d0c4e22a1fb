using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>The file contents the reference captures were made with, and small helpers for the wire tests.</summary>
internal static class WireSamples
{
    /// <summary>The image uploaded in captures 00/01 and downloaded in 22 (29 bytes, with binary and a final LF).</summary>
    public static readonly byte[] Image =
        Encoding.ASCII.GetBytes("MLREF-WIRE-SAMPLE-IMAGE").Concat(new byte[] { 0x00, 0x01, 0x02, 0xfe, 0xff, 0x0a }).ToArray();

    /// <summary>The label saved in captures 02/03 and downloaded in 20/21 (26 bytes).</summary>
    public static readonly byte[] Label =
        Encoding.ASCII.GetBytes("MLREF-WIRE-SAMPLE-LABEL").Concat(new byte[] { 0x00, 0x01, 0x0a }).ToArray();

    /// <summary>The image id of captures 01/02/20: space, non-ASCII letter and parentheses.</summary>
    public const string OddImageId = "Fall \u00dc 1 (wire)";

    /// <summary><see cref="OddImageId"/> as the Python client put it in the query (RFC 3986, UTF-8).</summary>
#if CLIENT_MONO
    // Mono's System.Uri turns %28/%29 back into "(" and ")" in every request URI (the SDK escapes them; see the
    // README's Compatibility section). A server decodes both spellings to the same id.
    public const string OddImageIdInQuery = "Fall%20%C3%9C%201%20(wire)";
#else
    public const string OddImageIdInQuery = "Fall%20%C3%9C%201%20%28wire%29";
#endif

    public static FileParameter File(byte[] content, string fileName, string? contentType = null) =>
        new(new MemoryStream(content), fileName, contentType);

    /// <summary>A JSON object answer the client returned as <c>object</c>, as a JObject.</summary>
    public static JObject Object(object? answer) => Xunit.Assert.IsType<JObject>(answer);

    /// <summary>A JSON array answer the client returned as <c>object</c>, as a JArray.</summary>
    public static JArray Array(object? answer) => Xunit.Assert.IsType<JArray>(answer);
}
