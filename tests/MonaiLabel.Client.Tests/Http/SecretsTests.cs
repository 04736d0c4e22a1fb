using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// Tokens and passwords never appear in exception messages (or their ToString, inner exceptions included), in
/// <see cref="MonaiLabelClientOptions.ToString"/>, or in any log line or log state value the SDK writes.
/// </summary>
[Trait("Category", "Hostile")]
public class SecretsTests
{
    private const string Password = "pw-Zx9!secret-horse";
    private const string Token = "tok-eyJhbGciOi-secret-42";
    private const string UrlPassword = "url-pass-secret-7";

    private static readonly string[] Secrets = { Password, Token, UrlPassword };

    [Fact]
    public void Options_ToString_redacts_the_token_the_password_and_a_password_in_the_URL()
    {
        var withPassword = new MonaiLabelClientOptions
        {
            ServerUrl = new Uri($"https://alice:{UrlPassword}@monai.example:8000/"),
            Username = "alice",
            Password = Password,
        };
        var withToken = new MonaiLabelClientOptions { ServerUrl = new Uri("http://127.0.0.1:8000/"), AccessToken = Token };

        foreach (var text in new[] { withPassword.ToString(), withToken.ToString() })
        {
            AssertNoSecret(text);
        }

        Assert.Contains("Password=***", withPassword.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccessToken=***", withToken.ToString(), StringComparison.Ordinal);
        Assert.Contains("monai.example:8000", withPassword.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "text/plain", "Internal Server Error")]
    [InlineData(401, "application/json", "{\"detail\": \"Invalid credentials\"}")]
    [InlineData(200, "application/json", "{\"token_type\": \"bearer\"}")] // no access_token
    [InlineData(200, "text/html", "<html>login</html>")]
    public async Task A_failed_password_exchange_never_shows_the_password(int status, string type, string body)
    {
        var logs = new CapturingLoggerProvider();
        using var server = RawServer.Answering(_ => RawHttp.Response(status, new[] { "Content-Type: " + type }, System.Text.Encoding.UTF8.GetBytes(body)));
        using var factory = logs.CreateFactory();
        using var client = MonaiLabelClient.Create(Options(server, o =>
        {
            o.Username = "alice";
            o.Password = Password;
        }), factory);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAppInfoAsync());

        AssertNoSecret(error.ToString());
        var typed = Assert.IsAssignableFrom<MonaiLabelClientException>(error);
        Assert.Contains("/auth/token", typed.Message, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Body.Length > 0 && System.Text.Encoding.UTF8.GetString(r.Body).Contains("password=", StringComparison.Ordinal));
        AssertNoSecretLogged(logs);
    }

    [Fact]
    public async Task A_token_rejected_twice_never_shows_the_token()
    {
        var logs = new CapturingLoggerProvider();
        var issued = 0;
        using var server = RawServer.Answering(r => r.Target.StartsWith("/auth/token", StringComparison.Ordinal)
            ? RawHttp.Json($"{{\"access_token\": \"{Token}{++issued}\", \"token_type\": \"bearer\"}}")
            : RawHttp.Response(401, new[] { "Content-Type: application/json", "WWW-Authenticate: Bearer error=\"invalid_token\"" }, "{\"detail\": \"Could not validate credentials\"}"u8.ToArray()));
        using var factory = logs.CreateFactory();
        using var client = MonaiLabelClient.Create(Options(server, o =>
        {
            o.Username = "alice";
            o.Password = Password;
        }), factory);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.Equal("Unauthorized (HTTP 401): Could not validate credentials", error.Message);
        AssertNoSecret(error.ToString());
        Assert.Equal(2, issued); // refreshed once after the 401
        Assert.Contains(server.Requests, r => r.Header("Authorization") == $"Bearer {Token}2");
        AssertNoSecretLogged(logs);
    }

    [Fact]
    public async Task A_fixed_token_and_a_token_provider_never_reach_messages_or_logs()
    {
        var logs = new CapturingLoggerProvider();
        using var server = RawServer.Answering(_ => RawHttp.Response(401, new[] { "Content-Type: application/json" }, "{\"detail\": \"Not authenticated\"}"u8.ToArray()));
        using var factory = logs.CreateFactory();
        using var fixedToken = MonaiLabelClient.Create(Options(server, o => o.AccessToken = Token), factory);
        using var provided = MonaiLabelClient.Create(Options(server, o => o.TokenProvider = (_, _) => Task.FromResult(Token)), factory);
        using var manual = MonaiLabelClient.Create(Options(server), factory);
        manual.UpdateAuth(new AuthToken { AccessToken = Token, TokenType = "bearer" });

        foreach (var client in new[] { fixedToken, provided, manual })
        {
            var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetImageInfoAsync("case-1"));
            Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
            AssertNoSecret(error.ToString());
            AssertNoSecret(string.Join("\n", error.Headers.SelectMany(h => h.Value)));
        }

        Assert.All(server.Requests, r => Assert.Contains(Token, r.Header("Authorization") ?? string.Empty, StringComparison.Ordinal));
        AssertNoSecretLogged(logs);
    }

    [Fact]
    public async Task A_password_in_the_server_URL_is_not_logged_with_the_certificate_warning_nor_in_timeouts()
    {
        var logs = new CapturingLoggerProvider();
        using var server = RawServer.NeverAnswers();
        using var factory = logs.CreateFactory();
        var options = Options(server, o =>
        {
            o.ServerUrl = new Uri($"http://alice:{UrlPassword}@127.0.0.1:{server.Port}/");
            o.DangerousAcceptAnyServerCertificate = true;
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.AccessToken = Token;
        });
        using var client = MonaiLabelClient.Create(options, factory);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Timeout, error.Kind);
        AssertNoSecret(error.ToString());
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("certificate validation is OFF", StringComparison.Ordinal));
        AssertNoSecretLogged(logs);
        AssertNoSecret(options.ToString());
    }

    [Fact]
    public void Invalid_options_name_the_problem_without_the_secrets()
    {
        var options = new MonaiLabelClientOptions
        {
            ServerUrl = new Uri($"ftp://alice:{UrlPassword}@host/"),
            AccessToken = Token,
            Username = "alice",
            Password = Password,
        };

        var error = Assert.Throws<ArgumentException>(() => MonaiLabelClient.Create(options));

        Assert.Contains("http or https", error.Message, StringComparison.Ordinal);
        Assert.Contains("only one of", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString());
    }

    private static MonaiLabelClientOptions Options(RawServer server, Action<MonaiLabelClientOptions>? configure = null)
    {
        var options = new MonaiLabelClientOptions { ServerUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return options;
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static void AssertNoSecretLogged(CapturingLoggerProvider logs)
    {
        Assert.NotEmpty(logs.Lines);
        logs.AssertNoLineContains(Secrets);
    }
}
