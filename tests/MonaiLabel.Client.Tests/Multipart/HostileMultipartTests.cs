using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// Broken and hostile multipart infer answers over a raw socket: each fails with
/// <see cref="MonaiLabelErrorKind.InvalidResponse"/> and a message naming the problem, leaves the result directory
/// empty (no partial or temporary file, no earlier file of the same answer) and writes nothing outside it.
/// </summary>
[Trait("Category", "Hostile")]
public class HostileMultipartTests
{
    private static readonly byte[] Label = RawHttp.Bytes(20_000, seed: 7);

    [Theory]
    [InlineData("multipart/form-data", "no boundary parameter")]
    [InlineData("multipart/form-data; charset=utf-8", "no boundary parameter")]
    [InlineData("multipart/form-data; boundary=", "the boundary is empty")]
    [InlineData("multipart/form-data; boundary=\"a@b\"", "illegal character '@'")]
    [InlineData("multipart/form-data; boundary=abc\u00e9", "illegal character")]
    [InlineData("multipart/form-data; boundary=\"ends with space \"", "ends with a space")]
    [InlineData("multipart/form-data; boundary=0123456789012345678901234567890123456789012345678901234567890123456789x", "longer than 70")]
    [InlineData("multipart/", "not a multipart content type")]
    public async Task A_bad_multipart_content_type_fails(string contentType, string problem)
    {
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        var error = await InferFails(RawMultipart.Answer(body, contentType));

        Assert.Contains("Content-Type", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boundary_that_never_appears_fails()
    {
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        var error = await InferFails(RawMultipart.Answer(body, RawMultipart.ContentType("another-boundary")));

        Assert.Contains("never appears", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_multipart_body_fails()
    {
        var error = await InferFails(RawMultipart.Answer(Array.Empty<byte>()));

        Assert.Contains("the body is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_final_delimiter_fails_even_though_every_part_is_whole()
    {
        // Both parts complete, the last one's delimiter present but never closed with "--".
        var body = RawHttp.Concat(
            RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label), Encoding.ASCII.GetBytes("--" + RawMultipart.Boundary));
        var error = await InferFails(RawMultipart.Answer(body));

        Assert.Contains("close delimiter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_ends_after_the_last_part_without_any_delimiter_fails()
    {
        var body = RawHttp.Concat(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        var error = await InferFails(RawMultipart.Answer(body));

        Assert.Contains("before its closing boundary", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)] // inside the params part
    [InlineData(400)] // inside the file part's headers
    [InlineData(5_000)] // inside the file's bytes
    public async Task A_body_cut_mid_part_by_the_server_closing_fails(int keep)
    {
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        var error = await InferFails(RawMultipart.AnswerUntilClose(body.AsSpan(0, keep).ToArray()));

        Assert.Contains("truncated after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_with_10000_headers_fails_at_the_header_limit()
    {
        var headers = string.Join("\r\n", Enumerable.Range(0, 10_000).Select(i => $"X-H{i}: v"));
        var part = RawMultipart.Part(RawMultipart.Boundary, "Content-Disposition: form-data; name=\"image\"; filename=\"a.nii.gz\"\r\n" + headers, Label);
        var error = await InferFails(RawMultipart.Answer(RawMultipart.Body(part)));

        Assert.Contains("MaxHeadersPerPart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_1_MB_header_line_fails_at_the_line_limit()
    {
        var part = RawMultipart.Part(
            RawMultipart.Boundary,
            "Content-Disposition: form-data; name=\"image\"; filename=\"" + new string('a', 1024 * 1024) + ".nii.gz\"",
            Label);
        var error = await InferFails(RawMultipart.Answer(RawMultipart.Body(part)));

        Assert.Contains("MaxHeaderLineLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_params_part_that_is_not_JSON_fails_and_removes_the_file_saved_before_it()
    {
        var body = RawMultipart.Body(RawMultipart.File("filename=\"a.nii.gz\"", Label), RawMultipart.Params("<html>not json</html>"));
        var error = await InferFails(RawMultipart.Answer(body));

        Assert.Contains("'params' part", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_parts_together_larger_than_MaxJsonAnswerBytes_fail()
    {
        var field = RawMultipart.Part(RawMultipart.Boundary, "Content-Disposition: form-data; name=\"note\"", new byte[600 * 1024]);
        var body = RawMultipart.Body(RawMultipart.File("filename=\"a.nii.gz\"", Label), field, field);
        var error = await InferFails(RawMultipart.Answer(body), o => o.MaxJsonAnswerBytes = 1024 * 1024);

        Assert.Contains("MaxJsonAnswerBytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")] // shorter than the part: the boundary, not the header, ends the part
    [InlineData("99999999")] // longer than the whole body
    [InlineData("-1")]
    [InlineData("lots")]
    public async Task A_part_with_a_lying_Content_Length_is_read_by_its_boundary(string contentLength)
    {
        var body = RawMultipart.Body(
            RawMultipart.Params(),
            RawMultipart.File("filename=\"a.nii.gz\"", Label, extraHeaders: "\r\nContent-Length: " + contentLength));
        using var server = RawServer.Once(RawMultipart.Answer(body));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(10, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        HostileFileNameTests.AssertSaved(root, Assert.Single(result.Files), "img_m.nii.gz", Label);
    }

    [Fact]
    public async Task File_content_full_of_boundary_like_fragments_round_trips_exactly()
    {
        // Prefixes of the delimiter, a whole "--boundary" that lacks the CRLF in front of it, lone dashes and CRs:
        // all content, none of it a delimiter.
        var b = RawMultipart.Boundary;
        var tricky = RawHttp.Concat(
            Encoding.ASCII.GetBytes($"\r\n--{b.Substring(0, 31)}\r\n--\r\n-\r\r\n-{b}--{b}--\r\n\r\r\n-"),
            Label,
            Encoding.ASCII.GetBytes($"\r\n--{b.Substring(0, 20)}"));
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", tricky));
        using var server = RawServer.Once(RawMultipart.Answer(body));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(10, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        HostileFileNameTests.AssertSaved(root, Assert.Single(result.Files), "img_m.nii.gz", tricky);
    }

    [Fact]
    public async Task A_multipart_answer_that_stops_mid_body_fails_and_the_client_closes_the_connection()
    {
        var body = RawMultipart.Body(RawMultipart.Params(), RawMultipart.File("filename=\"a.nii.gz\"", Label));
        // Content-Length promises the whole body; the server sends half and closes.
        var answer = RawHttp.Concat(
            RawHttp.Head(200, "Content-Type: " + RawMultipart.ContentType(), "Content-Length: " + body.Length),
            body.AsSpan(0, body.Length / 2).ToArray());
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.InvalidResponse,
            () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Contains("broke off", error.Message, StringComparison.Ordinal);
        root.AssertClean();
        await server.AssertClientClosedAsync();
    }

    private static async Task<MonaiLabelClientException> InferFails(byte[] answer, Action<MonaiLabelClientOptions>? configure = null)
    {
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server, configure);
        using var root = new TempResultDir(create: false);

        var error = await HostileClient.Fails(
            MonaiLabelErrorKind.InvalidResponse,
            () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        root.AssertClean();
        Assert.True(error.Message.Length < 400, "message too long: " + error.Message.Length);
        return error;
    }
}
