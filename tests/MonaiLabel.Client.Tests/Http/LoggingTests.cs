using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>What the client logs: method, path, status, duration; never tokens, passwords or query strings.</summary>
public class LoggingTests
{
    private const string Password = "log-pa55word-xyzzy";
    private const string ImageId = "secret-case-id-4711";

    [Fact]
    public async Task A_call_logs_method_path_status_and_duration()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = MonaiLabelClient.Create(server.Options(), factory);

        await client.GetAppInfoAsync();

        var answered = Assert.Single(logs.Lines, l => l.EventId.Id == 2 && l.Category == typeof(MonaiLabelClient).FullName);
        Assert.Equal(LogLevel.Information, answered.Level);
        Assert.Equal("GET", answered.Value("Method"));
        Assert.Equal("/info/", answered.Value("Path"));
        Assert.Equal(200, answered.Value("StatusCode"));
        Assert.IsType<long>(answered.Value("ElapsedMilliseconds"));
        Assert.StartsWith("GET /info/ answered 200 in ", answered.Message, StringComparison.Ordinal);
        Assert.Contains(" ms", answered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_logged_by_Create_contains_the_password_the_token_or_the_query()
    {
        using var server = SecretServer(out _);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }), factory);

        await client.GetImageInfoAsync(ImageId);
        await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetImageInfoAsync(ImageId + "-missing"));

        AssertSecretsAbsent(logs);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 5 && l.Level == LogLevel.Information); // the token refresh
        Assert.Contains(logs.Lines, l => l.EventId.Id == 2 && (string?)l.Value("Path") == "/datastore/image/info" && (int?)l.Value("StatusCode") == 503);
        Assert.Contains(logs.Lines, l => l.EventId.Id == 2 && (string?)l.Value("Path") == "/auth/token");
    }

    [Fact]
    public async Task Nothing_logged_through_dependency_injection_contains_the_password_the_token_or_the_query()
    {
        using var server = SecretServer(out _);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = server.BaseUrl;
            o.Username = "annotator";
            o.Password = Password;
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<MonaiLabelClient>();

        await client.GetImageInfoAsync(ImageId);
        await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetImageInfoAsync(ImageId + "-missing"));

        // Polly's own loggers are captured too. IHttpClientFactory's are removed: on Microsoft.Extensions.Http 8.0 (the
        // SDK's floor, what .NET Framework, Mono and pinned .NET 8 apps run) they log the query with the image id.
        Assert.Contains(logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.EventId.Id == 2 && l.Category == typeof(MonaiLabelClient).FullName);
        AssertSecretsAbsent(logs);
    }

    [Fact]
    public async Task A_static_token_is_not_logged()
    {
        using var server = new ScriptedServer(_ => Reply.Unauthorized);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = server.BaseUrl;
            o.AccessToken = "static-token-abcdef";
        });
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<MonaiLabelClientException>(() => provider.GetRequiredService<MonaiLabelClient>().GetImageInfoAsync(ImageId));

        Assert.NotEmpty(logs.Lines);
        logs.AssertNoLineContains("static-token-abcdef", ImageId, "image=");
    }

    [Fact]
    public void Turning_off_TLS_validation_logs_a_warning_when_the_client_is_created()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();

        using var client = MonaiLabelClient.Create(
            new MonaiLabelClientOptions { ServerUrl = new Uri("https://127.0.0.1:1/"), DangerousAcceptAnyServerCertificate = true }, factory);

        var warning = Assert.Single(logs.Lines, l => l.EventId.Id == 4);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("TLS certificate validation is OFF", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Turning_off_TLS_validation_logs_a_warning_when_the_DI_client_is_first_resolved()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs));
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = new Uri("https://127.0.0.1:1/");
            o.DangerousAcceptAnyServerCertificate = true;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<MonaiLabelClient>();

        var warning = Assert.Single(logs.Lines, l => l.EventId.Id == 4);
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public void With_TLS_validation_on_nothing_is_warned()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();

        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = new Uri("https://127.0.0.1:1/") }, factory);

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Options_ToString_shows_neither_the_password_nor_the_token()
    {
        var withPassword = new MonaiLabelClientOptions { ServerUrl = new Uri("http://127.0.0.1:8000/"), Username = "annotator", Password = Password };
        var withToken = new MonaiLabelClientOptions { ServerUrl = new Uri("http://127.0.0.1:8000/"), AccessToken = "tok-in-options" };

        Assert.DoesNotContain(Password, withPassword.ToString(), StringComparison.Ordinal);
        Assert.Contains("Username=annotator", withPassword.ToString(), StringComparison.Ordinal);
        Assert.Contains("Password=***", withPassword.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-in-options", withToken.ToString(), StringComparison.Ordinal);
        Assert.Contains("AccessToken=***", withToken.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// /auth/token hands out tok-1, tok-2…; image info answers 503 first (a retry), then 401 to tok-1 (a refresh),
    /// then 200; an id ending in "-missing" gets a 404 whose body repeats the query.
    /// </summary>
    private static ScriptedServer SecretServer(out Func<int> tokensIssued)
    {
        var tokens = 0;
        var infos = 0;
        tokensIssued = () => Volatile.Read(ref tokens);
        return new ScriptedServer(r =>
        {
            if (r.Path == "/auth/token")
            {
                return Reply.Token("tok-" + Interlocked.Increment(ref tokens) + "-secret");
            }

            if (r.Query.Contains("-missing"))
            {
                return Reply.Json("{\"detail\":\"Image '" + r.Query + "' not found\"}", 404);
            }

            return Interlocked.Increment(ref infos) == 1 ? Reply.Status503
                : r.Header("Authorization") == "Bearer tok-1-secret" ? Reply.Unauthorized
                : Reply.Json("{\"name\":\"x\"}");
        });
    }

    private static void AssertSecretsAbsent(CapturingLoggerProvider logs)
    {
        Assert.NotEmpty(logs.Lines);
        logs.AssertNoLineContains(Password, "tok-1-secret", "tok-2-secret", ImageId, "image=");
    }
}
