using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// A tiny, strict, test-only reader of a multipart/form-data request body as the SDK sent it: finds the boundary in
/// the Content-Type, checks the framing (<c>--b\r\n</c> … <c>\r\n--b--\r\n</c>), and splits the parts with their
/// headers and raw bytes. It is not the SDK's reader (that one reads answers); it only has to read what .NET writes.
/// </summary>
public sealed class SentMultipartBody
{
    private SentMultipartBody(string boundary, IReadOnlyList<SentPart> parts)
    {
        Boundary = boundary;
        Parts = parts;
    }

    public string Boundary { get; }

    public IReadOnlyList<SentPart> Parts { get; }

    public IReadOnlyList<string> PartNames => Parts.Select(p => p.Name ?? "<none>").ToList();

    /// <summary>The one part with this form name.</summary>
    public SentPart Part(string name)
    {
        var matches = Parts.Where(p => p.Name == name).ToList();
        Assert.True(matches.Count == 1, $"Expected one part named '{name}', found {matches.Count} (parts: {string.Join(", ", PartNames)})");
        return matches[0];
    }

    public static SentMultipartBody Parse(byte[] body, string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        Assert.Equal("multipart/form-data", mediaType);
        var boundary = HeaderParameters(contentType).TryGetValue("boundary", out var b) ? b : null;
        Assert.False(string.IsNullOrEmpty(boundary), "Content-Type has no boundary: " + contentType);

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var crlfDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        Assert.True(StartsWith(body, 0, delimiter), "Body does not start with --boundary");

        var parts = new List<SentPart>();
        var position = delimiter.Length;
        while (true)
        {
            if (StartsWith(body, position, Encoding.ASCII.GetBytes("--")))
            {
                // Close delimiter; what follows must be only the final CRLF.
                var epilogue = Encoding.ASCII.GetString(body, position + 2, body.Length - position - 2);
                Assert.Equal("\r\n", epilogue);
                break;
            }

            Assert.True(StartsWith(body, position, Encoding.ASCII.GetBytes("\r\n")), $"No CRLF after a boundary at byte {position}");
            if (StartsWith(body, position + 2, crlfDelimiter))
            {
                // An empty body part (no headers, no content): what .NET writes for a MultipartContent with no parts.
                parts.Add(new SentPart(new Dictionary<string, string>(), Array.Empty<byte>()));
                position += 2 + crlfDelimiter.Length;
                continue;
            }

            position += 2;
            var headEnd = IndexOf(body, Encoding.ASCII.GetBytes("\r\n\r\n"), position - 2);
            Assert.True(headEnd >= 0, "Part without end of headers");
            var headText = headEnd < position ? string.Empty : Encoding.UTF8.GetString(body, position, headEnd - position);
            var contentStart = headEnd + 4;
            var contentEnd = IndexOf(body, crlfDelimiter, contentStart);
            Assert.True(contentEnd >= 0, "Part without a following boundary");
            var content = new byte[contentEnd - contentStart];
            Array.Copy(body, contentStart, content, 0, content.Length);
            parts.Add(new SentPart(ParseHeaders(headText), content));
            position = contentEnd + crlfDelimiter.Length;
        }

        return new SentMultipartBody(boundary!, parts);
    }

    /// <summary>Parameters of a header value such as <c>form-data; name="file"; filename=a.nii.gz</c> (quotes removed).</summary>
    public static IReadOnlyDictionary<string, string> HeaderParameters(string headerValue)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in SplitOutsideQuotes(headerValue).Skip(1))
        {
            var eq = segment.IndexOf('=');
            if (eq < 0)
            {
                continue;
            }

            var name = segment.Substring(0, eq).Trim();
            var value = segment.Substring(eq + 1).Trim();
            if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
            {
                value = value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
            }

            result[name] = value;
        }

        return result;
    }

    private static IEnumerable<string> SplitOutsideQuotes(string value)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"' && (i == 0 || value[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (value[i] == ';' && !quoted)
            {
                yield return value.Substring(start, i - start);
                start = i + 1;
            }
        }

        yield return value.Substring(start);
    }

    private static IReadOnlyDictionary<string, string> ParseHeaders(string headText)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in headText.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, "Malformed part header: " + line);
            headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }

        return headers;
    }

    private static bool StartsWith(byte[] data, int offset, byte[] prefix)
    {
        if (offset + prefix.Length > data.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (data[offset + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(byte[] data, byte[] needle, int from)
    {
        for (var i = Math.Max(0, from); i + needle.Length <= data.Length; i++)
        {
            if (StartsWith(data, i, needle))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One part of a multipart/form-data request body.</summary>
public sealed class SentPart
{
    internal SentPart(IReadOnlyDictionary<string, string> headers, byte[] content)
    {
        Headers = headers;
        Content = content;
        var disposition = headers.TryGetValue("Content-Disposition", out var d) ? d : null;
        ContentDisposition = disposition;
        if (disposition != null)
        {
            Assert.Equal("form-data", disposition.Split(';')[0].Trim());
            var parameters = SentMultipartBody.HeaderParameters(disposition);
            Name = parameters.TryGetValue("name", out var name) ? name : null;
            FileName = parameters.TryGetValue("filename", out var fileName) ? fileName : null;
            FileNameStar = parameters.TryGetValue("filename*", out var fileNameStar) ? fileNameStar : null;
        }
    }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? ContentDisposition { get; }

    /// <summary>The form field name (<c>name=</c>).</summary>
    public string? Name { get; }

    /// <summary>The plain <c>filename=</c>: the only file name a MONAI Label server reads.</summary>
    public string? FileName { get; }

    /// <summary>The RFC 5987 <c>filename*=</c> (ignored by the server).</summary>
    public string? FileNameStar { get; }

    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public byte[] Content { get; }

    public string Text => Encoding.UTF8.GetString(Content);
}
