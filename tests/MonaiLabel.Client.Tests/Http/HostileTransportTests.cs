using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// Servers that stop early, reset, stall, trickle, never answer, answer errors or the wrong thing, redirect away or
/// stream endless JSON. Every failure is a typed <see cref="MonaiLabelClientException"/> that names the problem;
/// nothing hangs; a download that fails leaves no file, never a silently short one.
/// </summary>
[Trait("Category", "Hostile")]
public class HostileTransportTests
{
    private static readonly byte[] Image = RawHttp.Bytes(200_000, seed: 11);

    [Fact]
    public async Task A_file_answer_shorter_than_its_Content_Length_fails_instead_of_saving_a_short_file()
    {
        var answer = RawHttp.Concat(
            RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Content-Length: " + Image.Length),
            Image.AsSpan(0, 50_000).ToArray());
        using var server = RawServer.Once(answer);
        var error = await DownloadFails(server, MonaiLabelErrorKind.InvalidResponse);

        Assert.Contains("broke off after", error.Message, StringComparison.Ordinal);
        Assert.Contains("/datastore/label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_reset_mid_download_fails_and_leaves_no_file()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Content-Length: " + Image.Length));
            await c.WriteAsync(Image.AsSpan(0, 100_000).ToArray());
            await Task.Delay(100);
            c.Reset();
        });
        var error = await DownloadFails(server, MonaiLabelErrorKind.InvalidResponse);

        Assert.Contains("broke off after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_download_cut_inside_a_chunk_fails()
    {
        var chunk = Image.AsSpan(0, 10_000).ToArray();
        var answer = RawHttp.Concat(
            RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Transfer-Encoding: chunked"),
            Encoding.ASCII.GetBytes($"{chunk.Length * 2:x}\r\n"),
            chunk);
        using var server = RawServer.Once(answer);
        var error = await DownloadFails(server, MonaiLabelErrorKind.InvalidResponse);

        Assert.Contains("broke off after 10000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_before_any_answer_fails_with_a_typed_or_transport_error_and_no_file()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            c.Reset();
        });
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await Record.ExceptionAsync(() => HostileClient.Within(10, () => client.DownloadLabelToAsync("lbl", "final", root.Dir)));

        // Before an answer there is nothing to save; the transport error surfaces (typed where the pipeline maps it).
        Assert.True(error is MonaiLabelClientException or System.Net.Http.HttpRequestException, error?.ToString());
        root.AssertClean();
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_fails_with_Kind_Timeout()
    {
        using var server = RawServer.NeverAnswers();
        using var client = HostileClient.For(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        using var root = new TempResultDir(create: false);
        var watch = Stopwatch.StartNew();

        var error = await HostileClient.Fails(MonaiLabelErrorKind.Timeout, () => client.DownloadLabelToAsync("lbl", "final", root.Dir), seconds: 5);

        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        Assert.Contains("no answer within 0.3 s", error.Message, StringComparison.Ordinal);
        root.AssertClean();
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_server_that_reads_the_request_and_never_answers_fails_with_Kind_Timeout()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        using var root = new TempResultDir(create: false);

        await HostileClient.Fails(
            MonaiLabelErrorKind.Timeout, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }), seconds: 5);

        root.AssertClean();
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_download_whose_body_stalls_fails_with_Kind_Timeout_after_ReadTimeout()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Content-Length: " + Image.Length));
            await c.WriteAsync(Image.AsSpan(0, 1000).ToArray());
            await c.StallAsync();
        });
        var watch = Stopwatch.StartNew();
        var error = await DownloadFails(server, MonaiLabelErrorKind.Timeout, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));

        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_download_trickling_one_byte_per_second_is_bounded_by_ReadTimeout()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Content-Length: 1000"));
            await c.TrickleAsync(new byte[1000], TimeSpan.FromSeconds(1));
        });
        var watch = Stopwatch.StartNew();
        var error = await DownloadFails(server, MonaiLabelErrorKind.Timeout, o => o.ReadTimeout = TimeSpan.FromMilliseconds(400));

        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_body_that_trickles_faster_than_ReadTimeout_is_read_whole_because_the_limit_is_idle_time()
    {
        // 60 bytes 50 ms apart: 3 s in all, twice the 1.5 s ReadTimeout, yet no gap comes near it (a margin a
        // loaded CI machine cannot eat).
        var bytes = RawHttp.Bytes(60, seed: 12);
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"slow.nii.gz\"", "Content-Length: 60"));
            await c.TrickleAsync(bytes, TimeSpan.FromMilliseconds(50));
        });
        using var client = HostileClient.For(server, o => o.ReadTimeout = TimeSpan.FromMilliseconds(1500));
        using var root = new TempResultDir(create: false);

        var saved = await HostileClient.Within(10, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));

        HostileFileNameTests.AssertSaved(root, saved, "slow.nii.gz", bytes);
    }

    [Fact]
    public async Task A_multipart_answer_that_stalls_between_parts_fails_with_Kind_Timeout_and_removes_the_first_file()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: " + RawMultipart.ContentType(), "Connection: close"));
            await c.WriteAsync(RawHttp.Concat(RawMultipart.Params(), RawMultipart.File("filename=\"first.nii.gz\"", Image)));
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.Timeout, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Contains("/infer/m", error.Message, StringComparison.Ordinal);
        root.AssertClean();
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_JSON_answer_that_stalls_mid_body_fails_with_Kind_Timeout()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: 1000"));
            await c.WriteAsync("{\"name\": \"app\", \"ver");
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));

        var error = await HostileClient.Fails(MonaiLabelErrorKind.Timeout, () => client.GetAppInfoAsync());

        Assert.Contains("/info/", error.Message, StringComparison.Ordinal);
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_500_with_a_large_HTML_body_is_a_short_ServerError_with_a_bounded_body()
    {
        var html = "<!DOCTYPE html><html><head><title>500</title></head><body>" +
                   string.Concat(Enumerable.Repeat("<p>Traceback (most recent call last): secret internals</p>", 20_000)) + "</body></html>";
        using var server = RawServer.Once(RawHttp.Response(500, new[] { "Content-Type: text/html" }, Encoding.UTF8.GetBytes(html)));
        using var client = HostileClient.For(server);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.ServerError, () => client.GetAppInfoAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.Message.Length < 200, "message is " + error.Message.Length + " characters");
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Response);
        Assert.True(error.Response!.Length <= 64 * 1024, "kept " + error.Response.Length + " characters of the body");
    }

    [Fact]
    public async Task A_500_with_a_short_plain_text_body_names_it()
    {
        using var server = RawServer.Once(RawHttp.Response(500, new[] { "Content-Type: text/plain" }, "Internal Server Error"u8.ToArray()));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.ServerError, () => client.InferAsync("unknown", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Equal("Server error (HTTP 500): Internal Server Error", error.Message);
        root.AssertClean();
    }

    [Fact]
    public async Task A_200_with_text_html_where_JSON_is_expected_fails_InvalidResponse_naming_the_type()
    {
        using var server = RawServer.Once(RawHttp.Response(200, new[] { "Content-Type: text/html; charset=utf-8" }, "<html><body>Login</body></html>"u8.ToArray()));
        using var client = HostileClient.For(server);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetAppInfoAsync());

        Assert.Contains("Expected JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        Assert.Contains("/info/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_labelled_JSON_whose_body_is_HTML_fails_InvalidResponse()
    {
        using var server = RawServer.Once(RawHttp.Json("<html>not json</html>"));
        using var client = HostileClient.For(server);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetAppInfoAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("deserialize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_JSON_array_fails_fast_at_MaxJsonAnswerBytes_without_reading_it_all()
    {
        long sent = 0;
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Connection: close"));
            // A listing that starts right (an object; unknown members are skipped as they stream by) and never ends.
            await c.WriteAsync("{\"objects\": {}, \"more\": [");
            var ones = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,", 32 * 1024)));
            while (Interlocked.Read(ref sent) < 200L * 1024 * 1024) // 200 MB, if the client kept reading
            {
                await c.WriteAsync(ones);
                Interlocked.Add(ref sent, ones.Length);
            }
        });
        using var client = HostileClient.For(server, o => o.MaxJsonAnswerBytes = 1024 * 1024);
        var watch = Stopwatch.StartNew();

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetDatastoreAsync());

        Assert.Contains("larger than 1048576 bytes (MaxJsonAnswerBytes)", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        await server.AssertClientClosedAsync();
        Assert.True(Interlocked.Read(ref sent) < 50L * 1024 * 1024, $"the server got to send {Interlocked.Read(ref sent)} bytes");
    }

    [Fact]
    public async Task A_JSON_answer_whose_Content_Length_exceeds_the_default_limit_is_refused_before_reading()
    {
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: " + (200L * 1024 * 1024)));
            await c.WriteAsync("[1,1,1,1");
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, o => o.MaxJsonAnswerBytes = MonaiLabelClientOptions.DefaultMaxJsonAnswerBytes);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetDatastoreAsync(), seconds: 3);

        Assert.Contains("209715200 bytes long, more than 67108864 bytes (MaxJsonAnswerBytes)", error.Message, StringComparison.Ordinal);
        await server.AssertClientClosedAsync();
    }

    [Fact]
    public async Task A_JSON_only_infer_answer_is_bounded_by_MaxJsonAnswerBytes_too()
    {
        var json = "{\"label_names\": [" + string.Concat(Enumerable.Repeat("1,", 100_000)) + "1]}";
        using var server = RawServer.Once(RawHttp.Json(json));
        using var client = HostileClient.For(server, o => o.MaxJsonAnswerBytes = 64 * 1024);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.InvalidResponse, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Contains("MaxJsonAnswerBytes", error.Message, StringComparison.Ordinal);
        root.AssertClean();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_redirect_to_another_host_does_not_carry_the_Authorization_header(int status)
    {
        using var other = RawServer.Answering(_ => RawHttp.Json("{\"name\": \"other\", \"version\": \"1\"}"));
        using var origin = RawServer.Answering(_ => RawHttp.Response(status, new[] { $"Location: http://localhost:{other.Port}/info/" }, Array.Empty<byte>()));
        using var client = HostileClient.For(origin, o => o.AccessToken = "tok-redirect-secret-123");

        var info = await HostileClient.Within(10, () => client.GetAppInfoAsync());

        Assert.Equal("other", info.Name);
        Assert.Equal("Bearer tok-redirect-secret-123", Assert.Single(origin.Requests).Header("Authorization"));
        var followed = Assert.Single(other.Requests);
        Assert.Null(followed.Header("Authorization"));
        Assert.DoesNotContain("tok-redirect-secret-123", string.Join("\n", followed.Headers.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_port_of_the_same_host_does_not_carry_the_Authorization_header()
    {
        using var other = RawServer.Answering(_ => RawHttp.Json("{\"name\": \"other\"}"));
        using var origin = RawServer.Answering(_ => RawHttp.Response(302, new[] { $"Location: http://127.0.0.1:{other.Port}/info/" }, Array.Empty<byte>()));
        using var client = HostileClient.For(origin, o => o.AccessToken = "tok-port-secret");

        await HostileClient.Within(10, () => client.GetAppInfoAsync());

        Assert.Null(Assert.Single(other.Requests).Header("Authorization"));
    }

    private static async Task<MonaiLabelClientException> DownloadFails(
        RawServer server, MonaiLabelErrorKind kind, Action<MonaiLabelClientOptions>? configure = null)
    {
        using var client = HostileClient.For(server, configure);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(kind, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));

        root.AssertClean();
        return error;
    }
}
