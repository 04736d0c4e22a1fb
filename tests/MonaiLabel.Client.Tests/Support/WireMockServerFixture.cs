using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// One WireMock.Net server on 127.0.0.1 (a free port, never another interface) standing in for a MONAI Label
/// server. Create one per test (<c>using var wire = new WireMockServerFixture();</c>) so that nothing is shared
/// between tests or parallel classes. Every request gets the one answer set with <see cref="RespondWith"/>, whatever
/// its method and path, so a wrong route shows up as a precise assertion on <see cref="SingleRequest"/> rather than
/// as WireMock's generic 404.
/// </summary>
public sealed class WireMockServerFixture : IDisposable
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(5);

    private readonly List<IDisposable> _owned = new();

    public WireMockServerFixture()
    {
        Server = StartOnLoopback();
        BaseUrl = new Uri($"http://127.0.0.1:{Server.Port}/");
    }

    public WireMockServer Server { get; }

    /// <summary>The server URL with a trailing slash, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A client that owns its HttpClient (the <c>new MonaiLabelClient(Uri)</c> constructor); disposed with the fixture.</summary>
    public MonaiLabelClient CreateClient() => CreateClient(_ => { });

    /// <summary>A client that owns its HttpClient, with options set by <paramref name="configure"/> (client id, result directory, ...).</summary>
    public MonaiLabelClient CreateClient(System.Action<MonaiLabelClientOptions> configure)
    {
        var options = new MonaiLabelClientOptions { ServerUrl = BaseUrl };
        configure(options);
        var client = MonaiLabelClient.Create(options);
        _owned.Add(client);
        return client;
    }

    /// <summary>A client over an injected HttpClient (the DI constructor); both are disposed with the fixture.</summary>
    public MonaiLabelClient CreateClientWithHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        _owned.Add(http);
        var client = new MonaiLabelClient(http);
        _owned.Add(client);
        return client;
    }

    /// <summary>Answers every request with <paramref name="response"/>.</summary>
    public void RespondWith(IResponseBuilder response) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);

    /// <summary>Answers every request with a captured server answer from <c>Fixtures/wire</c>.</summary>
    public CapturedResponse RespondWithCapture(string name)
    {
        var capture = CapturedResponse.Load(name);
        RespondWith(capture.ToResponse());
        return capture;
    }

    /// <summary>Answers every request with a JSON body, as FastAPI sends it (<c>content-type: application/json</c>).</summary>
    public void RespondWithJson(string json, int status = 200) => RespondWith(Json(json, status));

    public static IResponseBuilder Json(string json, int status = 200) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("content-type", "application/json")
            .WithBody(Encoding.UTF8.GetBytes(json));

    public static IResponseBuilder Text(string text, string contentType, int status = 200) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("content-type", contentType)
            .WithBody(Encoding.UTF8.GetBytes(text));

    /// <summary>The one request the server received (waits briefly: WireMock logs after it has answered).</summary>
    public WireRequest SingleRequest()
    {
        var entries = WaitForLogEntries(1);
        Assert.True(
            entries.Count == 1,
            $"Expected exactly one request, got {entries.Count}: " +
            string.Join(", ", entries.Select(e => e.RequestMessage.Method + " " + e.RequestMessage.Url)));
        return new WireRequest(entries[0].RequestMessage);
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        Server.Stop();
        Server.Dispose();
    }

    private IReadOnlyList<ILogEntry> WaitForLogEntries(int count)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var entries = Server.LogEntries.ToList();
            if (entries.Count >= count || watch.Elapsed > LogWait)
            {
                // One more short pause catches a request logged just after the expected ones.
                Thread.Sleep(20);
                return Server.LogEntries.ToList();
            }

            Thread.Sleep(10);
        }
    }

    private static WireMockServer StartOnLoopback()
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = new[] { $"http://127.0.0.1:{port}" },
                    StartAdminInterface = false,
                    Logger = new WireMockNullLogger(),
                });
            }
            catch (Exception e)
            {
                last = e; // The port was taken between probing and binding: try another.
            }
        }

        throw new InvalidOperationException("Could not start WireMock on 127.0.0.1", last);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>What the SDK sent, read from WireMock's log.</summary>
