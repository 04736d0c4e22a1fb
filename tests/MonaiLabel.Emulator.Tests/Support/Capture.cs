using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace MonaiLabel.Emulator.Tests.Support;

/// <summary>One HTTP message of the reference captures (<c>Fixtures/wire/NN_name.request|response.bin</c>).</summary>
internal sealed class CapturedMessage
{
    private CapturedMessage(string startLine, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        StartLine = startLine;
        Headers = headers;
        Body = body;
    }

    public string StartLine { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string Method => StartLine.Split(' ')[0];

    public string Target => StartLine.Split(' ')[1];

    public int Status => int.Parse(StartLine.Split(' ')[1]);

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static CapturedMessage Load(string name, bool request)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wire", name + (request ? ".request.bin" : ".response.bin"));
        var bytes = File.ReadAllBytes(path);
        var split = IndexOf(bytes, "\r\n\r\n"u8.ToArray());
        var head = Encoding.Latin1.GetString(bytes, 0, split).Split("\r\n");
        var headers = head.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p[1].Trim()))
            .ToList();
        var body = bytes.AsSpan(split + 4).ToArray();
        return new CapturedMessage(head[0], headers, body);
    }

    /// <summary>The request as an HttpRequestMessage to <paramref name="server"/> (same method, target, content type, body).</summary>
    public HttpRequestMessage ToRequest(Uri server, string? authorization = null)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(server, Target.TrimStart('/')));
        var contentType = Header("Content-Type");
        if (Body.Length > 0 || Header("Content-Length") != null)
        {
            var content = new ByteArrayContent(Body);
            if (contentType != null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            message.Content = content;
        }

        authorization ??= Header("Authorization");
        if (authorization != null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return message;
    }

    public static int IndexOf(byte[] haystack, byte[] needle, int start = 0)
    {
        for (var i = start; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
