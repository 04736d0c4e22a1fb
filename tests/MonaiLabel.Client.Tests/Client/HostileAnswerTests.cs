using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// Answers that look fine but are not (issue 12, items 3, 4, 5 and 7): conflicting Content-Length values, an HTML
/// page in place of a result, a multipart answer cut after its closing delimiter, and errors that wrap the server's
/// answer — each fails with the right kind, saves nothing, and keeps what the server said.
/// </summary>
[Trait("Category", "Hostile")]
public class HostileAnswerTests
{
    private static readonly byte[] Label = RawHttp.Bytes(16, seed: 3);

    public enum Shape
    {
        File,
        Multipart,
        Json,
    }

    /// <summary>Two Content-Length lines (2 and the real length), or one line with both.</summary>
    [Theory]
    [InlineData(Shape.File, false)]
    [InlineData(Shape.File, true)]
    [InlineData(Shape.Multipart, false)]
    [InlineData(Shape.Multipart, true)]
    [InlineData(Shape.Json, false)]
    [InlineData(Shape.Json, true)]
    public async Task An_answer_with_conflicting_Content_Length_values_fails_and_saves_nothing(Shape shape, bool oneLine)
    {
        var (contentType, body) = shape switch
        {
            Shape.File => ("application/octet-stream", Label),
            Shape.Multipart => (RawMultipart.ContentType(), RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label))),
            _ => ("application/json", Encoding.UTF8.GetBytes("{\"name\":\"x\",\"version\":\"1\"}")),
        };
        var lengths = oneLine
            ? new[] { $"Content-Length: 2, {body.Length}" }
            : new[] { "Content-Length: 2", "Content-Length: " + body.Length };
        var headers = new[] { "Content-Type: " + contentType, "Content-Disposition: attachment; filename=\"a.nii.gz\"" }.Concat(lengths);
        using var server = RawServer.Once(RawHttp.Response(200, headers, body, contentLength: false));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, shape switch
        {
            Shape.File => () => client.DownloadLabelToAsync("lbl", "final", root.Dir),
            Shape.Multipart => () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }),
            _ => () => client.GetAppInfoAsync(),
        }, HangBound.TotalSeconds);

        Assert.Contains("conflicting Content-Length values (2 and " + body.Length + ")", error.Message, StringComparison.Ordinal);
        root.AssertClean();
    }

    [Fact]
    public async Task The_same_Content_Length_twice_is_not_a_conflict()
    {
        using var server = RawServer.Once(RawHttp.Response(
            200, new[] { "Content-Type: application/octet-stream", "Content-Length: 16", "Content-Length: 16" }, Label, contentLength: false));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var saved = await HostileClient.Within(HangBound.TotalSeconds, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));

        Assert.Equal(16, saved.Length);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/xhtml+xml")]
    public async Task An_HTML_page_is_not_an_infer_result(string contentType)
    {
        var page = Encoding.UTF8.GetBytes("<html><body><form action=/login>Sign in</form></body></html>");
        using var server = RawServer.Once(RawHttp.Response(200, new[] { "Content-Type: " + contentType }, page));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.InvalidResponse, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Contains("'" + contentType.Split(';')[0] + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTML page", error.Message, StringComparison.Ordinal);
        root.AssertClean();
    }

    [Fact]
    public async Task An_HTML_page_is_not_a_downloaded_label()
    {
        var page = Encoding.UTF8.GetBytes("<!doctype html><title>Proxy login</title>");
        using var server = RawServer.Once(RawHttp.File(page, "attachment; filename=\"label.nii.gz\"", "text/html"));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));

        Assert.Contains("'text/html'", error.Message, StringComparison.Ordinal);
        root.AssertClean();
    }

    [Fact]
    public async Task A_multipart_answer_cut_after_its_closing_delimiter_but_before_its_Content_Length_fails()
    {
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        var answer = RawHttp.Concat(
            RawHttp.Head(200, "Content-Type: " + RawMultipart.ContentType(), "Content-Length: " + (body.Length + 1000)), body);
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.InvalidResponse,
            () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }), HangBound.TotalSeconds);

        Assert.Contains("broke off after", error.Message, StringComparison.Ordinal);
        root.AssertClean();
    }

    [Fact]
    public async Task A_multipart_answer_with_an_epilogue_inside_its_Content_Length_is_read()
    {
        var body = RawHttp.Concat(
            RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label)), Encoding.ASCII.GetBytes("epilogue, ignored\r\n"));
        using var server = RawServer.Once(RawMultipart.Answer(body));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(HangBound.TotalSeconds, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Equal(Label, System.IO.File.ReadAllBytes(Assert.Single(result.Files).Path));
    }

    [Fact]
    public async Task SessionExpired_carries_the_status_body_detail_and_headers_the_server_answered()
    {
        using var server = RawServer.Answering(_ => RawHttp.Response(
            404, new[] { "Content-Type: application/json", "X-Trace: req-7" }, Encoding.UTF8.GetBytes("{\"detail\":\"Session not found\"}")));
        using var client = HostileClient.For(server);

        var error = await HostileClient.Fails(MonaiLabelErrorKind.SessionExpired, () => client.GetSessionAsync("s1"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Session not found", error.Detail);
        Assert.Contains("Session not found", error.Response, StringComparison.Ordinal);
        Assert.Equal("req-7", Assert.Single(error.Headers["X-Trace"]));
        Assert.Equal("req-7", Assert.Single(error.Headers["x-trace"])); // header names are case-insensitive
        Assert.Equal("application/json", Assert.Single(error.Headers["CONTENT-TYPE"]));
    }

    [Fact]
    public async Task A_refused_token_request_carries_the_status_body_detail_and_headers_the_server_answered()
    {
        const string password = "pa55-refused-secret";
        using var server = RawServer.Answering(_ => RawHttp.Response(
            500, new[] { "Content-Type: application/json", "X-Trace: req-8" }, Encoding.UTF8.GetBytes("{\"detail\":\"Invalid user credentials\"}")));
        using var client = HostileClient.For(server, o =>
        {
            o.Username = "annotator";
            o.Password = password;
        });

        var error = await HostileClient.Fails(MonaiLabelErrorKind.Unauthorized, () => client.GetAppInfoAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("Invalid user credentials", error.Detail);
        Assert.Contains("Invalid user credentials", error.Response, StringComparison.Ordinal);
        Assert.Equal("req-8", Assert.Single(error.Headers["X-Trace"]));
        Assert.Contains("refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.ToString(), StringComparison.Ordinal);
    }
}