public sealed class WireRequest
{
    private readonly IRequestMessage _message;

    internal WireRequest(IRequestMessage message)
    {
        _message = message;
        Headers = (message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Body = message.BodyData?.BodyAsBytes
               ?? (message.BodyData?.BodyAsString is { } text ? Encoding.UTF8.GetBytes(text) : Array.Empty<byte>());
    }

    public string Method => _message.Method;

    /// <summary>The path as received, e.g. <c>/info/</c>.</summary>
    public string Path => _message.AbsolutePath;

    /// <summary>The query string exactly as sent (still percent-encoded), without the leading <c>?</c>; empty when none.</summary>
    public string Query => (_message.RawQuery ?? string.Empty).TrimStart('?');

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentType => Header("Content-Type");

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Asserts method, path and query string in one go (the query exactly: names, values, order).</summary>
    public WireRequest AssertRoute(string method, string path, string query = "")
    {
        Assert.Equal(method, Method);
        Assert.Equal(path, Path);
        Assert.Equal(query, Query);
        return this;
    }

    /// <summary>The multipart/form-data body, parsed with the boundary from the Content-Type header.</summary>
    public SentMultipartBody Multipart()
    {
        Assert.NotNull(ContentType);
        return SentMultipartBody.Parse(Body, ContentType!);
    }

    /// <summary>The application/x-www-form-urlencoded body as ordered (name, value) pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields()
    {
        Assert.NotNull(ContentType);
        Assert.StartsWith("application/x-www-form-urlencoded", ContentType!, StringComparison.Ordinal);
        return BodyText.Length == 0
            ? Array.Empty<KeyValuePair<string, string>>()
            : BodyText.Split('&').Select(pair =>
            {
                var eq = pair.IndexOf('=');
                var name = eq < 0 ? pair : pair.Substring(0, eq);
                var value = eq < 0 ? string.Empty : pair.Substring(eq + 1);
                return new KeyValuePair<string, string>(FormDecode(name), FormDecode(value));
            }).ToList();
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

/// <summary>A server answer captured from a real MONAI Label server (<c>Fixtures/wire/NN_name.response.bin</c>).</summary>
public sealed class CapturedResponse
{
    // Hop-by-hop or per-connection headers that Kestrel writes itself.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "server", "content-length", "connection", "transfer-encoding",
    };

    private CapturedResponse(int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Loads <c>Fixtures/wire/&lt;name&gt;.response.bin</c> from beside the test assembly.</summary>
    public static CapturedResponse Load(string name)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Fixture("wire", name + ".response.bin"));
        var split = IndexOf(bytes, Encoding.ASCII.GetBytes("\r\n\r\n"));
        if (split < 0)
        {
            throw new InvalidDataException($"{name}: no end of response head");
        }

        var lines = Encoding.ASCII.GetString(bytes, 0, split).Split(new[] { "\r\n" }, StringSplitOptions.None);
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1)
            .Select(line => new KeyValuePair<string, string>(line.Substring(0, line.IndexOf(':')).Trim(), line.Substring(line.IndexOf(':') + 1).Trim()))
            .ToList();
        var body = new byte[bytes.Length - split - 4];
        Array.Copy(bytes, split + 4, body, 0, body.Length);
        return new CapturedResponse(status, headers, body);
    }

    /// <summary>The same status, headers (but those Kestrel writes itself) and body bytes, as a WireMock answer.</summary>
    public IResponseBuilder ToResponse()
    {
        var response = Response.Create().WithStatusCode(Status);
        foreach (var header in Headers.Where(h => !NotReplayed.Contains(h.Key)))
        {
            response = response.WithHeader(header.Key, header.Value);
        }

        return Body.Length == 0 ? response : response.WithBody(Body);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
