using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>The README's workflows, as written there, against the target.</summary>
[Collection(TargetCollection.Name)]
public sealed class ReadmeScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Readme_quick_start_info_upload_infer_and_a_not_found_error()
    {
        var id = NewId("spleen");
        var bytes = Data(id);
        var path = WriteFile(id + ".nii.gz", bytes);

        AppInfo info = await Client.GetAppInfoAsync();
        Assert.Contains("segmentation_spleen", info.Models!.Keys);
        AddImageResult added = await Client.UploadImageAsync(FileParameter.FromFile(path), imageId: id);
        Assert.Equal(id, added.Image);
        InferResult result = await Client.InferAsync("segmentation_spleen", new InferRequest { ImageId = id, ResultDirectory = Path.Combine(Temp, "results") });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.NotNull(result.Params!["label_names"]);

        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.DownloadImageToAsync("no-such-image", Temp));
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task Readme_active_learning_loop_next_sample_infer_save_final_train_download()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        var images = new[] { "loop_01", "loop_02" }.ToDictionary(i => i, i => Data(i));
        foreach (var (id, bytes) in images)
        {
            await client.UploadImageAsync(new FileParameter(new MemoryStream(bytes), id + ".nii.gz"), id);
        }

        var sample = await client.GetNextSampleAsync("first");
        Assert.Equal("loop_01", sample.Id);
        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = sample.Id, ResultDirectory = Path.Combine(Temp, "r") });
        await client.UploadLabelAsync(sample.Id!, FileParameter.FromFile(result.Label!.Path), "final");
        Assert.Equal(1, (await client.GetDatastoreStatsAsync()).Completed);
        Assert.Equal("loop_02", (await client.GetNextSampleAsync("first")).Id);

        await client.StartTrainingAsync("segmentation_spleen", Target.ShortTraining());
        Assert.Equal(BackgroundTaskState.Done, (await WaitEndAsync(() => client.GetTrainingStatusAsync())).Status);
        var label = await client.DownloadLabelToAsync("loop_01", "final", Path.Combine(Temp, "l"));
        Assert.Equal(Target.ExpectedLabel(images["loop_01"]), await File.ReadAllBytesAsync(label.Path));
        var model = await client.DownloadModelToAsync("segmentation_spleen", Path.Combine(Temp, "m"));
        Assert.Equal((await client.GetModelInfoAsync("segmentation_spleen")).Checksum, "SHA256:" + Sha256(await File.ReadAllBytesAsync(model.Path)));
    }
}
