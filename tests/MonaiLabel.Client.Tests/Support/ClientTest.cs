using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MonaiLabel.Client.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// A fresh temporary tree per test: <see cref="Root"/> (unique) holding only the result directory
/// <see cref="Dir"/> three levels down, so that a name escaping by <c>../..</c> would still land inside
/// <see cref="Root"/> and be caught by <see cref="AssertNothingOutsideDir"/>. Deleted on dispose.
/// </summary>
internal sealed class TempResultDir : IDisposable
{
    public TempResultDir(bool create = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "mlc-client-tests", Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(Root, "l1", "l2", "results");
        Directory.CreateDirectory(create ? Dir : Path.GetDirectoryName(Dir)!);
    }

    /// <summary>The unique root of this test's tree.</summary>
    public string Root { get; }

    /// <summary>The directory results are saved to.</summary>
    public string Dir { get; }

    /// <summary>Every entry (files and directories, hidden ones included) directly inside <see cref="Dir"/>.</summary>
    public string[] Entries => Directory.Exists(Dir) ? Directory.GetFileSystemEntries(Dir) : Array.Empty<string>();

    /// <summary>The file names directly inside <see cref="Dir"/>, sorted.</summary>
    public string[] FileNames => Entries.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    public string PathOf(string name) => Path.Combine(Dir, name);

    /// <summary>The result directory has no entry at all (no partial or hidden temporary file either).</summary>
    public void AssertEmpty() =>
        Assert.True(Entries.Length == 0, "Expected an empty result directory, found: " + string.Join(", ", FileNames));

    /// <summary>The only files anywhere under <see cref="Root"/> are directly inside <see cref="Dir"/>.</summary>
    public void AssertNothingOutsideDir()
    {
        var strays = Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Dir)
            .ToList();
        Assert.True(strays.Count == 0, "Files written outside the result directory: " + string.Join(", ", strays));
        var directories = Directory.GetDirectories(Root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(Root, d)).OrderBy(d => d).ToArray();
        Assert.Equal(new[] { "l1", Path.Combine("l1", "l2"), Path.Combine("l1", "l2", "results") }, directories);
    }

    /// <summary>Asserts <paramref name="saved"/> is directly inside <see cref="Dir"/> and holds <paramref name="bytes"/>.</summary>
    public void AssertSavedInside(SavedFile saved, byte[] bytes)
    {
        Assert.Equal(Dir, Path.GetDirectoryName(saved.Path));
        Assert.True(File.Exists(saved.Path), "Missing " + saved.Path);
        Assert.Equal(bytes, File.ReadAllBytes(saved.Path));
        Assert.Equal(bytes.Length, saved.Length);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort; the tree is under the temp directory anyway.
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that records each report synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<long>
{
    private readonly Action<long>? _onReport;
    private readonly ConcurrentQueue<long> _reports = new();

    public RecordingProgress(Action<long>? onReport = null)
    {
        _onReport = onReport;
    }

    public IReadOnlyList<long> Reports => _reports.ToArray();

    public void Report(long value)
    {
        _reports.Enqueue(value);
        _onReport?.Invoke(value);
    }

    /// <summary>Reports only grow and end at <paramref name="total"/>.</summary>
    public void AssertReached(long total)
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        Assert.Equal(total, reports[reports.Count - 1]);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i] > reports[i - 1], "Progress went backwards: " + string.Join(", ", reports));
        }
    }
}

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
        using var body = new MemoryStream();
        void Write(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            body.Write(bytes, 0, bytes.Length);
        }

        foreach (var part in parts)
        {
            Write("--" + Boundary + "\r\n");
            Write("Content-Disposition: " + part.Disposition + "\r\n");
            if (part.ContentType != null)
            {
                Write("Content-Type: " + part.ContentType + "\r\n");
            }

            Write("\r\n");
            body.Write(part.Body, 0, part.Body.Length);
            Write("\r\n");
        }

        if (closed)
        {
            Write("--" + Boundary + "--\r\n");
        }

        return body.ToArray();
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
