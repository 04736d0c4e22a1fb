using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MonaiLabel.Client.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>One part of a multipart answer built by <see cref="MultipartAnswer"/>.</summary>
internal sealed class AnswerPart
{
    public AnswerPart(string disposition, byte[] body, string? contentType = null)
    {
        Disposition = disposition;
        Body = body;
        ContentType = contentType;
    }

    public string Disposition { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    public static AnswerPart Params(string json) =>
        new("form-data; name=\"params\"", Encoding.UTF8.GetBytes(json), "application/json");

    public static AnswerPart File(string rawDispositionFileParameter, byte[] body) =>
        new("form-data; name=\"image\"; " + rawDispositionFileParameter, body, "application/octet-stream");
}

/// <summary>
/// Builds a multipart infer answer byte for byte as MONAI Label's MultipartEncoder writes it (unquoted 32-hex
/// boundary, no per-part Content-Length, <c>--boundary--\r\n</c> at the end), optionally cut short.
/// </summary>
internal static class MultipartAnswer
{
    public const string Boundary = "5d2c6a0f3e1b4c7d8e9fa0b1c2d3e4f5";

    public const string ContentType = "multipart/form-data; boundary=" + Boundary;

    public static byte[] Build(params AnswerPart[] parts) => Build(true, parts);

    public static byte[] Build(bool closed, params AnswerPart[] parts)
    {
        var written = parts.Select(part => RawMultipart.Part(
            Boundary,
            "Content-Disposition: " + part.Disposition + (part.ContentType != null ? "\r\nContent-Type: " + part.ContentType : string.Empty),
            part.Body));
        return RawHttp.Concat(closed ? written.Append(RawMultipart.Close(Boundary)).ToArray() : written.ToArray());
    }

    public static IResponseBuilder Response(byte[] body) =>
        WireMock.ResponseBuilders.Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", ContentType)
            .WithBody(body);

    public static IResponseBuilder Response(params AnswerPart[] parts) => Response(Build(parts));
}

/// <summary>Small helpers shared by the client tests.</summary>
internal static class ClientTest
{
    /// <summary>Bytes that look like a binary image: every byte value, including CR, LF, NUL and a fake delimiter.</summary>
    public static byte[] BinaryBytes(int seed, int length = 300)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + seed);
        }

        // A line that starts like a delimiter but is not one.
        var fake = Encoding.ASCII.GetBytes("\r\n--" + MultipartAnswer.Boundary.Substring(0, 10));
        if (length >= 2 * fake.Length)
        {
            Array.Copy(fake, 0, bytes, length / 2, fake.Length);
        }

        return bytes;
    }

    /// <summary>A file answer as Starlette's FileResponse sends it.</summary>
    public static IResponseBuilder FileAnswer(byte[] body, string? contentDisposition, string contentType = "application/octet-stream")
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("content-type", contentType);
        if (contentDisposition != null)
        {
            response = response.WithHeader("content-disposition", contentDisposition);
        }

        return response.WithBody(body);
    }

    /// <summary>The bytes of the part whose headers end with <paramref name="headTail"/>, cut out of a raw multipart body.</summary>
    public static byte[] PartBytes(byte[] multipart, string headTail, string boundary)
    {
        var start = IndexOf(multipart, Encoding.ASCII.GetBytes(headTail + "\r\n\r\n"), 0);
        Assert.True(start >= 0, "Part head not found: " + headTail);
        start += headTail.Length + 4;
        var end = IndexOf(multipart, Encoding.ASCII.GetBytes("\r\n--" + boundary), start);
        Assert.True(end >= 0, "Part end not found");
        return multipart.AsSpan(start, end - start).ToArray();
    }

    public static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2")));
    }

    /// <summary>Writes a small input file (an upload) under <paramref name="directory"/>.</summary>
    public static string WriteInput(string directory, string name, byte[] bytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>
    /// The requests the server logged, oldest first, once there are <paramref name="count"/> of them (WireMock logs
    /// a request just after answering it).
    /// </summary>
    public static IReadOnlyList<WireMock.Logging.ILogEntry> WaitForRequests(WireMockServerFixture wire, int count)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (wire.Server.LogEntries.Count() < count && watch.ElapsedMilliseconds < 5000)
        {
            System.Threading.Thread.Sleep(5);
        }

        var entries = wire.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(count, entries.Count);
        return entries;
    }

    /// <summary>
    /// The one request <paramref name="wire"/> received, like <see cref="WireMockServerFixture.SingleRequest"/> but
    /// polling every few milliseconds: the call under test has returned, so its request is logged or about to be.
    /// </summary>
    public static WireRequest SingleRequest(WireMockServerFixture wire)
    {
        var entries = WaitForRequests(wire, 1);
        System.Threading.Thread.Sleep(2); // A second (unexpected) request would be logged by now.
        Assert.Single(wire.Server.LogEntries);
        return new WireRequest(entries[0].RequestMessage);
    }

    /// <summary>The Authorization header a logged request carried, or null.</summary>
    public static string? Authorization(WireMock.Logging.ILogEntry entry) =>
        entry.RequestMessage.Headers != null && entry.RequestMessage.Headers.TryGetValue("Authorization", out var value)
            ? string.Join(",", value)
            : null;

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var index = haystack.AsSpan(from).IndexOf(needle);
        return index < 0 ? -1 : index + from;
    }
}
