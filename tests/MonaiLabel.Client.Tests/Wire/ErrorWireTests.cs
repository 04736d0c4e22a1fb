using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>
/// Error answers as the real server sends them (captures 31/32, 40–49, 53–56): each becomes a
/// <see cref="MonaiLabelClientException"/> with the right <see cref="MonaiLabelErrorKind"/>, status and detail.
/// </summary>
public class ErrorWireTests
{
    [Fact]
    [WireTest("downloadImage")]
    public async Task DownloadImage_404_detail_string_is_NotFound_with_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("40_404_datastore_image_missing");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DownloadImageAsync("does_not_exist"));

        wire.SingleRequest().AssertRoute("GET", "/datastore/image", "image=does_not_exist");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("Image NOT Found or is a directory", e.Detail);
        Assert.Equal("{\"detail\":\"Image NOT Found or is a directory\"}", e.Response);
        Assert.Contains("Image NOT Found or is a directory", e.Message);
    }

    [Fact]
    [WireTest("getSession")]
    public async Task GetSession_404_for_a_missing_session_is_NotFound_with_Detail()
    {
        const string missing = "00000000-0000-0000-0000-000000000000";
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("42_404_session_missing");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.GetSessionAsync(missing));

        wire.SingleRequest().AssertRoute("GET", "/session/" + missing);
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal("Session (" + missing + ") Not Found", e.Detail);
    }

    [Fact]
    [WireTest("getAuthSettings")]
    public async Task GetAuthSettings_404_unknown_route_when_auth_is_off_is_NotFound()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("41_404_unknown_route");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.GetAuthSettingsAsync());

        wire.SingleRequest().AssertRoute("GET", "/auth/");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal("Not Found", e.Detail);
    }

    [Fact]
    [WireTest("getBatchInferStatus")]
    public async Task GetBatchInferStatus_404_when_no_task_ever_ran_is_NotFound()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("49_404_train_status_none");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.GetBatchInferStatusAsync());

        wire.SingleRequest().AssertRoute("GET", "/batch/infer");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal("No Batch_infer Tasks Found", e.Detail);
    }

    [Fact]
    [WireTest("getTrainStatus")]
    public async Task GetTrainStatus_404_No_Train_Tasks_Found_is_NotFound()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"detail\":\"No Train Tasks Found\"}", 404);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.GetTrainStatusAsync());

        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal("No Train Tasks Found", e.Detail);
    }

    [Fact]
    [WireTest("checkImage")]
    public async Task CheckImage_HEAD_404_with_no_body_throws_NotFound()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("31_head_datastore_image_missing"); // 404, content-length: 46, no body
        Assert.Empty(capture.Body);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.CheckImageAsync("does_not_exist"));

        wire.SingleRequest().AssertRoute("HEAD", "/datastore/image", "image=does_not_exist");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        Assert.Null(e.Detail);
        Assert.True(string.IsNullOrEmpty(e.Response));
    }

    [Fact]
    [WireTest("checkImage")]
    public async Task CheckImage_HEAD_404_for_a_checksum_mismatch_throws_NotFound()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("32_head_datastore_image_checksum_bad");
        Assert.Equal(404, capture.Status);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.CheckImageAsync("wire_case", "SHA256:00"));

        wire.SingleRequest().AssertRoute("HEAD", "/datastore/image", "image=wire_case&check_sum=SHA256%3A00");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
    }

    [Fact]
    [WireTest("checkLabel")]
    public async Task CheckLabel_HEAD_404_throws_NotFound()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create().WithStatusCode(404).WithHeader("content-type", "application/json"));
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.CheckLabelAsync("wire_case", "original"));

        wire.SingleRequest().AssertRoute("HEAD", "/datastore/label", "image=wire_case&tag=original");
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
    }

    [Fact]
    [WireTest("downloadLabel")]
    public async Task DownloadLabel_422_with_a_list_detail_is_ValidationFailed_with_the_typed_errors()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("43_422_missing_query");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DownloadLabelAsync("wire_case", "final"));

        wire.SingleRequest().AssertRoute("GET", "/datastore/label", "label=wire_case&tag=final");
        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, e.Kind);
        Assert.Equal(422, e.StatusCode);
        var typed = Assert.IsType<MonaiLabelClientException<HttpValidationError>>(e);
        Assert.Equal(2, typed.Result.Detail!.Count);
        Assert.Equal(new object[] { "query", "label" }, typed.Result.Detail[0].Loc!.ToArray());
        Assert.Equal("field required", typed.Result.Detail[0].Msg);
        Assert.Equal(new object[] { "query", "tag" }, typed.Result.Detail[1].Loc!.ToArray());
        Assert.Equal("value_error.missing", typed.Result.Detail[1].Type);
    }

    [Fact]
    [WireTest("downloadLabel")]
    public async Task DownloadLabel_422_with_a_list_detail_has_a_readable_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("43_422_missing_query");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DownloadLabelAsync("wire_case", "final"));

        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, e.Kind);
        Assert.Equal("query.label: field required; query.tag: field required", e.Detail);
        Assert.Contains("query.label: field required", e.Message);
    }

    [Fact]
    [WireTest("getDatastore")]
    public async Task GetDatastore_422_bad_enum_is_ValidationFailed_and_keeps_the_extra_ctx()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("44_422_bad_enum");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.GetDatastoreAsync(DatastoreOutput.All));

        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, e.Kind);
        Assert.StartsWith("query.output: value is not a valid enumeration member; permitted: 'train', 'stats', 'all'", e.Detail);
        var typed = Assert.IsType<MonaiLabelClientException<HttpValidationError>>(e);
        Assert.StartsWith("value is not a valid enumeration member", typed.Result.Detail![0].Msg);
        Assert.Equal("type_error.enum", typed.Result.Detail[0].Type);
        Assert.True(typed.Result.Detail[0].AdditionalProperties.ContainsKey("ctx"));
    }

    [Fact]
    [WireTest("saveLabel")]
    public async Task SaveLabel_422_missing_body_field_is_ValidationFailed()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("45_422_missing_file");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(
            () => client.Rest.SaveLabelAsync("wire_case", (string?)null, (string?)null, WireSamples.File(WireSamples.Label, "label.nii.gz")));

        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, e.Kind);
        Assert.Equal("body.label: field required", e.Detail);
        var typed = Assert.IsType<MonaiLabelClientException<HttpValidationError>>(e);
        Assert.Equal(new object[] { "body", "label" }, typed.Result.Detail![0].Loc!.ToArray());
    }

    [Fact]
    [WireTest("getLabelInfo")]
    public async Task GetLabelInfo_422_pydantic2_shape_is_ValidationFailed_with_the_typed_errors()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(Pydantic2MissingTag, 422);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetLabelInfoAsync("wire_case", "final"));

        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, e.Kind);
        var typed = Assert.IsType<MonaiLabelClientException<HttpValidationError>>(e);
        Assert.Equal("missing", typed.Result.Detail![0].Type);
        Assert.Equal("Field required", typed.Result.Detail[0].Msg);
        Assert.True(typed.Result.Detail[0].AdditionalProperties.ContainsKey("url"));
        Assert.True(typed.Result.Detail[0].AdditionalProperties.ContainsKey("input"));
    }

    [Fact]
    [WireTest("getLabelInfo")]
    public async Task GetLabelInfo_422_pydantic2_shape_has_a_readable_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(Pydantic2MissingTag, 422);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetLabelInfoAsync("wire_case", "final"));

        Assert.Equal("query.tag: Field required", e.Detail);
    }

    private const string Pydantic2MissingTag =
        "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"query\",\"tag\"],\"msg\":\"Field required\",\"input\":null," +
        "\"url\":\"https://errors.pydantic.dev/2.6/v/missing\"}]}";

    [Fact]
    [WireTest("infer")]
    public async Task Infer_500_text_plain_from_an_unknown_model_is_ServerError()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("46_500_unknown_model");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.InferAsync("no_such_model", image: "wire_case"));

        wire.SingleRequest().AssertRoute("POST", "/infer/no_such_model", "image=wire_case");
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Equal(500, e.StatusCode);
        Assert.Null(e.Detail);
        Assert.Equal("Internal Server Error", e.Response);
        Assert.Contains("Internal Server Error", e.Message);
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_500_with_a_detail_when_no_input_is_given_is_ServerError_with_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("47_500_no_input");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.InferAsync("segmentation_spleen"));

        wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen");
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Equal("Neither Image nor File not Session ID input is provided", e.Detail);
    }

    [Fact]
    [WireTest("startTrain")]
    public async Task StartTrain_429_when_a_task_is_already_running_is_Conflict()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"detail\":\"Train Task is Already Running\"}", 429);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.StartTrainAsync("segmentation_spleen", runSync: null));

        Assert.Equal(MonaiLabelErrorKind.Conflict, e.Kind);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal("Train Task is Already Running", e.Detail);
    }

    [Fact]
    [WireTest("getAppInfo")]
    public async Task GetAppInfo_405_is_Unknown_with_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("48_405_method");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unknown, e.Kind);
        Assert.Equal(405, e.StatusCode);
        Assert.Equal("Method Not Allowed", e.Detail);
        Assert.Equal("GET", e.Headers.First(h => h.Key.Equals("Allow", System.StringComparison.OrdinalIgnoreCase)).Value.Single());
    }

    // ---------------------------------------------------------------- auth on

    [Fact]
    [WireTest("getAppInfo")]
    public async Task GetAppInfo_401_without_a_token_is_Unauthorized()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("54_auth_401_no_token");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        var request = wire.SingleRequest().AssertRoute("GET", "/info/");
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, e.Kind);
        Assert.Equal(401, e.StatusCode);
        Assert.Equal("Not authenticated", e.Detail);
    }

    [Fact]
    [WireTest("getAppInfo")]
    public async Task GetAppInfo_401_with_a_bad_token_is_Unauthorized_and_the_token_was_sent_as_Bearer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("55_auth_401_bad_token");
        var client = wire.CreateClientWithHttpClient();
        client.UpdateAuth(new AuthToken { AccessToken = "abc.def.ghi", TokenType = "Bearer" });

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        var request = wire.SingleRequest().AssertRoute("GET", "/info/");
        Assert.Equal("Bearer abc.def.ghi", request.Header("Authorization"));
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, e.Kind);
        Assert.Equal("Could not validate credentials", e.Detail);
        Assert.DoesNotContain("abc.def.ghi", e.Message);
    }

    [Fact]
    [WireTest("validateAuthToken")]
    public async Task ValidateAuthToken_401_is_Unauthorized()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("55_auth_401_bad_token");
        var client = wire.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "abc.def.ghi" });

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.Rest.ValidateAuthTokenAsync());

        var request = wire.SingleRequest().AssertRoute("GET", "/auth/token/valid");
        Assert.Equal("Bearer abc.def.ghi", request.Header("Authorization"));
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, e.Kind);
    }

    [Fact]
    [WireTest("deleteImage")]
    public async Task DeleteImage_403_without_the_admin_role_is_Forbidden_with_Detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("53_auth_403_role");
        var client = wire.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "annotator.token.sig", TokenType = "Bearer" });

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DeleteImageAsync("x"));

        var request = wire.SingleRequest().AssertRoute("DELETE", "/datastore/image", "id=x");
        Assert.Equal("Bearer annotator.token.sig", request.Header("Authorization"));
        Assert.Equal(MonaiLabelErrorKind.Forbidden, e.Kind);
        Assert.Equal(403, e.StatusCode);
        Assert.Equal("Role \"monailabel-admin\" is required to perform this action", e.Detail);
    }

    [Fact]
    [WireTest("createAuthToken")]
    public async Task CreateAuthToken_500_for_a_wrong_password_is_ServerError()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("56_auth_500_bad_password");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(
            () => client.Rest.CreateAuthTokenAsync(new AuthTokenRequest { Username = "admin", Password = "nope", GrantType = "password" }));

        wire.SingleRequest().AssertRoute("POST", "/auth/token");
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Equal("Internal Server Error", e.Response);
        Assert.DoesNotContain("nope", e.Message);
    }
}
