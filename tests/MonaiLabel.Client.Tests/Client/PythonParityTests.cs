using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// One test per method of the Python <c>MONAILabelClient</c> (monailabel/client/client.py): the C# member that
/// replaces it sends the same request and reads the answer with the same meaning.
/// </summary>
public partial class PythonParityTests
{
    [Fact]
    public void Parity_get_server_url()
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:8000/monailabel"));

        Assert.Equal(new Uri("http://127.0.0.1:8000/monailabel/"), client.ServerUrl);
    }

    [Fact]
    public async Task Parity_set_server_url()
    {
        using var first = new WireMockServerFixture();
        using var second = new WireMockServerFixture();
        first.RespondWithCapture("10_get_info");
        second.RespondWithCapture("10_get_info");
        var client = first.CreateClient();

        await client.GetAppInfoAsync();
        client.ServerUrl = new Uri(second.BaseUrl, "monailabel/");
        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(first).AssertRoute("GET", "/info/");
        ClientTest.SingleRequest(second).AssertRoute("GET", "/monailabel/info/");
        Assert.Equal(new Uri(second.BaseUrl, "monailabel/"), client.ServerUrl);
    }

    [Theory]
    [InlineData("monailabel/")]
    [InlineData("monailabel")]
    [InlineData("a/b/monailabel")]
    public async Task Parity_set_server_url_keeps_a_path_prefix_with_or_without_trailing_slash(string prefix)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        using var client = new MonaiLabelClient(new Uri(wire.BaseUrl, prefix));

        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/" + prefix.TrimEnd('/') + "/info/");
    }

    [Fact]
    public async Task Parity_set_server_url_on_an_injected_HttpClient_keeps_its_prefix()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        using var http = new HttpClient { BaseAddress = new Uri(wire.BaseUrl, "monailabel") };
        using var client = new MonaiLabelClient(http);

        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/monailabel/info/");
        Assert.Equal(new Uri(wire.BaseUrl, "monailabel"), http.BaseAddress); // The injected client is not modified.
    }

    [Fact]
    public async Task Parity_update_auth()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        var client = wire.CreateClient();

        await client.GetAppInfoAsync();
        client.UpdateAuth(new AuthToken { AccessToken = "x", TokenType = "Bearer" });
        await client.GetAppInfoAsync();
        await client.GetAppInfoAsync();
        client.UpdateAuth(null);
        await client.GetAppInfoAsync();

        var entries = ClientTest.WaitForRequests(wire, 4);
        Assert.Null(ClientTest.Authorization(entries[0]));
        Assert.Equal("Bearer x", ClientTest.Authorization(entries[1]));
        Assert.Equal("Bearer x", ClientTest.Authorization(entries[2]));
        Assert.Null(ClientTest.Authorization(entries[3]));
    }

    [Fact]
    public async Task Parity_update_auth_applies_to_concurrent_calls_of_one_client()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        var client = wire.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "tok-123", TokenType = "Bearer" });

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAppInfoAsync()));

        var entries = ClientTest.WaitForRequests(wire, 16);
        Assert.All(entries, e => Assert.Equal("Bearer tok-123", ClientTest.Authorization(e)));
    }

    [Fact]
    public async Task Parity_auth_enabled()
    {
        using var enabled = new WireMockServerFixture();
        enabled.RespondWithCapture("50_auth_get_auth");
        Assert.True((await enabled.CreateClient().GetAuthSettingsAsync()).Enabled == true);
        ClientTest.SingleRequest(enabled).AssertRoute("GET", "/auth/");

        using var off = new WireMockServerFixture();
        off.RespondWithCapture("41_404_unknown_route");
        Assert.False((await off.CreateClient().GetAuthSettingsAsync()).Enabled == true);

        using var disabled = new WireMockServerFixture();
        disabled.RespondWithJson("{\"enabled\":false}");
        Assert.False((await disabled.CreateClient().GetAuthSettingsAsync()).Enabled == true);
    }

    [Fact]
    public async Task Parity_auth_token()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("51_auth_post_token");
        var client = wire.CreateClient();

        var token = await client.GetAuthTokenAsync("annotator", "pa ss&=ü");

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/auth/token");
        var fields = request.FormFields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("annotator", fields["username"]);
        Assert.Equal("pa ss&=ü", fields["password"]);
        Assert.Equal("password", fields["grant_type"]);
        Assert.All(fields.Where(f => f.Key is not ("username" or "password" or "grant_type")), f => Assert.Equal("", f.Value)); // e.g. scope=
        var body = JObject.Parse(capture.BodyText);
        Assert.Equal((string?)body["access_token"], token.AccessToken);
        Assert.Equal("Bearer", token.TokenType);

        client.UpdateAuth(token);
        await client.GetAuthTokenAsync("annotator", "annotator");
        var entries = ClientTest.WaitForRequests(wire, 2);
        Assert.Null(ClientTest.Authorization(entries[0]));
        Assert.Equal("Bearer " + token.AccessToken, ClientTest.Authorization(entries[1]));
    }

    [Fact]
    public async Task Parity_auth_valid_token()
    {
        using var valid = new WireMockServerFixture();
        valid.RespondWithCapture("52_auth_token_valid");
        var client = valid.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "abc.def.ghi", TokenType = "Bearer" });
        var user = await client.ValidateAuthTokenAsync();
        Assert.False(string.IsNullOrEmpty(user.Username));
        var request = ClientTest.SingleRequest(valid).AssertRoute("GET", "/auth/token/valid");
        Assert.Equal("Bearer abc.def.ghi", request.Header("Authorization"));

        using var invalid = new WireMockServerFixture();
        invalid.RespondWithCapture("55_auth_401_bad_token");
        var refused = await Assert.ThrowsAsync<MonaiLabelClientException>(() => invalid.CreateClient().ValidateAuthTokenAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, refused.Kind);

        using var missing = new WireMockServerFixture();
        missing.RespondWithCapture("54_auth_401_no_token");
        var none = await Assert.ThrowsAsync<MonaiLabelClientException>(() => missing.CreateClient().ValidateAuthTokenAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, none.Kind);
    }

    [Fact]
    public async Task Parity_info()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");

        var info = await wire.CreateClient().GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/info/");
        Assert.Equal(new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" }, info.Models!.Keys.ToArray());
    }

    [Fact]
    public async Task Parity_info_error_is_a_MonaiLabelClientException_like_SERVER_ERROR()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text("Internal Server Error", "text/plain; charset=utf-8", 500));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => wire.CreateClient().GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task Parity_next_sample()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"id\":\"wire_case\",\"path\":\"/s/wire_case.nii.gz\",\"ts\":1795547549,\"strategy\":{\"random\":{\"ts\":1795547549,\"client_id\":\"viewer-1\"}}}");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");
        var parameters = new Dictionary<string, object?> { ["seed"] = 3 };

        var sample = await client.GetNextSampleAsync("random", parameters);

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/activelearning/random");
        Assert.StartsWith("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"seed\":3,\"client_id\":\"viewer-1\"}", request.BodyText);
        Assert.Equal("wire_case", sample.Id);
        Assert.Equal(1795547549L, sample.Ts);
        Assert.False(parameters.ContainsKey("client_id"));
    }

    [Fact]
    public async Task Parity_next_sample_sends_params_unchanged_apart_from_client_id()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");

        var sample = await client.GetNextSampleAsync("first", new Dictionary<string, object?> { ["since"] = "2026-11-24T19:12:29.5+01:00", ["ratio"] = 0.1 });

        WireAssert.JsonEqual("{\"since\":\"2026-11-24T19:12:29.5+01:00\",\"ratio\":0.1,\"client_id\":\"viewer-1\"}", ClientTest.SingleRequest(wire).BodyText);
        Assert.Contains("\"since\":\"2026-11-24T19:12:29.5+01:00\"", ClientTest.SingleRequest(wire).BodyText);
        Assert.Null(sample.Id); // {} means no image is left.
    }

    [Fact]
    public async Task Parity_create_session()
    {
        using var inputs = new TempResultDir();
        var path = ClientTest.WriteInput(inputs.Root, "case.nii.gz", ClientTest.BinaryBytes(30, 100));
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"s-1\",\"session_info\":{\"name\":\"s-1\",\"expiry\":3600}}");

        var created = await wire.CreateClient().CreateSessionAsync(FileParameter.FromFile(path));

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/session/", "uncompress=false&expiry=0");
        Assert.Equal("case.nii.gz", request.Multipart().Part("files").FileName);
        Assert.Equal("s-1", created.SessionId);
    }
}
