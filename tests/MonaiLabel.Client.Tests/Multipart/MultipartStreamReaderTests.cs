using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests;

public class MultipartStreamReaderTests
{
    private const string ExpectedParams =
        "{\"label_names\": {\"spleen\": 1}, \"latencies\": {\"pre\": 0.0, \"infer\": 0.0, \"invert\": 0.0, \"post\": 0.0, " +
        "\"write\": 0.0, \"total\": 0.0, \"transform\": null}, \"centroids\": {}, \"model\": \"segmentation_spleen\", " +
        "\"mlref\": {\"transform\": \"copy\", \"label_size\": 29, " +
        "\"label_sha256\": \"eae7ebc2470d7316225628e2e8044cd22ff2624dbafdb170e3a9a99f9687686b\", " +
        "\"label_name\": \"tmp5ur3p6jf.nii.gz\", \"image\": \"/tmp/mlref/work/studies/wire_case.nii.gz\", \"client_id\": null}}";

    private static readonly byte[] ExpectedImage =
        RawHttp.Concat(Encoding.ASCII.GetBytes("MLREF-WIRE-SAMPLE-IMAGE"), new byte[] { 0x00, 0x01, 0x02, 0xFE, 0xFF, 0x0A });

    [Theory]
    [InlineData(false, 65536)]
    [InlineData(true, 65536)]
    [InlineData(true, 1)] // The reader raises the buffer to its minimum.
    public async Task Reads_the_real_infer_answer_byte_exact(bool trickle, int bufferSize)
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        Stream body = trickle ? new TrickleStream(capture.Body) : new MemoryStream(capture.Body);
        var options = new MultipartReaderOptions { BufferSize = bufferSize, MaxHeaderLineLength = 100 };
        using var reader = new MultipartStreamReader(body, MultipartBoundary.Parse(capture.Headers["content-type"]), options);

        var parameters = await reader.ReadNextSectionAsync();
        Assert.NotNull(parameters);
        Assert.Equal("params", parameters!.Name);
        Assert.Equal("application/json", parameters.ContentType);
        Assert.Equal("form-data; name=\"params\"", parameters.Headers["content-disposition"]);
        Assert.Null(parameters.FileName);
        Assert.Equal(ExpectedParams, await parameters.ReadAsStringAsync());

        var image = await reader.ReadNextSectionAsync();
        Assert.NotNull(image);
        Assert.Equal("image", image!.Name);
        Assert.Equal("tmp5ur3p6jf.nii.gz", image.FileName);
        Assert.Equal("tmp5ur3p6jf.nii.gz", image.RawFileName);
        Assert.Equal("application/octet-stream", image.ContentType);
        Assert.Equal(ExpectedImage, await TestBodies.ReadBodyAsync(image.Body, 17));

