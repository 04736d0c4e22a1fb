using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Error answers (404, 422, 429, 500) and the calls after them on the same client.</summary>
[Collection(TargetCollection.Name)]
public sealed class ErrorScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task A_not_found_answer_keeps_the_client_usable()
    {
        var id = NewId("gone");
        for (var i = 0; i < 20; i++)
        {
            var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.DownloadImageToAsync(id, Temp));
            Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
            Assert.Equal(404, e.StatusCode);
            Assert.NotNull((await Client.GetDatastoreStatsAsync()).Total);
        }
    }

    [Fact]
    public async Task An_unknown_model_is_a_server_error()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            Client.InferAsync("no_such_model", new InferRequest { ImageId = "x", ResultDirectory = Temp }));
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Equal(500, e.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_missing_image_is_a_server_error()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.DeleteImageAsync(NewId("missing")));
        Assert.Equal(500, e.StatusCode);
    }

    [Fact]
    public async Task A_label_for_a_missing_image_is_refused()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            Client.UploadLabelAsync(NewId("missing"), new FileParameter(new MemoryStream(new byte[] { 1 }), "l.nii.gz"), "final"));
        Assert.Equal(500, e.StatusCode);
    }

    /// <summary>
    /// Defect 2: after a 500 uvicorn closes the connection a moment later without <c>Connection: close</c>; a client
    /// that reuses the pooled connection gets a reset. 200 calls on one client, failing and good in turn (GET, HEAD,
    /// POST with and without an upload body, PUT uploads from a file and from memory, DELETE): no good call may fail.
    /// Retries are off, so no good call can be rescued by the retry policy or wait for its back-off.
    /// </summary>
    [Fact]
    public async Task Two_hundred_failing_calls_each_followed_by_a_good_call_on_one_client_never_break_a_good_call()
    {
        var id = NewId("alt");
        var image = await SeedImageAsync(id, length: 512);
        var file = WriteFile(id + ".nii.gz", image);
        var options = new MonaiLabelClientOptions { ServerUrl = Server.Url, Timeout = TimeSpan.FromSeconds(60), ResultDirectory = Temp };
        options.Retry.MaxRetries = 0;
        using var client = MonaiLabelClient.Create(options);

        var failing = new Func<Task>[]
        {
            () => client.InferAsync("no_such_model", new InferRequest { ImageId = id, Overwrite = true }),
            () => client.InferAsync("no_such_model", new InferRequest { File = FileParameter.FromFile(file), Overwrite = true }),
            () => client.GetNextSampleAsync("no_such_strategy"),
            () => client.DeleteImageAsync(NewId("missing")),
        };
        var good = new Func<int, Task>[]
        {
            _ => client.GetAppInfoAsync(),
            async round =>
            {
                var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = id, ResultDirectory = Path.Combine(Temp, "r" + round) });
                Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));
            },
            async _ =>
            {
                var other = NewId("alt_up");
                Assert.Equal(other, (await client.UploadImageAsync(FileParameter.FromFile(file), other)).Image);
            },
            _ => client.UploadLabelAsync(id, new FileParameter(new MemoryStream(Target.ExpectedLabel(image)), "l.nii.gz"), "final"),
            async round =>
            {
                var result = await client.InferAsync("segmentation_spleen", new InferRequest { File = FileParameter.FromFile(file), ResultDirectory = Path.Combine(Temp, "f" + round) });
                Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));
            },
            async _ => Assert.True(await client.ImageExistsAsync(id)),
        };

        var failures = new List<string>();
        for (var round = 0; round < 100; round++)
        {
            var bad = await Assert.ThrowsAsync<MonaiLabelClientException>(failing[round % failing.Length]);
            Assert.Equal(500, bad.StatusCode);
            var error = await Record.ExceptionAsync(() => good[round % good.Length](round));
            if (error != null)
            {
                failures.Add($"round {round}, good call {round % good.Length}: {error.GetType().Name} {error.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} good calls failed:\n{string.Join("\n", failures)}");
    }
}
