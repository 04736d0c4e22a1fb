using System;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Hostile;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// Issue 21: one rule for a failed POST /auth/token, whether the caller asked for the token
/// (GetAuthTokenAsync) or the client fetched it for configured credentials: the kind follows from what the answer
/// says. MONAI Label's own answer to a wrong password, a bare 500, is also its answer to an outage, so it is a
/// ServerError whose message names both causes, never "refused".
/// </summary>
public class TokenRefusalTests
{
    private const string Password = "pa55-token-refusal-secret";

    public static TheoryData<int, string, string, MonaiLabelErrorKind> Answers => new()
    {
        // MONAI Label's answer to a wrong password (and to a failure of its own or of its identity provider).
        { 500, "text/plain; charset=utf-8", "Internal Server Error", MonaiLabelErrorKind.ServerError },
        { 503, "application/json", "{\"detail\":\"identity provider unreachable\"}", MonaiLabelErrorKind.ServerError },
        // Answers that say the credentials were refused.
        { 401, "application/json", "{\"detail\":\"Not authenticated\"}", MonaiLabelErrorKind.Unauthorized },
        { 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}", MonaiLabelErrorKind.Unauthorized },
        { 403, "application/json", "{\"detail\":\"Forbidden\"}", MonaiLabelErrorKind.Unauthorized },
        { 500, "application/json", "{\"detail\":\"401 Client Error: Unauthorized for url: http://127.0.0.1:1/realms/x/token\"}", MonaiLabelErrorKind.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task GetAuthTokenAsync_and_configured_credentials_fail_with_the_same_kind_and_message(
        int status, string contentType, string body, MonaiLabelErrorKind kind)
    {
        using var server = RawServer.Answering(r => r.Target == "/auth/token"
            ? RawHttp.Response(status, new[] { "Content-Type: " + contentType }, Encoding.UTF8.GetBytes(body))
            : RawHttp.Json("{\"name\":\"dev\",\"version\":\"1\"}"));
        using var plain = HostileClient.For(server);
        using var configured = HostileClient.For(server, o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        });

        var asked = await Assert.ThrowsAsync<MonaiLabelClientException>(() => plain.GetAuthTokenAsync("annotator", Password));
        var fetched = await Assert.ThrowsAsync<MonaiLabelClientException>(() => configured.GetAppInfoAsync());

        Assert.Equal(kind, asked.Kind);
        Assert.Equal(kind, fetched.Kind);
        Assert.Equal(status, asked.StatusCode);
        Assert.Equal(status, fetched.StatusCode);
        Assert.Equal(asked.Message, fetched.Message);
        Assert.Equal(asked.Response, fetched.Response);
        Assert.DoesNotContain(Password, asked.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, fetched.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Target == "/info/");
        if (kind == MonaiLabelErrorKind.Unauthorized)
        {
            Assert.Equal($"The server refused the credentials of user 'annotator': POST /auth/token answered HTTP {status}.", asked.Message);
        }
        else
        {
            Assert.DoesNotContain("refused", asked.Message, StringComparison.Ordinal);
            Assert.Contains($"POST /auth/token failed with HTTP {status} for user 'annotator'", asked.Message, StringComparison.Ordinal);
            Assert.Contains("a wrong user name or password", asked.Message, StringComparison.Ordinal);
            Assert.Contains("identity provider", asked.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_password_the_answer_echoes_is_kept_out_of_the_error_on_both_paths()
    {
        using var server = RawServer.Answering(_ => RawHttp.Response(
            500, new[] { "Content-Type: text/plain" }, Encoding.UTF8.GetBytes("failed for password=" + Uri.EscapeDataString(Password))));
        using var plain = HostileClient.For(server);

        var asked = await Assert.ThrowsAsync<MonaiLabelClientException>(() => plain.GetAuthTokenAsync("annotator", Password));

        Assert.Equal("failed for password=***", asked.Response);
        Assert.DoesNotContain(Password, asked.ToString(), StringComparison.Ordinal);
    }
}