        Assert.Null(await reader.ReadNextSectionAsync());
        Assert.Null(await reader.ReadNextSectionAsync());
    }

    [Theory]
    [InlineData("11_post_infer_multipart")]
    [InlineData("12_post_infer_multipart_nobody")]
    public async Task Image_part_matches_the_checksum_the_server_reports(string fixture)
    {
        var capture = WireCapture.Load(fixture);

        var sections = await TestBodies.ReadAllAsync(new TrickleStream(capture.Body), MultipartBoundary.Parse(capture.Headers["content-type"]));

        Assert.Equal(new[] { "params", "image" }, sections.Select(s => s.Section.Name));
        var mlref = JObject.Parse(Encoding.UTF8.GetString(sections[0].Body))["mlref"]!;
        var image = sections[1].Body;
        Assert.Equal((int)mlref["label_size"]!, image.Length);
        Assert.Equal((string)mlref["label_sha256"]!, Hex(SHA256.HashData(image)));
        Assert.Equal((string)mlref["label_name"]!, sections[1].Section.FileName);
    }

    [Fact]
    public async Task Quoted_boundary_with_bchars_that_need_quoting()
    {
        const string contentType = "multipart/form-data; boundary=\"a b(c)+_,-./:=?\"";
        var body = TestBodies.Ascii(
            "--a b(c)+_,-./:=?\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\none\r\n--a b(c)+_,-./:=?--\r\n");

        var sections = await TestBodies.ReadAllAsync(new MemoryStream(body), MultipartBoundary.Parse(contentType));

        Assert.Equal("x", Assert.Single(sections).Section.Name);
        Assert.Equal("one", Encoding.ASCII.GetString(sections[0].Body));
    }

    [Fact]
    public async Task Ignores_preamble_and_epilogue()
    {
        var body = TestBodies.Ascii(
            "This is the preamble.  It is to be ignored, --b is not a delimiter mid-line.\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nfirst\r\n" +
            "--b\r\n\r\nsecond\r\n" +
            "--b--\r\nThis is the epilogue. --b\r\n--b\r\nIt is also to be ignored.");

        var sections = await TestBodies.ReadAllAsync(new TrickleStream(body), "b");

        Assert.Equal(new[] { "first", "second" }, sections.Select(s => Encoding.ASCII.GetString(s.Body)));
    }

    [Fact]
    public async Task Reads_multipart_mixed_parts_without_disposition()
    {
        const string contentType = "multipart/mixed; boundary=\"simple boundary\"";
        var body = TestBodies.Ascii(
            "--simple boundary\r\n\r\nimplicitly typed plain US-ASCII text.\r\n" +
            "--simple boundary\r\nContent-type: text/plain; charset=us-ascii\r\n\r\n" +
            "explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n\r\n" +
            "--simple boundary--\r\n");

        var sections = await TestBodies.ReadAllAsync(new MemoryStream(body), MultipartBoundary.Parse(contentType));

        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.Null(s.Section.Name));
        Assert.All(sections, s => Assert.Null(s.Section.FileName));
        Assert.Null(sections[0].Section.ContentType);
        Assert.Equal("text/plain; charset=us-ascii", sections[1].Section.ContentType);
        Assert.Equal("text/plain; charset=us-ascii", sections[1].Section.Headers["CONTENT-TYPE"]);
        Assert.Equal(
            "explicitly typed plain US-ASCII text.\r\nIt DOES end with a linebreak.\r\n",
            Encoding.ASCII.GetString(sections[1].Body));
    }

    [Fact]
    public async Task Accepts_transport_padding_bare_line_feeds_and_empty_parts()
    {
        var body = TestBodies.Ascii("--b \t \r\nContent-Type: a/b\n\n\r\n--b\t\r\n\r\nx\r\n--b--");

        var sections = await TestBodies.ReadAllAsync(new MemoryStream(body), "b");

        Assert.Equal("a/b", sections[0].Section.ContentType);
        Assert.Empty(sections[0].Body);
        Assert.Equal("x", Encoding.ASCII.GetString(sections[1].Body));
    }

    [Fact]
    public async Task An_empty_part_may_share_its_line_end_with_the_next_delimiter()
    {
        // RFC 2046: body-part := headers [CRLF *OCTET], so no headers and no body leave a single CRLF.
        var body = TestBodies.Ascii("--b\r\n\r\n--b\r\nContent-Type: a/b\r\n\r\n--b\r\n\r\nlast\r\n--b--");

        var sections = await TestBodies.ReadAllAsync(new TrickleStream(body), "b");

        Assert.Equal(3, sections.Count);
        Assert.Empty(sections[0].Body);
        Assert.Equal("a/b", sections[1].Section.ContentType);
        Assert.Empty(sections[1].Body);
        Assert.Equal("last", Encoding.ASCII.GetString(sections[2].Body));
    }

    [Fact]
    public async Task A_body_with_only_the_close_delimiter_has_no_sections()
    {
        var sections = await TestBodies.ReadAllAsync(new MemoryStream(TestBodies.Ascii("--b--\r\n")), "b");

        Assert.Empty(sections);
    }

    [Fact]
    public async Task Reads_many_small_parts_in_order()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            builder.Append("--x\r\nContent-Disposition: form-data; name=\"p").Append(i).Append("\"\r\n\r\nvalue ").Append(i).Append("\r\n");
        }

        builder.Append("--x--\r\n");

        var sections = await TestBodies.ReadAllAsync(new MemoryStream(TestBodies.Ascii(builder.ToString())), "x");

        Assert.Equal(1000, sections.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => "p" + i), sections.Select(s => s.Section.Name));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => "value " + i), sections.Select(s => Encoding.ASCII.GetString(s.Body)));
    }

    [Theory]
    [InlineData(true, 17)] // Trickling network, tiny reads: delimiters straddle every kind of boundary.
    [InlineData(false, 17)] // Full buffer, tiny reads: each buffered byte must be scanned once, not once per read.
    [InlineData(false, 81920)]
    public async Task Streams_a_5_MiB_part_exactly(bool trickle, int readSize)
    {
        const string boundary = "91828f88feea46c7b1d2f1d9b2105293";
        var payload = RawHttp.Bytes(5 * 1024 * 1024, seed: 7);
        var body = RawHttp.Concat(
            TestBodies.Ascii($"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.nii.gz\"\r\n\r\n"),
            payload,
            TestBodies.Ascii($"\r\n--{boundary}--\r\n"));
        Stream stream = trickle ? new TrickleStream(body) : new MemoryStream(body);

        using var reader = new MultipartStreamReader(stream, boundary);
        var section = await reader.ReadNextSectionAsync();
        var read = await TestBodies.ReadBodyAsync(section!.Body, readSize);

        Assert.True(payload.AsSpan().SequenceEqual(read), "the payload came back altered");
        Assert.Null(await reader.ReadNextSectionAsync());
    }

    [Theory]
    [InlineData("before\r\n--boundar\r\n--boundarX\r\n-\r\n--\r\n\r\r\n--boundarafter")]
    [InlineData("ends with a near miss\r\n--boundar")]
    [InlineData("ends with a carriage return\r")]
    [InlineData("ends with CRLF\r\n")]
    [InlineData("\r\n--boundar starts with one")]
    public async Task Data_that_looks_like_a_boundary_is_not_split(string content)
    {
        var body = TestBodies.Ascii($"--boundary\r\n\r\n{content}\r\n--boundary\r\n\r\nnext\r\n--boundary--");

        foreach (var maxChunk in new[] { 1, 3, 7, 64 })
        {
            var sections = await TestBodies.ReadAllAsync(new TrickleStream(body, maxChunk), "boundary", readSize: 5);

            Assert.Equal(content, Encoding.ASCII.GetString(sections[0].Body));
            Assert.Equal("next", Encoding.ASCII.GetString(sections[1].Body));
        }
    }

    [Fact]
    public async Task Near_miss_content_round_trips_for_many_seeds_and_chunk_sizes()
    {
        // Content drawn from the delimiter's own bytes, so partial matches appear everywhere.
        var alphabet = Encoding.ASCII.GetBytes("\r\n-box");
        var delimiter = Encoding.ASCII.GetBytes("\r\n--box");
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var parts = Enumerable.Range(0, 1 + random.Next(4)).Select(_ =>
            {
                byte[] content;
                do
                {
                    content = Enumerable.Range(0, random.Next(200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
                }
                while (content.AsSpan().IndexOf(delimiter) >= 0 || content.AsSpan().StartsWith(delimiter.AsSpan(2))); // RFC 2046 forbids both.
                return content;
            }).ToList();
            var body = RawHttp.Concat(parts
                .Select(p => RawHttp.Concat(TestBodies.Ascii("--box\r\nX: y\r\n\r\n"), p, TestBodies.Ascii("\r\n")))
                .Append(TestBodies.Ascii("--box--"))
                .ToArray());

            var sections = await TestBodies.ReadAllAsync(new TrickleStream(body, 1 + (seed % 9)), "box", readSize: 1 + (seed % 13));

            Assert.Equal(parts.Count, sections.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.Equal(parts[i], sections[i].Body);
            }
        }
    }

    [Fact]
    public async Task Skips_what_the_caller_leaves_unread()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        using var reader = new MultipartStreamReader(new TrickleStream(capture.Body), "91828f88feea46c7b1d2f1d9b2105293");

        var first = await reader.ReadNextSectionAsync();
        Assert.Equal(5, await first!.Body.ReadAsync(new byte[5], 0, 5));
        var second = await reader.ReadNextSectionAsync();

        Assert.Equal("image", second!.Name);
        Assert.Equal(ExpectedImage, await TestBodies.ReadBodyAsync(second.Body, 4096));
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Body.ReadAsync(new byte[5], 0, 5));
        Assert.Equal(0, await second.Body.ReadAsync(new byte[5], 0, 5)); // Read to its end: stays at its end.
    }

    [Fact]
    public async Task Body_can_be_read_synchronously()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        using var reader = new MultipartStreamReader(new TrickleStream(capture.Body), "91828f88feea46c7b1d2f1d9b2105293");

        var parameters = await reader.ReadNextSectionAsync();
        using (var text = new StreamReader(parameters!.Body, Encoding.UTF8))
        {
            Assert.Equal(ExpectedParams, text.ReadToEnd());
        }

        var image = await reader.ReadNextSectionAsync();
        var copy = new MemoryStream();
        image!.Body.CopyTo(copy);
        Assert.Equal(ExpectedImage, copy.ToArray());
        Assert.False(image.Body.CanSeek);
        Assert.Throws<NotSupportedException>(() => image.Body.Length);
    }

    [Fact]
    public async Task Cancellation_throws_OperationCanceledException()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        using var cancel = new CancellationTokenSource();
        using var reader = new MultipartStreamReader(
            new TrickleStream(capture.Body, cancelAfter: 300, cancelSource: cancel), "91828f88feea46c7b1d2f1d9b2105293");

        var first = await reader.ReadNextSectionAsync(cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var buffer = new byte[16];
            while (await first!.Body.ReadAsync(buffer, 0, buffer.Length, cancel.Token) > 0)
            {
            }
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadNextSectionAsync());
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_before_reading()
    {
        using var reader = new MultipartStreamReader(new MemoryStream(TestBodies.Ascii("--b--")), "b");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadNextSectionAsync(new CancellationToken(true)));
    }

    [Fact]
    public async Task Disposed_reader_refuses_work()
    {
        var reader = new MultipartStreamReader(new MemoryStream(TestBodies.Ascii("--b--")), "b");
        reader.Dispose();
        reader.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.ReadNextSectionAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\"quote")]
    public void Constructor_rejects_an_invalid_boundary(string boundary)
    {
        Assert.Throws<ArgumentException>(() => new MultipartStreamReader(new MemoryStream(), boundary));
    }

    [Fact]
    public async Task Reads_a_utf8_file_name_sent_raw_and_sanitizes_hostile_ones()
    {
        var body = TestBodies.Ascii(
            "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"Fall \u00dc.nii.gz\"\r\n\r\n1\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"b\"; filename=\"..\\\\..\\\\evil.nii.gz\"\r\n\r\n2\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"c\"; filename*=utf-8''%2E%2E%2Fx.seg.nrrd\r\n\r\n3\r\n--b--");

        var sections = await TestBodies.ReadAllAsync(new MemoryStream(body), "b");

        Assert.Equal("Fall \u00dc.nii.gz", sections[0].Section.FileName);
        Assert.Equal("..\\..\\evil.nii.gz", sections[1].Section.RawFileName);
        Assert.Equal("evil.nii.gz", sections[1].Section.FileName);
        Assert.Equal("../x.seg.nrrd", sections[2].Section.RawFileName);
        Assert.Equal("x.seg.nrrd", sections[2].Section.FileName);
        Assert.All(sections, s => Assert.True(s.Section.IsFile));
    }

    [Theory]
    [InlineData("form-data; name=\"image\"; filename=\"\"", true)]
    [InlineData("form-data; name=\"image\"; filename*=koi8-r''%C1", true)]
    [InlineData("form-data; name=\"params\"", false)]
    [InlineData(null, false)]
    public async Task IsFile_tells_file_parts_from_fields_even_without_a_usable_name(string? disposition, bool isFile)
    {
        var header = disposition is null ? "" : $"Content-Disposition: {disposition}\r\n";
        var body = TestBodies.Ascii($"--b\r\n{header}\r\nx\r\n--b--");

        var section = Assert.Single(await TestBodies.ReadAllAsync(new MemoryStream(body), "b")).Section;

        Assert.Equal(isFile, section.IsFile);
        Assert.Null(section.FileName);
        Assert.Null(section.RawFileName);
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2")));
}
