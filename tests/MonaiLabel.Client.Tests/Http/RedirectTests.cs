using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// Redirects: credentials never follow a redirect to another origin (here: the same host on another port), on the
/// first hop or on any retry after it; within the server's own origin they are kept.
/// </summary>
public class RedirectTests
{
    private const string Password = "redirect-pa55word";

    [Fact]
    public async Task A_redirect_to_another_origin_does_not_carry_a_static_token()
    {
        using var other = RawTcpServer.Answering(200, "{\"name\":\"elsewhere\"}");
        using var server = new ScriptedServer(_ => new Reply(302).With("Location", new Uri(other.BaseUrl, "info/").ToString()));
        using var client = MonaiLabelClient.Create(server.Options(o => o.AccessToken = "static-secret"));

        var info = await client.GetAppInfoAsync();

        Assert.Equal("elsewhere", info.Name);
        Assert.Equal("Bearer static-secret", Assert.Single(server.Requests).Header("Authorization"));
        var head = Assert.Single(other.Heads);
        Assert.StartsWith("GET /info/ HTTP/1.1\r\n", head, StringComparison.Ordinal);
        AssertNoCredentials(head, "static-secret");
    }

    [Fact]
    public async Task A_redirect_to_another_origin_does_not_carry_an_UpdateAuth_token()
    {
        using var other = RawTcpServer.Answering(200, "{\"name\":\"elsewhere\"}");
        using var server = new ScriptedServer(_ => new Reply(307).With("Location", other.BaseUrl + "info/"));
        using var client = MonaiLabelClient.Create(server.Options());
        client.UpdateAuth(new AuthToken { AccessToken = "updated-secret" });

        await client.GetAppInfoAsync();

        Assert.Equal("Bearer updated-secret", Assert.Single(server.Requests).Header("Authorization"));
        AssertNoCredentials(Assert.Single(other.Heads), "updated-secret");
    }

