using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>The smaller hand-written members: existence checks, typed stats, running checks, settings, upload progress.</summary>
public class ConvenienceTests
{
    [Fact]
    public async Task ImageExists_is_true_for_200_and_false_for_404()
    {
        using var present = new WireMockServerFixture();
        present.RespondWithCapture("30_head_datastore_image");
        Assert.True(await present.CreateClient().ImageExistsAsync("wire_case"));
        ClientTest.SingleRequest(present).AssertRoute("HEAD", "/datastore/image", "image=wire_case");

        using var missing = new WireMockServerFixture();
        missing.RespondWithCapture("31_head_datastore_image_missing");
        Assert.False(await missing.CreateClient().ImageExistsAsync("does_not_exist"));
    }

    [Fact]
    public async Task LabelExists_is_true_for_200_and_false_for_404_and_other_errors_still_throw()
    {
        using var present = new WireMockServerFixture();
        present.RespondWithCapture("30_head_datastore_image");
        Assert.True(await present.CreateClient().LabelExistsAsync("wire_case", "final"));
        ClientTest.SingleRequest(present).AssertRoute("HEAD", "/datastore/label", "image=wire_case&tag=final");

        using var missing = new WireMockServerFixture();
        missing.RespondWithCapture("31_head_datastore_image_missing");
        Assert.False(await missing.CreateClient().LabelExistsAsync("wire_case", "nope"));

        using var broken = new WireMockServerFixture();
        broken.RespondWith(WireMockServerFixture.Text("Internal Server Error", "text/plain", 500));
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => broken.CreateClient().LabelExistsAsync("wire_case", "final"));
        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
    }

    [Fact]
    public async Task GetDatastoreStats_reads_the_counts_typed()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"total\":4,\"completed\":3,\"label_tags\":{\"final\":3,\"original\":1},\"train\":[]}");

        var stats = await wire.CreateClient().GetDatastoreStatsAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/", "output=stats");
        Assert.Equal(4, stats.Total);
        Assert.Equal(3, stats.Completed);
        Assert.Equal(1, stats.LabelTags!["original"]);
        Assert.True(stats.AdditionalProperties.ContainsKey("train"));
    }

    [Fact]
    public async Task GetDatastoreListing_of_an_unexpected_shape_fails_InvalidResponse()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"objects\":[1,2,3]}");

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => wire.CreateClient().GetDatastoreAsync());

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task IsScoringRunning_and_IsBatchInferRunning_map_200_and_404()
    {
        using var running = new WireMockServerFixture();
        running.RespondWithJson("{\"status\":\"RUNNING\"}");
        var client = running.CreateClient();
        Assert.True(await client.IsScoringRunningAsync());
        Assert.True(await client.IsBatchInferRunningAsync());
        var requests = ClientTest.WaitForRequests(running, 2);
        Assert.Equal("/scoring/", requests[0].RequestMessage.AbsolutePath);
        Assert.Equal("/batch/infer", requests[1].RequestMessage.AbsolutePath);
        Assert.All(requests, r => Assert.Equal("check_if_running=true", r.RequestMessage.RawQuery?.TrimStart('?')));

        using var idle = new WireMockServerFixture();
        idle.RespondWithJson("{\"detail\":\"No Scoring Tasks Found\"}", 404);
        Assert.False(await idle.CreateClient().IsScoringRunningAsync());
        Assert.False(await idle.CreateClient().IsBatchInferRunningAsync());
    }

    [Fact]
    public async Task FromFile_reports_upload_progress_up_to_the_file_length()
    {
        using var inputs = new TempResultDir();
        var bytes = ClientTest.BinaryBytes(40, 300_000);
        var path = ClientTest.WriteInput(inputs.Root, "big.nii.gz", bytes);
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var progress = new RecordingProgress();

        await wire.CreateClient().UploadImageAsync(FileParameter.FromFile(path, progress: progress), "big");

        progress.AssertReached(bytes.Length);
        Assert.Equal(bytes, ClientTest.SingleRequest(wire).Multipart().Part("file").Content);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///tmp/x")]
    public void ServerUrl_must_be_absolute_http_or_https(string url)
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:8000/"));

        Assert.Throws<ArgumentException>(() => client.ServerUrl = new Uri(url));
        Assert.Equal(new Uri("http://127.0.0.1:8000/"), client.ServerUrl);
    }

    [Fact]
    public void ServerUrl_drops_query_and_fragment_and_ends_with_a_slash()
    {
        using var client = new MonaiLabelClient(new Uri("https://host:8443/monailabel?x=1#frag"));

        Assert.Equal(new Uri("https://host:8443/monailabel/"), client.ServerUrl);
    }

    [Fact]
    public void ResultDirectory_defaults_under_temp_and_refuses_blank()
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:8000/"));

        Assert.StartsWith(Path.GetTempPath(), client.Settings.ResultDirectory, StringComparison.Ordinal);
        using var http = new System.Net.Http.HttpClient { BaseAddress = new Uri("http://127.0.0.1:8000/") };
        Assert.Throws<ArgumentException>(() => new MonaiLabelClient(http, new MonaiLabelClientOptions { ResultDirectory = " " }));
    }

    [Fact]
    public async Task A_disposed_client_refuses_calls()
    {
        var client = new MonaiLabelClient(new Uri("http://127.0.0.1:9/"));
        client.Dispose();
        client.Dispose(); // Idempotent.

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAppInfoAsync());
    }
}
