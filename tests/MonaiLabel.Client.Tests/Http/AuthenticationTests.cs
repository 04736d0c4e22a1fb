using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>Access tokens: a fixed token, user name + password at POST /auth/token, a caller's provider, 401 refresh.</summary>
public class AuthenticationTests
{
    private const string Password = "pa55-w0rd-never-shown";

    [Fact]
    public async Task A_static_access_token_is_sent_as_bearer()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o => o.AccessToken = "x"));

        await client.GetAppInfoAsync();

        Assert.Equal("Bearer x", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Without_a_token_source_no_authorization_is_sent()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());

        await client.GetAppInfoAsync();

        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Username_and_password_fetch_one_token_then_send_it()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("tok-1") : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        await client.GetAppInfoAsync();

        Assert.Equal(2, server.Requests.Count);
        var token = server.Requests[0].AssertRoute("POST", "/auth/token");
        Assert.Null(token.Header("Authorization"));
        var fields = token.FormFields();
        Assert.Equal(new[] { "username", "password", "grant_type" }, fields.Select(f => f.Key).ToArray());
        Assert.Equal(new[] { "annotator", Password, "password" }, fields.Select(f => f.Value).ToArray());
        Assert.Equal("Bearer tok-1", server.Requests[1].AssertRoute("GET", "/info/").Header("Authorization"));
    }

    [Fact]
    public async Task The_token_is_cached_across_calls()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("tok-1") : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        await client.GetAppInfoAsync();
        await client.GetAppInfoAsync();
        await client.GetAppInfoAsync();

        Assert.Single(server.RequestsTo("/auth/token"));
        Assert.Equal(3, server.RequestsTo("/info/").Count);
        Assert.All(server.RequestsTo("/info/"), r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task A_jwt_about_to_expire_is_fetched_again_and_a_fresh_one_is_kept()
    {
        var tokens = 0;
        var nearExpiry = DateTimeOffset.UtcNow.AddSeconds(10);
        var farExpiry = DateTimeOffset.UtcNow.AddHours(1);
        using var server = new ScriptedServer(r => r.Path == "/auth/token"
            ? Reply.Token(Interlocked.Increment(ref tokens) <= 2 ? Jwt(nearExpiry, issued: nearExpiry.AddHours(-1)) : Jwt(farExpiry))
            : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        for (var i = 0; i < 4; i++)
        {
            await client.GetAppInfoAsync();
        }

        // Tokens 1 and 2 (hour-long tokens near their end) expire within the 30 s margin, so each is used once;
        // token 3 lasts an hour.
        Assert.Equal(3, server.RequestsTo("/auth/token").Count);
        Assert.Equal("Bearer " + Jwt(farExpiry), server.RequestsTo("/info/").Last().Header("Authorization"));
    }

    [Fact]
    public async Task A_401_on_a_GET_refreshes_once_and_retries_once()
    {
        var tokens = 0;
        using var server = new ScriptedServer(r =>
            r.Path == "/auth/token" ? Reply.Token("tok-" + Interlocked.Increment(ref tokens))
            : r.Header("Authorization") == "Bearer tok-2" ? Reply.AppInfo("after-refresh")
            : Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        var info = await client.GetAppInfoAsync();

        Assert.Equal("after-refresh", info.Name);
        Assert.Equal(new[] { "/auth/token", "/info/", "/auth/token", "/info/" }, server.Requests.Select(r => r.Path).ToArray());

        // The refreshed token is kept for later calls.
        await client.GetAppInfoAsync();
        Assert.Equal(2, server.RequestsTo("/auth/token").Count);
    }

    [Fact]
    public async Task A_second_401_is_returned_as_Unauthorized_without_looping()
    {
        var tokens = 0;
        using var server = new ScriptedServer(r =>
            r.Path == "/auth/token" ? Reply.Token("tok-" + Interlocked.Increment(ref tokens)) : Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, server.RequestsTo("/info/").Count);
        Assert.Equal(2, server.RequestsTo("/auth/token").Count);
    }

    [Fact]
    public async Task A_401_with_a_static_token_is_not_retried()
    {
        using var server = new ScriptedServer(_ => Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o => o.AccessToken = "fixed"));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Concurrent_401s_cause_one_refresh()
    {
        const int Calls = 8;
        var tokens = 0;
        var firstAttempts = 0;
        var allArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new ScriptedServer(async r =>
        {
            if (r.Path == "/auth/token")
            {
                return Reply.Token("tok-" + Interlocked.Increment(ref tokens));
            }

            if (r.Header("Authorization") == "Bearer tok-1")
            {
                // Hold every first attempt until all have arrived, so the 401s come back together.
                if (Interlocked.Increment(ref firstAttempts) == Calls)
                {
                    allArrived.TrySetResult(true);
                }

                await Task.WhenAny(allArrived.Task, Task.Delay(3000));
                return Reply.Unauthorized;
            }

            return Reply.AppInfo();
        });
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => client.GetAppInfoAsync())));

        Assert.Equal(2, server.RequestsTo("/auth/token").Count);
        Assert.Equal(Calls, server.RequestsTo("/info/").Count(r => r.Header("Authorization") == "Bearer tok-1"));
        Assert.Equal(Calls, server.RequestsTo("/info/").Count(r => r.Header("Authorization") == "Bearer tok-2"));
    }

    [Fact]
    public async Task A_token_provider_is_asked_again_with_forceRefresh_after_a_401()
    {
        var calls = new ConcurrentQueue<bool>();
        using var server = new ScriptedServer(r => r.Header("Authorization") == "Bearer provided-2" ? Reply.AppInfo() : Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o => o.TokenProvider = (forceRefresh, _) =>
        {
            calls.Enqueue(forceRefresh);
            return Task.FromResult("provided-" + calls.Count);
        }));

        await client.GetAppInfoAsync();
        await client.GetAppInfoAsync();

        Assert.Equal(new[] { false, true }, calls.ToArray());
        Assert.Equal(new[] { "Bearer provided-1", "Bearer provided-2", "Bearer provided-2" }, server.Requests.Select(r => r.Header("Authorization")).ToArray());
    }

    [Fact]
    public async Task A_token_provider_answering_nothing_fails_as_Unauthorized()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o => o.TokenProvider = (_, _) => Task.FromResult(string.Empty)));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task UpdateAuth_overrides_the_configured_token_and_null_restores_it()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o => o.AccessToken = "configured"));

        client.UpdateAuth(new AuthToken { AccessToken = "override", TokenType = "Bearer" });
        await client.GetAppInfoAsync();
        client.UpdateAuth(null);
        await client.GetAppInfoAsync();

        Assert.Equal(new[] { "Bearer override", "Bearer configured" }, server.Requests.Select(r => r.Header("Authorization")).ToArray());
    }

    [Fact]
    public async Task UpdateAuth_on_a_client_over_an_injected_HttpClient_is_sent()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };
        using var client = new MonaiLabelClient(http);

        client.UpdateAuth(new AuthToken { AccessToken = "injected" });
        await client.GetAppInfoAsync();

        Assert.Equal("Bearer injected", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_caller_set_token_rejected_with_401_is_not_replaced()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("fetched") : Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        client.UpdateAuth(new AuthToken { AccessToken = "callers-own" });
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Empty(server.RequestsTo("/auth/token"));
        Assert.Equal("Bearer callers-own", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_failing_token_request_is_Unauthorized_and_never_shows_the_password()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token"
            ? Reply.Json("{\"detail\":\"Invalid user credentials for password " + Password + "\"}", 500)
            : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Contains("/auth/token", error.Message, StringComparison.Ordinal);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Response ?? string.Empty, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("/info/"));
    }

    [Fact]
    public async Task A_retry_after_503_checks_the_token_again_and_refreshes_on_401()
    {
        var tokens = 0;
        var infos = 0;
        using var server = new ScriptedServer(r =>
        {
            if (r.Path == "/auth/token")
            {
                return Reply.Token("tok-" + Interlocked.Increment(ref tokens));
            }

            // First attempt: 503 (retried); second: the token has been revoked meanwhile.
            return Interlocked.Increment(ref infos) == 1 ? Reply.Status503
                : r.Header("Authorization") == "Bearer tok-2" ? Reply.AppInfo("ok") : Reply.Unauthorized;
        });
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        var info = await client.GetAppInfoAsync();

        Assert.Equal("ok", info.Name);
        Assert.Equal(
            new[] { "/auth/token", "/info/", "/info/", "/auth/token", "/info/" },
            server.Requests.Select(r => r.Path).ToArray());
    }

    /// <summary>An unsigned JWT with the given <c>exp</c> claim.</summary>
    private static string Jwt(DateTimeOffset expires, DateTimeOffset? issued = null)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var iat = issued is { } at ? ",\"iat\":" + at.ToUnixTimeSeconds() : string.Empty;
        return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Part("{\"sub\":\"annotator\"" + iat + ",\"exp\":" + expires.ToUnixTimeSeconds() + "}") + ".sig";
    }

    [Fact]
    public async Task GetAuthTokenAsync_and_the_handlers_own_fetch_send_one_and_the_same_form()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("tok-1") : Reply.AppInfo());
        using var withCredentials = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));
        using var plain = MonaiLabelClient.Create(server.Options());

        await withCredentials.GetAppInfoAsync();
        var token = await plain.GetAuthTokenAsync("annotator", Password);

        Assert.Equal("tok-1", token.AccessToken);
        var fetches = server.Requests.Where(r => r.Path == "/auth/token").ToList();
        Assert.Equal(2, fetches.Count);
        Assert.Equal(fetches[0].FormFields(), fetches[1].FormFields());
        Assert.Equal(fetches[0].Header("Content-Type"), fetches[1].Header("Content-Type"));
    }
}
