using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>Retries of transient failures: idempotent calls only unless opted in, Retry-After honoured, cancellable.</summary>
public class RetryTests
{
    [Fact]
    public async Task A_503_then_200_on_a_GET_is_retried()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.AppInfo("second"));
        using var client = MonaiLabelClient.Create(server.Options());

        var info = await client.GetAppInfoAsync();

        Assert.Equal("second", info.Name);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Gateway_errors_are_retried(int status)
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Json("{}", status) : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());

        await client.GetAppInfoAsync();

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_with_the_last_answer()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.MaxRetries = 2));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_503_on_POST_infer_is_not_retried()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options());

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.Rest.InferAsync("segmentation", image: "img"));

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Single(server.Requests).AssertRoute("POST", "/infer/segmentation", "image=img");
    }

    [Fact]
    public async Task A_503_on_POST_infer_is_retried_when_the_caller_opts_in()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{\"label\":\"x\"}"));
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.RetryNonIdempotent = true));

        using (await client.Rest.InferAsync("segmentation", image: "img"))
        {
        }

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => r.AssertRoute("POST", "/infer/segmentation", "image=img"));
    }

    [Fact]
    public async Task An_upload_is_not_retried_by_default()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options());

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(new byte[] { 1, 2, 3 }), "a.nii.gz"), "a"));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(server.Requests).AssertRoute("PUT", "/datastore/image", "image=a");
    }

    [Fact]
    public async Task An_opted_in_upload_retry_resends_the_whole_file()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{\"image\":\"a\"}"));
        using var files = new TempResultDir();
        var path = files.File("a.nii.gz", 100_000);
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.RetryNonIdempotent = true));

        await client.UploadImageAsync(FileParameter.FromFile(path), "a");

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(File.ReadAllBytes(path), r.Multipart().Part("file").Content));
    }

    [Fact]
    public async Task A_429_with_Retry_After_0_is_retried_without_the_backoff_delay()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1
            ? Reply.Json("{\"detail\":\"slow down\"}", 429).With("Retry-After", "0")
            : Reply.AppInfo());
        // A 10 s back-off would show if Retry-After were ignored.
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Retry.Delay = TimeSpan.FromSeconds(10);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        }));
        var watch = Stopwatch.StartNew();

        await client.GetAppInfoAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
    }

    [Fact]
    public async Task A_long_Retry_After_is_capped_at_MaxDelay()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1
            ? Reply.Status503.With("Retry-After", "3600")
            : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50)));
        var watch = Stopwatch.StartNew();

        await client.GetAppInfoAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
    }

    [Fact]
    public async Task PUT_of_image_info_is_retried()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{}"));
        using var client = MonaiLabelClient.Create(server.Options());

        await client.Rest.UpdateImageInfoAsync("img", new UpdateInfoForm { Info = "{\"reviewed\":true}" });

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            r.AssertRoute("PUT", "/datastore/image/info", "image=img");
            Assert.Equal("{\"reviewed\":true}", Assert.Single(r.FormFields()).Value);
        });
    }

    [Fact]
    public async Task DELETE_is_retried()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{}"));
        using var client = MonaiLabelClient.Create(server.Options());

        await client.DeleteImageAsync("img");

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task MaxRetries_0_turns_retrying_off()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.MaxRetries = 0));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{\"detail\":\"boom\"}", 500));
        using var client = MonaiLabelClient.Create(server.Options());

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        // SocketsHttpHandler itself re-tries a request whose fresh connection closed before any answer, so one
        // attempt may be several connections: measure one attempt first, then expect three times as many.
        var once = await ConnectionsForOneCall(maxRetries: 0);
        var retried = await ConnectionsForOneCall(maxRetries: 2);

        Assert.True(once >= 1);
        Assert.Equal(3 * once, retried);
    }

    [Fact]
    public async Task Cancelling_during_the_backoff_ends_the_call_promptly()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Retry.Delay = TimeSpan.FromSeconds(30);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        }));
        using var cancel = new CancellationTokenSource();
        var call = client.GetAppInfoAsync(cancel.Token);
        await Wait.UntilAsync(() => server.Requests.Count == 1, "the first attempt");
        await Task.Delay(50);
        var watch = Stopwatch.StartNew();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        Assert.Single(server.Requests);
    }

    private static async Task<int> ConnectionsForOneCall(int maxRetries)
    {
        using var server = RawTcpServer.DropsConnection();
        var options = new MonaiLabelClientOptions { ServerUrl = server.BaseUrl };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        using var client = MonaiLabelClient.Create(options);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());
        Assert.Equal(MonaiLabelErrorKind.ConnectionFailed, error.Kind);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        return server.Accepted;
    }
}
