using Xunit;

namespace MonaiLabel.Client.Tests;

public class MultipartBoundaryTests
{
    [Fact]
    public void Parses_the_unquoted_boundary_of_a_real_infer_answer()
    {
        var capture = WireCapture.Load("11_post_infer_multipart");

        Assert.Equal("91828f88feea46c7b1d2f1d9b2105293", MultipartBoundary.Parse(capture.Headers["content-type"]));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=\"simple\"", "simple")]
    [InlineData("multipart/form-data; boundary=\"gc0p4Jq0M:2Yt08jU534c0p\"", "gc0p4Jq0M:2Yt08jU534c0p")]
    [InlineData("multipart/form-data; boundary=\"with space (and parens)\"", "with space (and parens)")]
    [InlineData("multipart/mixed; charset=utf-8; BOUNDARY=abc", "abc")]
    [InlineData("MULTIPART/MIXED;boundary=abc;charset=utf-8", "abc")]
    [InlineData("multipart/form-data; boundary=abc ", "abc")]
    public void Parses_quoted_and_unquoted_boundaries(string contentType, string expected)
    {
        Assert.Equal(expected, MultipartBoundary.Parse(contentType));
    }

    [Fact]
    public void Accepts_a_boundary_of_exactly_70_characters()
    {
        var boundary = new string('b', 70);

        Assert.Equal(boundary, MultipartBoundary.Parse("multipart/form-data; boundary=" + boundary));
    }

    [Theory]
    [InlineData(null, "not a multipart content type")]
    [InlineData("", "not a multipart content type")]
    [InlineData("application/json", "not a multipart content type")]
    [InlineData("multipart/", "not a multipart content type")]
    [InlineData("multipart/form-data", "no boundary parameter")]
    [InlineData("multipart/form-data; charset=utf-8", "no boundary parameter")]
    [InlineData("multipart/form-data; boundary=", "the boundary is empty")]
    [InlineData("multipart/form-data; boundary=\"\"", "the boundary is empty")]
    [InlineData("multipart/form-data; boundary=abc@def", "illegal character '@'")]
    [InlineData("multipart/form-data; boundary=\"abc\\\"def\"", "illegal character '\"'")]
    [InlineData("multipart/form-data; boundary=\"ab\u00e9\"", "illegal character '\u00e9' (U+00E9)")]
    [InlineData("multipart/form-data; boundary=\"trailing \"", "ends with a space")]
    public void Rejects_bad_content_types_saying_why(string? contentType, string reason)
    {
        var error = Assert.Throws<MonaiLabelClientException>(() => MultipartBoundary.Parse(contentType));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Rejects_a_boundary_longer_than_70_characters()
    {
        var error = Assert.Throws<MonaiLabelClientException>(
            () => MultipartBoundary.Parse("multipart/form-data; boundary=" + new string('b', 71)));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("boundary longer than 70", error.Message);
    }
}
