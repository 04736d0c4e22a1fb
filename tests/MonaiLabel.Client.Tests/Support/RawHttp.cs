using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MonaiLabel.Client.Tests;

/// <summary>Builds raw HTTP/1.1 answers, byte for byte.</summary>
internal static class RawHttp
{
    /// <summary>
    /// A status line, the given header lines (written exactly as given; Content-Length added unless one is given or
    /// <paramref name="contentLength"/> is false) and the body.
    /// </summary>
    public static byte[] Response(int status, IEnumerable<string> headers, byte[] body, bool contentLength = true)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        var list = headers.ToList();
        foreach (var header in list)
        {
            head.Append(header).Append("\r\n");
        }

        if (contentLength && !list.Any(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        return Concat(Latin1OrUtf8(head.ToString()), body);
    }

    public static byte[] Json(string json, int status = 200) =>
        Response(status, new[] { "Content-Type: application/json" }, Encoding.UTF8.GetBytes(json));

    /// <summary>A file answer with <paramref name="contentDisposition"/> written as raw bytes (UTF-8 for non-Latin-1).</summary>
    public static byte[] File(byte[] body, string? contentDisposition, string contentType = "application/octet-stream") =>
        Response(200, contentDisposition == null
            ? new[] { "Content-Type: " + contentType }
            : new[] { "Content-Type: " + contentType, "Content-Disposition: " + contentDisposition }, body);

    /// <summary>Only the head of an answer (for scripts that then write, trickle or stall the body themselves).</summary>
    public static byte[] Head(int status, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return Latin1OrUtf8(head.Append("\r\n").ToString());
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Latin1OrUtf8(string text) =>
        text.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        302 => "Found",
        307 => "Temporary Redirect",
        401 => "Unauthorized",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
}

/// <summary>A multipart answer as MONAI Label writes it (requests_toolbelt), with hooks to break it.</summary>
internal static class RawMultipart
{
    public const string Boundary = "91828f88feea46c7b1d2f1d9b2105293";

    public static string ContentType(string boundary = Boundary) => "multipart/form-data; boundary=" + boundary;

    public static byte[] Params(string json = "{\"label_names\": {\"spleen\": 1}, \"latencies\": {\"total\": 0.5}}", string boundary = Boundary) =>
        Part(boundary, "Content-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(json));

    public static byte[] File(string dispositionFileParameter, byte[] content, string boundary = Boundary, string extraHeaders = "") =>
        Part(boundary, $"Content-Disposition: form-data; name=\"image\"; {dispositionFileParameter}\r\nContent-Type: application/octet-stream{extraHeaders}", content);

    /// <summary>"--boundary\r\n" + headers + "\r\n\r\n" + content + "\r\n".</summary>
    public static byte[] Part(string boundary, string headers, byte[] content) =>
        RawHttp.Concat(Encoding.UTF8.GetBytes($"--{boundary}\r\n{headers}\r\n\r\n"), content, "\r\n"u8.ToArray());

    public static byte[] Close(string boundary = Boundary) => Encoding.ASCII.GetBytes($"--{boundary}--\r\n");

    public static byte[] Body(params byte[][] parts) => RawHttp.Concat(parts.Append(Close()).ToArray());

    /// <summary>A whole 200 answer with a Content-Length.</summary>
    public static byte[] Answer(byte[] body, string? contentType = null) =>
        RawHttp.Response(200, new[] { "Content-Type: " + (contentType ?? ContentType()) }, body);

    /// <summary>A 200 answer without Content-Length, ended by closing the connection (the body may be cut anywhere).</summary>
    public static byte[] AnswerUntilClose(byte[] body, string? contentType = null) =>
        RawHttp.Response(200, new[] { "Content-Type: " + (contentType ?? ContentType()), "Connection: close" }, body, contentLength: false);
}
