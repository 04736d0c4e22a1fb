using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests;

// Lives beside the multipart tests only because that folder is where this work was allowed to add tests.
public class MonaiLabelClientExceptionTests
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders =
        new Dictionary<string, IEnumerable<string>>();

    [Theory]
    [InlineData("43_422_missing_query", MonaiLabelErrorKind.ValidationFailed, "query.label: field required; query.tag: field required")]
    [InlineData("44_422_bad_enum", MonaiLabelErrorKind.ValidationFailed, "query.output: value is not a valid enumeration member; permitted: 'train', 'stats', 'all'")]
    [InlineData("40_404_datastore_image_missing", MonaiLabelErrorKind.NotFound, "Image NOT Found or is a directory")]
    [InlineData("49_404_train_status_none", MonaiLabelErrorKind.NotFound, "No Batch_infer Tasks Found")]
    [InlineData("54_auth_401_no_token", MonaiLabelErrorKind.Unauthorized, "Not authenticated")]
    [InlineData("53_auth_403_role", MonaiLabelErrorKind.Forbidden, "Role \"monailabel-admin\" is required to perform this action")]
    public void Reads_kind_and_detail_from_real_error_answers(string fixture, MonaiLabelErrorKind kind, string detail)
    {
        var capture = WireCapture.Load(fixture);

        var error = new MonaiLabelClientException("The HTTP status code of the response was not expected.", capture.Status, capture.BodyText, NoHeaders, null);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(capture.Status, error.StatusCode);
        Assert.Equal(detail, error.Detail);
        Assert.Equal(capture.BodyText, error.Response);
        Assert.EndsWith($"(HTTP {capture.Status}): {detail}", error.Message);
    }

    [Fact]
    public void Validation_message_reads_naturally()
    {
        var error = new MonaiLabelClientException(
            "Validation Error", 422, "{\"detail\":[{\"loc\":[\"query\",\"label\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}", NoHeaders, null);

        Assert.Equal("Validation failed (HTTP 422): query.label: field required", error.Message);
    }

    [Fact]
    public void Reads_the_pydantic_2_validation_shape()
    {
        const string body = "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"label\",0],\"msg\":\"Field required\",\"input\":null,\"url\":\"https://errors.pydantic.dev/2.5/v/missing\"}]}";

        var error = new MonaiLabelClientException("Validation Error", 422, body, NoHeaders, null);

        Assert.Equal("body.label.0: Field required", error.Detail);
    }

    [Fact]
    public void Plain_text_500_has_no_detail_but_a_useful_message()
    {
        var capture = WireCapture.Load("46_500_unknown_model");

        var error = new MonaiLabelClientException("The HTTP status code of the response was not expected (500).", 500, capture.BodyText, NoHeaders, null);

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Null(error.Detail);
        Assert.Equal("Server error (HTTP 500): Internal Server Error", error.Message);
    }

    [Theory]
    [InlineData(409, MonaiLabelErrorKind.Conflict)]
    [InlineData(429, MonaiLabelErrorKind.Conflict)]
    [InlineData(408, MonaiLabelErrorKind.Timeout)]
    [InlineData(400, MonaiLabelErrorKind.Unknown)]
    [InlineData(405, MonaiLabelErrorKind.Unknown)]
    [InlineData(302, MonaiLabelErrorKind.Unknown)]
    [InlineData(500, MonaiLabelErrorKind.ServerError)]
    [InlineData(503, MonaiLabelErrorKind.ServerError)]
    [InlineData(200, MonaiLabelErrorKind.InvalidResponse)] // A success the generated client could not read.
    public void Kind_follows_the_status(int status, MonaiLabelErrorKind kind)
    {
        Assert.Equal(kind, new MonaiLabelClientException("m", status, null, NoHeaders, null).Kind);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("null", null)]
    [InlineData("[1,2]", null)]
    [InlineData("{not json", null)]
    [InlineData("{\"detail\":null}", null)]
    [InlineData("{\"other\":\"x\"}", null)]
    [InlineData("{\"detail\":42}", "42")]
    [InlineData("{\"detail\":{\"reason\":\"busy\"}}", "{\"reason\":\"busy\"}")]
    [InlineData("  {\"detail\":\"Train Task is Already Running\"}", "Train Task is Already Running")]
    [InlineData("{\"detail\":[\"plain entry\",{\"msg\":\"no loc\"}]}", "plain entry; no loc")]
    public void Detail_tolerates_any_body(string? body, string? detail)
    {
        Assert.Equal(detail, new MonaiLabelClientException("m", 429, body, NoHeaders, null).Detail);
    }

    [Fact]
    public void Without_a_detail_the_callers_message_is_used()
    {
        var error = new MonaiLabelClientException("The HTTP status code of the response was not expected (404).", 404, "", NoHeaders, null);

        Assert.Equal("Not found (HTTP 404): The HTTP status code of the response was not expected (404).", error.Message);
    }

    [Fact]
    public void Headers_are_kept_but_never_printed()
    {
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["Authorization"] = new[] { "Bearer s3cr3t-token" },
            ["www-authenticate"] = new[] { "Bearer" },
        };
        var inner = new InvalidOperationException("inner");

        var error = new MonaiLabelClientException("m", 401, "{\"detail\":\"Not authenticated\"}", headers, inner);

        // Kept as answered, and looked up as HTTP names are: case-insensitively.
        Assert.Equal(headers.OrderBy(h => h.Key), error.Headers.OrderBy(h => h.Key));
        Assert.Equal("Bearer", Assert.Single(error.Headers["WWW-Authenticate"]));
        Assert.Same(inner, error.InnerException);
        Assert.DoesNotContain("s3cr3t", error.Message);
        Assert.DoesNotContain("s3cr3t", error.ToString());
    }

    [Fact]
    public void Null_headers_become_empty()
    {
        var error = new MonaiLabelClientException("m", 500, null, null!, null);

        Assert.NotNull(error.Headers);
        Assert.Empty(error.Headers);
    }

    [Fact]
    public void Client_side_errors_have_no_status()
    {
        var error = new MonaiLabelClientException(MonaiLabelErrorKind.UnsafeFileName, "bad name");

        Assert.Equal(MonaiLabelErrorKind.UnsafeFileName, error.Kind);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal("bad name", error.Message);
        Assert.Null(error.Response);
        Assert.Null(error.Detail);
        Assert.Empty(error.Headers);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Generic_variant_carries_the_typed_result()
    {
        var error = new MonaiLabelClientException<string>("m", 422, "{\"detail\":\"x\"}", NoHeaders, "typed", null);

        Assert.Equal("typed", error.Result);
        Assert.Equal("x", error.Detail);
        Assert.IsAssignableFrom<MonaiLabelClientException>(error);
    }
}
