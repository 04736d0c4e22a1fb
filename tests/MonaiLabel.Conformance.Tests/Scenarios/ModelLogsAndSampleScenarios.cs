using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Model files, logs, and the next sample of active learning.</summary>
[Collection(TargetCollection.Name)]
public sealed class ModelLogsAndSampleScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task A_models_file_downloads_with_the_checksum_its_info_gives()
    {
        var info = await Client.GetModelInfoAsync("deepedit");
        var saved = await Client.DownloadModelToAsync("deepedit", Temp);
        Assert.Equal("deepedit.pt", saved.RawFileName);
        Assert.Equal(info.Checksum, "SHA256:" + Sha256(await File.ReadAllBytesAsync(saved.Path)));
    }

    [Fact]
    public async Task An_uploaded_model_file_replaces_the_weights()
    {
        var weights = Data(NewId("weights"), 2048);
        var info = await Client.UploadModelAsync("deepedit", FileParameter.FromFile(WriteFile("deepedit.pt", weights)));
        Assert.Equal("SHA256:" + Sha256(weights), info.Checksum);
        var saved = await Client.DownloadModelToAsync("deepedit", Temp);
        Assert.Equal(weights, await File.ReadAllBytesAsync(saved.Path));
        Assert.Equal(info.Checksum, (await Client.GetModelInfoAsync("deepedit")).Checksum);
    }

    [Fact]
    public async Task Logs_answer_the_tail_of_the_servers_log()
    {
        var logs = await Client.GetLogsAsync(20);
        Assert.False(string.IsNullOrWhiteSpace(logs));
        Assert.True(logs.Split('\n').Length <= 21);
    }

    [Fact]
    public async Task Next_sample_first_walks_the_unlabeled_images_in_id_order_until_none_is_left()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        var images = new[] { "ns_b", "ns_a", "ns_c" };
        foreach (var id in images)
        {
            await SeedImageAsync(id, client);
        }

        foreach (var expected in images.OrderBy(i => i, System.StringComparer.Ordinal))
        {
            var sample = await client.GetNextSampleAsync("first");
            Assert.Equal(expected, sample.Id);
            Assert.EndsWith(expected + ".nii.gz", sample.Path);
            await client.UploadLabelAsync(expected, new FileParameter(new MemoryStream(new byte[] { 1, 0, 1 }), "l.nii.gz"), "final");
        }

        Assert.Null((await client.GetNextSampleAsync("first")).Id);
        Assert.Null((await client.GetNextSampleAsync("random")).Id);
        Assert.Equal(3, (await client.GetDatastoreStatsAsync()).Completed);
    }

    [Fact]
    public async Task Next_sample_random_picks_an_unlabeled_image()
    {
        var id = NewId("rnd");
        await SeedImageAsync(id);
        var sample = await Client.GetNextSampleAsync("random");
        Assert.False(string.IsNullOrEmpty(sample.Id));
        Assert.False(await Client.LabelExistsAsync(sample.Id!, "final"));
        Assert.True(await Client.ImageExistsAsync(sample.Id!));
    }

    [Fact]
    public async Task Next_sample_with_an_unknown_strategy_is_a_server_error()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.GetNextSampleAsync("no_such_strategy"));
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
    }
}
