using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>auth</c>: GET /auth/, POST /auth/token, GET /auth/token/valid (server run with auth on).</summary>
public class AuthWireTests
{
    // The access token the server handed out in capture 51 (and took back in 52).
    private const string CapturedTokenPrefix = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.";

    [Fact]
    [WireTest("getAuthSettings")]
    public async Task GetAuthSettings_sends_GET_auth_and_reads_typed_AuthSettings()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("50_auth_get_auth");
        var client = wire.CreateClient();

        var settings = await client.GetAuthSettingsAsync();

        var request = wire.SingleRequest().AssertRoute("GET", "/auth/");
        Assert.Null(request.Header("Authorization"));
        Assert.True(settings.Enabled);
        Assert.Equal("monailabel-app", settings.ClientId);
        Assert.Equal("http://127.0.0.1:37445/realms/monailabel", settings.Realm);
        Assert.Empty(settings.AdditionalProperties);
    }

    [Fact]
    [WireTest("createAuthToken")]
    public async Task CreateAuthToken_posts_the_password_grant_form_and_reads_typed_AuthToken()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("51_auth_post_token");
        var client = wire.CreateClient();

        var token = await client.Rest.CreateAuthTokenAsync(new AuthTokenRequest
        {
            Username = "annotator",
            Password = "annotator",
            GrantType = "password",
        });

        var request = wire.SingleRequest().AssertRoute("POST", "/auth/token");
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            new[]
            {
                Field("username", "annotator"),
                Field("password", "annotator"),
                Field("grant_type", "password"),
                Field("scope", ""),
            },
            request.FormFields());

        Assert.StartsWith(CapturedTokenPrefix, token.AccessToken);
        Assert.Equal(3, token.AccessToken!.Split('.').Length);
        Assert.Equal("Bearer", token.TokenType);
        Assert.Empty(token.AdditionalProperties);
    }

    [Fact]
    [WireTest("createAuthToken")]
    public async Task CreateAuthToken_form_encodes_special_characters_and_leaves_out_unset_fields()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"access_token\":\"abc.def.ghi\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        var client = wire.CreateClient();

        var token = await client.Rest.CreateAuthTokenAsync(new AuthTokenRequest
        {
            Username = "dr. müller",
            Password = "p&ss=wörd+1 %",
        });

        var request = wire.SingleRequest().AssertRoute("POST", "/auth/token");
        Assert.Equal(
            new[]
            {
                Field("username", "dr. müller"),
                Field("password", "p&ss=wörd+1 %"),
                Field("scope", ""),
            },
            request.FormFields());
        Assert.DoesNotContain("grant_type", request.BodyText);
        Assert.Contains("password=p%26ss%3Dw%C3%B6rd%2B1", request.BodyText);

        Assert.Equal("abc.def.ghi", token.AccessToken);
        Assert.Equal(300L, WireAssert.Token(token.AdditionalProperties["expires_in"]).Value<long>());
    }

    [Fact]
    [WireTest("validateAuthToken")]
    public async Task ValidateAuthToken_sends_GET_auth_token_valid_with_the_bearer_token_and_reads_typed_UserInfo()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("52_auth_token_valid");
        var client = wire.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "abc.def.ghi", TokenType = "Bearer" });

        var user = await client.Rest.ValidateAuthTokenAsync();

        var request = wire.SingleRequest().AssertRoute("GET", "/auth/token/valid");
        Assert.Equal("Bearer abc.def.ghi", request.Header("Authorization"));
        Assert.Equal("annotator", user.Username);
        Assert.Equal("annotator@mlref.local", user.Email);
        Assert.Equal("Annotator", user.Name);
        Assert.Equal(new[] { "monailabel-annotator", "monailabel-user" }, user.Roles!.ToArray());
        Assert.Empty(user.AdditionalProperties);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
