using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// A token endpoint that trickles, stalls or answers too much, a client whose server changes, and short-lived
/// tokens (issue 12, items 1, 2 and 8): the token answer is read under the limits of any answer, a slow fetch never
/// holds another call past its own limits, a token goes only to the server it came from, and it is reused for most
/// of its life.
/// </summary>
[Trait("Category", "Hostile")]
public class HostileTokenTests
{
    private const string Password = "pa55-w0rd-hostile-token";

    internal static string Jwt(DateTimeOffset issued, DateTimeOffset expires, string subject = "annotator")
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               Part("{\"sub\":\"" + subject + "\",\"iat\":" + issued.ToUnixTimeSeconds() + ",\"exp\":" + expires.ToUnixTimeSeconds() + "}") + ".sig";
    }

    internal static byte[] TokenAnswer(string token) =>
        RawHttp.Json("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}");

    internal static byte[] AppInfo(string name = "hostile") => RawHttp.Json("{\"name\":\"" + name + "\",\"version\":\"1\"}");

    private static bool IsToken(RawRequest r) => r.Method == "POST" && r.Target == "/auth/token";

    private static Action<MonaiLabelClientOptions> WithCredentials(Action<MonaiLabelClientOptions>? more = null) => o =>
    {
        o.Username = "annotator";
        o.Password = Password;
        more?.Invoke(o);
    };

    /// <summary>The first token request gets <paramref name="firstToken"/>'s script; every other request a proper answer.</summary>
    private static RawServer TokenServer(Func<RawConnection, Task> firstToken, string token = "tok-good")
    {
        var tokenRequests = 0;
        return new RawServer(async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                if (IsToken(request) && Interlocked.Increment(ref tokenRequests) == 1)
                {
                    await firstToken(c);
                    return;
                }

                await c.WriteAsync(IsToken(request) ? TokenAnswer(token) : AppInfo());
            }
        });
    }

    private static Func<RawConnection, Task> Trickle => c => TrickleTokenAsync(c);

    private static async Task TrickleTokenAsync(RawConnection c)
    {
        var body = Encoding.UTF8.GetBytes("{\"access_token\":\"" + new string('t', 200) + "\",\"token_type\":\"bearer\"}");
        await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: " + body.Length));
        await c.TrickleAsync(body, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_trickling_token_answer_ends_when_the_caller_cancels_and_does_not_wedge_the_client()
    {
        using var server = TokenServer(Trickle);
        using var client = HostileClient.For(server, WithCredentials(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(20);
            o.ReadTimeout = TimeSpan.FromSeconds(5);
        }));

        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            var error = await Record.ExceptionAsync(() => HostileClient.Within(HangBound.TotalSeconds, () => client.GetAppInfoAsync(cancel.Token)));
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        // The abandoned fetch holds nothing: the next call fetches its own token and succeeds.
        var info = await HostileClient.Within(HangBound.TotalSeconds, () => client.GetAppInfoAsync());
        Assert.Equal("hostile", info.Name);
        Assert.Equal("Bearer tok-good", server.Requests.Last().Header("Authorization"));
    }

    [Fact]
    public async Task A_trickling_token_answer_is_bounded_by_the_calls_Timeout()
    {
        using var server = TokenServer(Trickle);
        using var client = HostileClient.For(server, WithCredentials(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.ReadTimeout = TimeSpan.FromSeconds(5);
        }));

        var error = await HostileClient.Fails(MonaiLabelErrorKind.Timeout, () => client.GetAppInfoAsync(), HangBound.TotalSeconds);

        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_token_answer_ends_at_ReadTimeout()
    {
        using var server = TokenServer(async c =>
        {
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: 100"));
            await c.WriteAsync("{\"access");
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, WithCredentials(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(60);
            o.ReadTimeout = TimeSpan.FromSeconds(1);
        }));

        var error = await HostileClient.Fails(MonaiLabelErrorKind.Timeout, () => client.GetAppInfoAsync(), HangBound.TotalSeconds);

        Assert.Contains("POST /auth/token", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_answer_that_declares_more_than_MaxJsonAnswerBytes_is_not_read()
    {
        using var server = TokenServer(async c =>
        {
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: " + (50 << 20)));
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, WithCredentials(o => o.MaxJsonAnswerBytes = 1 << 20));

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetAppInfoAsync(), HangBound.TotalSeconds);

        Assert.Contains("MaxJsonAnswerBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("was not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_token_answer_larger_than_MaxJsonAnswerBytes_stops_at_the_limit()
    {
        using var server = TokenServer(async c =>
        {
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Transfer-Encoding: chunked"));
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 256 * 1024));
            for (var i = 0; i < 200; i++)
            {
                // 50 MiB in all, if the client read it all.
                await c.WriteAsync(RawHttp.Concat(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), chunk, "\r\n"u8.ToArray()));
            }
        });
        using var client = HostileClient.For(server, WithCredentials(o => o.MaxJsonAnswerBytes = 1 << 20));

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetAppInfoAsync(), HangBound.TotalSeconds);

        Assert.Contains("larger than 1048576 bytes (MaxJsonAnswerBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_token_fetch_never_holds_another_call_past_its_own_limit()
    {
        using var server = TokenServer(async c =>
        {
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: 100"));
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, WithCredentials(o =>
        {
            o.Timeout = TimeSpan.FromMinutes(2);
            o.ReadTimeout = TimeSpan.FromMinutes(2);
        }));
        using var first = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stuck = client.GetAppInfoAsync(first.Token);
        await TokenWait.UntilTokenRequestedAsync(server);

        using (var second = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            var error = await Record.ExceptionAsync(() => HostileClient.Within(HangBound.TotalSeconds, () => client.GetAppInfoAsync(second.Token)));
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        first.Cancel();
        Assert.IsAssignableFrom<OperationCanceledException>(
            await Record.ExceptionAsync(() => HostileClient.Within(HangBound.TotalSeconds, () => stuck)));
    }

    [Fact]
    public async Task After_ServerUrl_changes_the_token_is_fetched_from_and_sent_to_the_new_server_only()
    {
        using var a = RawServer.Answering(r => IsToken(r) ? TokenAnswer("tok-a") : AppInfo("a"));
        using var b = RawServer.Answering(r => IsToken(r) ? TokenAnswer("tok-b") : AppInfo("b"));
        using var client = HostileClient.For(a, WithCredentials());

        Assert.Equal("a", (await client.GetAppInfoAsync()).Name);
        client.ServerUrl = b.BaseUrl;
        Assert.Equal("b", (await client.GetAppInfoAsync()).Name);
        client.ServerUrl = a.BaseUrl;
        Assert.Equal("a", (await client.GetAppInfoAsync()).Name);

        // Each server got the password once, and only its own token.
        Assert.Single(a.Requests, IsToken);
        Assert.Single(b.Requests, IsToken);
        Assert.All(a.Requests.Where(r => !IsToken(r)), r => Assert.Equal("Bearer tok-a", r.Header("Authorization")));
        Assert.All(b.Requests.Where(r => !IsToken(r)), r => Assert.Equal("Bearer tok-b", r.Header("Authorization")));
        Assert.Equal(2, a.Requests.Count(r => !IsToken(r)));
    }

    [Fact]
    public async Task A_short_lived_token_is_reused_for_most_of_its_life()
    {
        var now = DateTimeOffset.UtcNow;
        var token = Jwt(now, now.AddSeconds(20)); // 20 s: renewed after 16 s, not before every call.
        using var server = RawServer.Answering(r => IsToken(r) ? TokenAnswer(token) : AppInfo());
        using var client = HostileClient.For(server, WithCredentials());

        for (var i = 0; i < 16; i++)
        {
            await client.GetAppInfoAsync();
        }

        Assert.Single(server.Requests, IsToken);
        Assert.Equal(16, server.Requests.Count(r => !IsToken(r)));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_token_fetch()
    {
        var now = DateTimeOffset.UtcNow;
        var token = Jwt(now, now.AddSeconds(6));
        using var server = new RawServer(async c =>
        {
            while (await c.ReadRequestAsync() is { } request)
            {
                if (IsToken(request))
                {
                    await Task.Delay(200); // Long enough for the other calls to find the fetch running.
                }

                await c.WriteAsync(IsToken(request) ? TokenAnswer(token) : AppInfo());
            }
        });
        using var client = HostileClient.For(server, WithCredentials());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAppInfoAsync()));

        Assert.Single(server.Requests, IsToken);
        Assert.All(server.Requests.Where(r => !IsToken(r)), r => Assert.Equal("Bearer " + token, r.Header("Authorization")));
    }
}

internal static class TokenWait
{
    public static async Task UntilTokenRequestedAsync(RawServer server)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!server.Requests.Any(r => r.Target == "/auth/token"))
        {
            Assert.True(watch.Elapsed < HangBound, "the token was never requested");
            await Task.Delay(10);
        }
    }
}