    [Fact]
    public async Task A_401_from_the_other_origin_does_not_make_the_client_send_a_fresh_token_there()
    {
        var tokens = 0;
        using var other = RawTcpServer.Answering(401, "{\"detail\":\"who are you\"}");
        using var server = new ScriptedServer(r => r.Path == "/auth/token"
            ? Reply.Token("tok-" + Interlocked.Increment(ref tokens))
            : new Reply(302).With("Location", other.BaseUrl + "info/"));
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = Password;
        }));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Unauthorized, error.Kind);
        Assert.NotEmpty(other.Heads);
        Assert.All(other.Heads, head => AssertNoCredentials(head, "tok-1", "tok-2", Password));
    }

    [Fact]
    public async Task A_retried_503_from_the_other_origin_does_not_get_the_token_either()
    {
        using var other = RawTcpServer.Answering(503, "{\"detail\":\"busy\"}");
        using var server = new ScriptedServer(_ => new Reply(302).With("Location", other.BaseUrl + "info/"));
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.AccessToken = "static-secret";
            o.Retry.MaxRetries = 2;
        }));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(503, error.StatusCode);
        await Wait.UntilAsync(() => other.Heads.Count == 3, "three attempts at the other origin");
        Assert.All(other.Heads, head => AssertNoCredentials(head, "static-secret"));
        // Every attempt starts at the configured server, with the token.
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer static-secret", r.Header("Authorization")));
    }

    [Fact]
    public async Task The_DI_client_does_not_carry_the_token_to_another_origin_either()
    {
        using var other = RawTcpServer.Answering(401, "{\"detail\":\"who are you\"}");
        using var server = new ScriptedServer(r => r.Path == "/auth/token"
            ? Reply.Token("di-tok")
            : new Reply(308).With("Location", other.BaseUrl + "info/"));
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = server.BaseUrl;
            o.Username = "annotator";
            o.Password = Password;
        });
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<MonaiLabelClientException>(() => provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync());

        Assert.NotEmpty(other.Heads);
        Assert.All(other.Heads, head => AssertNoCredentials(head, "di-tok", Password));
        Assert.All(server.RequestsTo("/info/"), r => Assert.Equal("Bearer di-tok", r.Header("Authorization")));
    }

    [Fact]
    public async Task A_redirect_within_the_same_origin_keeps_the_token()
    {
        using var server = new ScriptedServer(r => r.Path == "/info/"
            ? new Reply(307).With("Location", "/moved/info/")
            : Reply.AppInfo("moved"));
        using var client = MonaiLabelClient.Create(server.Options(o => o.AccessToken = "same-origin"));

        var info = await client.GetAppInfoAsync();

        Assert.Equal("moved", info.Name);
        Assert.Equal(new[] { "/info/", "/moved/info/" }, server.Requests.Select(r => r.Path).ToArray());
        Assert.All(server.Requests, r => Assert.Equal("Bearer same-origin", r.Header("Authorization")));
    }

    [Fact]
    public async Task A_307_within_the_origin_resends_the_method_and_body()
    {
        using var server = new ScriptedServer(r => r.Path switch
        {
            "/datastore/image/info" => new Reply(307).With("Location", "/v2/datastore/image/info?image=a"),
            _ => Reply.Json("{}"),
        });
        using var client = MonaiLabelClient.Create(server.Options());

        await client.Rest.UpdateImageInfoAsync("a", new UpdateInfoForm { Info = "{\"k\":1}" });

        Assert.Collection(
            server.Requests,
            r => Assert.Equal("PUT /datastore/image/info info=%7B%22k%22%3A1%7D", $"{r.Method} {r.Path} {r.BodyText}"),
            r => Assert.Equal("PUT /v2/datastore/image/info info=%7B%22k%22%3A1%7D", $"{r.Method} {r.Path} {r.BodyText}"));
    }

    [Fact]
    public async Task A_303_that_would_turn_a_PUT_with_a_body_into_a_GET_fails_naming_the_redirect()
    {
        using var server = new ScriptedServer(r => r.Path switch
        {
            "/datastore/image/info" => new Reply(307).With("Location", "/v2/datastore/image/info?image=a"),
            "/v2/datastore/image/info" => new Reply(303).With("Location", "/done"),
            _ => Reply.Json("{}"),
        });
        using var client = MonaiLabelClient.Create(server.Options());

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => client.Rest.UpdateImageInfoAsync("a", new UpdateInfoForm { Info = "{\"k\":1}" }));

        Assert.Equal(303, error.StatusCode);
        Assert.Equal(MonaiLabelErrorKind.Unknown, error.Kind);
        Assert.Contains("PUT /v2/datastore/image/info was redirected (HTTP 303) into a GET", error.Message, StringComparison.Ordinal);
        Assert.Equal("/done", Assert.Single(error.Headers["Location"]));
        Assert.Equal(new[] { "PUT", "PUT" }, server.Requests.Select(r => r.Method).ToArray());
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public async Task A_redirect_of_an_infer_POST_to_another_host_fails_instead_of_becoming_a_GET(int status)
    {
        using var other = RawTcpServer.Answering(200, "{\"name\":\"elsewhere\"}");
        using var server = new ScriptedServer(_ => new Reply(status).With("Location", new Uri(other.BaseUrl, "elsewhere/infer").ToString()));
        using var client = MonaiLabelClient.Create(server.Options());
        using var results = new TempResultDir(create: false);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "patient-42", ResultDirectory = results.Dir }));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(MonaiLabelErrorKind.Unknown, error.Kind);
        Assert.Equal(
            $"POST /infer/segmentation_spleen was redirected (HTTP {status}) into a GET to http://127.0.0.1:{other.Port}; " +
            "a call that sends data follows only a redirect that keeps its method and its server, so it was not sent again.",
            error.Message);
        Assert.DoesNotContain("patient-42", error.Message, StringComparison.Ordinal);
        Assert.Equal("POST", Assert.Single(server.Requests).Method);
        Assert.Equal(0, other.Accepted);
        results.AssertClean();
    }

    [Fact]
    public async Task A_307_of_an_upload_to_another_origin_fails_and_sends_the_image_nowhere_else()
    {
        using var other = RawTcpServer.Answering(200, "{}");
        using var server = new ScriptedServer(_ => new Reply(307).With("Location", other.BaseUrl + "datastore/?image=x"));
        using var client = MonaiLabelClient.Create(server.Options());
        using var files = new TempResultDir();
        var path = files.File("scan.nii.gz", 1000);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => client.UploadImageAsync(FileParameter.FromFile(path), "x"));

        Assert.Equal(307, error.StatusCode);
        Assert.Contains($"was redirected (HTTP 307) to another origin, http://127.0.0.1:{other.Port};", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Equal(0, other.Accepted);
    }

    [Fact]
    public async Task A_308_within_the_origin_repeats_an_infer_POST()
    {
        using var server = new ScriptedServer(r => r.Path == "/infer/m"
            ? new Reply(308).With("Location", "/v2/infer/m?image=i")
            : Reply.Json("{\"label_names\":{}}"));
        using var client = MonaiLabelClient.Create(server.Options());
        using var results = new TempResultDir(create: false);

        await client.InferAsync("m", new InferRequest { ImageId = "i", Output = InferOutput.Json, ResultDirectory = results.Dir });

        Assert.Equal(new[] { "POST /infer/m", "POST /v2/infer/m" }, server.Requests.Select(r => $"{r.Method} {r.Path}").ToArray());
        Assert.Equal(server.Requests.First().BodyText, server.Requests.Last().BodyText);
    }

    [Fact]
    public async Task A_redirect_loop_ends_with_an_error_rather_than_running_forever()
    {
        using var server = new ScriptedServer(_ => new Reply(302).With("Location", "/info/"));
        using var client = MonaiLabelClient.Create(server.Options());

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(302, error.StatusCode);
        Assert.InRange(server.Requests.Count, 2, 51);
    }

    private static void AssertNoCredentials(string head, params string[] secrets)
    {
        Assert.DoesNotContain("Authorization:", head, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, head, StringComparison.Ordinal);
        }
    }
}
