using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>Every way a body can be broken ends in InvalidResponse with a message that names the problem.</summary>
public class MultipartMalformedBodyTests
{
    private const string Boundary = "91828f88feea46c7b1d2f1d9b2105293";

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("no boundary anywhere in here, just text\r\n", "never appears in the body")]
    [InlineData("--b", "never appears in the body")] // A different, shorter boundary.
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293", "close delimiter '--91828f88feea46c7b1d2f1d9b2105293--' is missing")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\n\r\nhello", "ended inside part 1 before its closing boundary")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\n\r\nhello\r\n--91828f88feea46c7b1d2f1d9b2105293", "close delimiter")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\n\r\nhello\r\n--91828f88feea46c7b1d2f1d9b2105293-", "the body ends inside the boundary line")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\nContent-Disposition: form-data; na", "ends inside the headers of part 1")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\nContent-Type: a/b\r\n", "ends inside the headers of part 1")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293   ", "ends inside the boundary line")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293X\r\n\r\nx\r\n--91828f88feea46c7b1d2f1d9b2105293--", "unexpected characters after the boundary delimiter: 'X'")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\nno colon here\r\n\r\nx", "not 'Name: value': 'no colon here'")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\n: no name\r\n\r\nx", "not 'Name: value'")]
    [InlineData("--91828f88feea46c7b1d2f1d9b2105293\r\nContent-Type: a\r\n  folded\r\n\r\nx", "folded (continued) header line")]
    public async Task Broken_bodies_say_what_is_wrong(string body, string reason)
    {
        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii(body));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Truncated_real_answer_names_the_part_it_ended_in()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        var cut = capture.Body.AsSpan().IndexOf(Encoding.ASCII.GetBytes("MLREF-WIRE-SAMPLE-IMAGE")) + 10;

        var error = await ReadAllExpectingErrorAsync(capture.Body.Take(cut).ToArray());

        Assert.Contains("ended inside part 2 ('image') before its closing boundary", error.Message);
    }

    [Fact]
    public async Task Real_answer_without_its_final_delimiter_is_rejected()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");
        var closing = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");

        var error = await ReadAllExpectingErrorAsync(capture.Body.Take(capture.Body.Length - closing.Length).ToArray());

        Assert.Contains("ended inside part 2 ('image')", error.Message);
    }

    [Fact]
    public async Task Ten_thousand_headers_exceed_MaxHeadersPerPart()
    {
        var headers = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"X-H{i}: v\r\n"));

        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii($"--{Boundary}\r\n{headers}\r\nbody\r\n--{Boundary}--"));

        Assert.Contains("part 1 has more than 64 headers (MaxHeadersPerPart)", error.Message);
    }

    [Fact]
    public async Task A_one_megabyte_header_line_exceeds_MaxHeaderLineLength()
    {
        var line = "X-Big: " + new string('a', 1024 * 1024);

        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii($"--{Boundary}\r\n{line}\r\n\r\nbody\r\n--{Boundary}--"));

        Assert.Contains("a header line of part 1 is longer than 16384 bytes (MaxHeaderLineLength)", error.Message);
    }

    [Fact]
    public async Task Long_transport_padding_exceeds_MaxHeaderLineLength()
    {
        var options = new MultipartReaderOptions { MaxHeaderLineLength = 100 };

        var error = await ReadAllExpectingErrorAsync(
            TestBodies.Ascii($"--{Boundary}{new string(' ', 200)}\r\n\r\nx\r\n--{Boundary}--"), options);

        Assert.Contains("the boundary line before part 1 is longer than 100 bytes", error.Message);
    }

    [Fact]
    public async Task Header_lines_at_the_limit_are_accepted()
    {
        var options = new MultipartReaderOptions { MaxHeaderLineLength = 100, BufferSize = 1 };
        var line = "X-Max: " + new string('a', 93);

        var sections = await TestBodies.ReadAllAsync(
            new TrickleStream(TestBodies.Ascii($"--{Boundary}\r\n{line}\r\n\r\nx\r\n--{Boundary}--")), Boundary, options);

        Assert.Equal(new string('a', 93), sections[0].Section.Headers["x-max"]);
    }

    [Fact]
    public async Task Large_header_blocks_exceed_MaxTotalHeaderBytes()
    {
        var options = new MultipartReaderOptions { MaxTotalHeaderBytes = 1000 };
        var headers = string.Concat(Enumerable.Range(0, 20).Select(i => $"X-H{i}: {new string('v', 60)}\r\n"));

        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii($"--{Boundary}\r\n{headers}\r\nx\r\n--{Boundary}--"), options);

        Assert.Contains("the headers of part 1 exceed 1000 bytes (MaxTotalHeaderBytes)", error.Message);
    }

    [Fact]
    public async Task Too_many_parts_exceed_MaxParts()
    {
        var options = new MultipartReaderOptions { MaxParts = 10 };
        var parts = string.Concat(Enumerable.Range(0, 11).Select(i => $"--{Boundary}\r\n\r\n{i}\r\n"));

        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii(parts + $"--{Boundary}--"), options);

        Assert.Contains("the body has more than 10 parts (MaxParts)", error.Message);
    }

    [Fact]
    public async Task Default_MaxParts_is_1000()
    {
        var parts = string.Concat(Enumerable.Range(0, 1001).Select(i => $"--{Boundary}\r\n\r\n{i}\r\n"));

        var error = await ReadAllExpectingErrorAsync(TestBodies.Ascii(parts + $"--{Boundary}--"));

        Assert.Contains("more than 1000 parts", error.Message);
    }

    [Fact]
    public async Task A_text_part_longer_than_MaxTextPartLength_is_refused()
    {
        var options = new MultipartReaderOptions { MaxTextPartLength = 100 };
        using var reader = new MultipartStreamReader(
            new MemoryStream(TestBodies.Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"params\"\r\n\r\n" +
                                               $"{new string('x', 101)}\r\n--{Boundary}--")),
            Boundary,
            options);
        var section = await reader.ReadNextSectionAsync();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => section!.ReadAsStringAsync());

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("text part 'params' is longer than 100 bytes (MaxTextPartLength)", error.Message);
    }

    [Fact]
    public async Task A_text_part_of_exactly_MaxTextPartLength_is_read()
    {
        var options = new MultipartReaderOptions { MaxTextPartLength = 5000 };
        var text = new string('\u00e9', 2500); // 5000 UTF-8 bytes: grows the text buffer past its first 4 KiB.
        using var reader = new MultipartStreamReader(
            new TrickleStream(TestBodies.Ascii($"--{Boundary}\r\n\r\n{text}\r\n--{Boundary}--")), Boundary, options);
        options.MaxTextPartLength = 1; // The reader took its own copy.

        var section = await reader.ReadNextSectionAsync();

        Assert.Equal(text, await section!.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadAsStringAsync_drops_a_byte_order_mark()
    {
        using var reader = new MultipartStreamReader(
            new MemoryStream(TestBodies.Ascii($"--{Boundary}\r\n\r\n\ufeff{{}}\r\n--{Boundary}--")), Boundary);

        var section = await reader.ReadNextSectionAsync();

        Assert.Equal("{}", await section!.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failed_reader_cannot_be_used_again()
    {
        using var reader = new MultipartStreamReader(new MemoryStream(TestBodies.Ascii("junk")), Boundary);

        await Assert.ThrowsAsync<MonaiLabelClientException>(() => reader.ReadNextSectionAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadNextSectionAsync());
    }

    [Fact]
    public void Options_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new MultipartStreamReader(new MemoryStream(), Boundary, new MultipartReaderOptions { MaxParts = 0 }));
    }

    private static async Task<MonaiLabelClientException> ReadAllExpectingErrorAsync(
        byte[] body, MultipartReaderOptions? options = null)
    {
        // Both a fast stream and a trickling one must fail the same way.
        var viaMemory = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => TestBodies.ReadAllAsync(new MemoryStream(body), Boundary, options));
        var viaTrickle = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => TestBodies.ReadAllAsync(new TrickleStream(body), Boundary, options));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, viaMemory.Kind);
        Assert.Equal(0, viaMemory.StatusCode);
        Assert.StartsWith("Malformed multipart body: ", viaMemory.Message);
        Assert.Equal(viaMemory.Message, viaTrickle.Message);
        return viaMemory;
    }
}
