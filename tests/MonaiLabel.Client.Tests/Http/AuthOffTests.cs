using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client.Tests.Hostile;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// Credentials configured once for every environment (issue 11, defect 3): a server with auth off (MONAI Label then
/// mounts no /auth/* route) gets calls without a token and one warning; a wrong password against a server with auth
/// on gets MONAI Label's bare 500, which also means an outage: a ServerError naming both (issue 21, TokenRefusalTests).
/// </summary>
public class AuthOffTests
{
    private const string Password = "pa55-auth-off-secret";

    private static byte[] AppInfo() => RawHttp.Json("{\"name\":\"dev\",\"version\":\"1\"}");

    [Theory]
    [InlineData(false)] // /auth/token not mounted: 404
    [InlineData(true)] // mounted but off: {"access_token": null}
    public async Task Credentials_against_a_server_with_auth_off_send_no_token_and_warn_once(bool mounted)
    {
        using var server = RawServer.Answering(r => r.Target == "/auth/token"
            ? (mounted ? RawHttp.Json("{\"access_token\":null,\"token_type\":null}") : RawHttp.Json("{\"detail\":\"Not Found\"}", 404))
            : AppInfo());
        using var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var logged = MonaiLabelClient.Create(
            new MonaiLabelClientOptions { ServerUrl = server.BaseUrl, Username = "annotator", Password = Password }, factory);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("dev", (await logged.GetAppInfoAsync()).Name);
        }

        var calls = server.Requests.Where(r => r.Target == "/info/").ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, r => Assert.Null(r.Header("Authorization")));
        Assert.Single(server.Requests, r => r.Target == "/auth/token");
        var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal(6, warning.EventId.Id);
        Assert.Contains("auth off", warning.Message, StringComparison.Ordinal);
        logs.AssertNoLineContains(Password);
    }

    [Fact]
    public async Task A_server_that_turns_auth_on_later_gets_a_token_after_its_first_401()
    {
        var authOn = false;
        using var server = RawServer.Answering(r =>
            r.Target == "/auth/token" ? (authOn ? RawHttp.Json("{\"access_token\":\"tok-on\",\"token_type\":\"bearer\"}") : RawHttp.Json("{\"detail\":\"Not Found\"}", 404))
            : authOn && r.Header("Authorization") != "Bearer tok-on" ? RawHttp.Json("{\"detail\":\"Not authenticated\"}", 401)
            : AppInfo());
        using var client = HostileClient.For(server, o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        });

        await client.GetAppInfoAsync();
        authOn = true;
        await client.GetAppInfoAsync();

        Assert.Equal("Bearer tok-on", server.Requests.Last().Header("Authorization"));
    }

    [Fact]
    public async Task A_wrong_password_is_a_server_error_that_names_a_wrong_password_as_one_cause()
    {
        // What MONAI Label answers: its identity provider's 401 re-raised as a bare 500.
        using var server = RawServer.Answering(r => r.Target == "/auth/token"
            ? RawHttp.Response(500, new[] { "Content-Type: text/plain; charset=utf-8" }, Encoding.UTF8.GetBytes("Internal Server Error"))
            : AppInfo());
        using var client = HostileClient.For(server, o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        });

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("POST /auth/token failed with HTTP 500 for user 'annotator'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a wrong user name or password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Target == "/info/");
    }
}
