using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>The annotation loop a MONAI Label client runs, driven through the SDK.</summary>
public class WorkflowTests
{
    [Fact]
    public async Task Info_upload_sample_infer_label_train_and_download()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { TaskDuration = TimeSpan.FromSeconds(2) });
        using var client = new MonaiLabelClient(server.Url);
        var results = Data.TempDir();
        try
        {
            var info = await client.GetAppInfoAsync();
            Assert.Equal(new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" }, info.Models!.Keys.ToArray());
            Assert.Equal("segmentation", info.Models["segmentation_spleen"].Type);
            Assert.Equal(3, info.Models["segmentation_spleen"].Dimension);
            Assert.Equal(2, info.Models["segmentation_tissue"].Dimension);
            Assert.Equal(new[] { "segmentation_spleen" }, info.Trainers!.Keys.ToArray());
            Assert.Equal(new[] { "random", "first" }, info.Strategies!.Keys.ToArray());
            Assert.Equal(new[] { "dice" }, info.Scoring!.Keys.ToArray());
            Assert.Equal(0, info.Datastore!.Total);

            var image = Data.Volume(7, 5000);
            var added = await client.UploadImageAsync(new FileParameter(new MemoryStream(image), "spleen_01.nii.gz"), "spleen_01");
            Assert.Equal("spleen_01", added.Image);
            Assert.True(await client.ImageExistsAsync("spleen_01"));

            var sample = await client.GetNextSampleAsync("first");
            Assert.Equal("spleen_01", sample.Id);
            Assert.Equal(Path.Combine(server.StudiesDirectory, "spleen_01.nii.gz"), sample.Path);

            var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "spleen_01", ResultDirectory = results });
            Assert.NotNull(result.Label);
            var label = await File.ReadAllBytesAsync(result.Label!.Path);
            Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), label);
            Assert.Equal(1, (int)result.Params!["label_names"]!["spleen"]!);

            var saved = await client.UploadLabelAsync(
                "spleen_01", new FileParameter(new MemoryStream(label), "spleen_01.nii.gz"), "final", new Dictionary<string, object?> { ["comment"] = "checked" });
            Assert.Equal("spleen_01", saved.Image);
            Assert.Equal("spleen_01", saved.Label);
            var labelInfo = await client.GetLabelInfoAsync("spleen_01", "final");
            Assert.Equal("spleen_01.nii.gz", labelInfo.Name);
            Assert.Equal("checked", labelInfo.AdditionalProperties["comment"]);

            // Labeled now: nothing left to annotate.
            Assert.Null((await client.GetNextSampleAsync("random")).Id);
            var stats = await client.GetDatastoreStatsAsync();
            Assert.Equal(1, stats.Completed);
            Assert.Equal(1, stats.LabelTags!["final"]);

            var training = await client.StartTrainingAsync("segmentation_spleen", new Dictionary<string, object?> { ["max_epochs"] = 4 });
            var running = await client.GetTrainingStatusAsync();
            Assert.Equal(BackgroundTaskState.Running, running.Status);
            Assert.Equal(training.Id, running.Id);
            Assert.True(await client.IsTrainingRunningAsync());

            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
            var done = await training.WaitForCompletionAsync(TimeSpan.FromMilliseconds(25), null, timeout.Token);

            Assert.True(training.HasCompleted);
            Assert.Equal(BackgroundTaskState.Done, done.Status);
            Assert.Equal(running.Id, done.Id);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", done.StartTs);
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", done.EndTs);
            Assert.False(await client.IsTrainingRunningAsync());
            Assert.NotEmpty(done.Details!);
            Assert.Equal(4L, Convert.ToInt64(done.Request!["max_epochs"]));

            var trained = await client.GetAppInfoAsync();
            Assert.Equal(4, trained.TrainStats!["segmentation_spleen"].TotalEpochs);
            var modelInfo = await client.GetModelInfoAsync("segmentation_spleen");
            Assert.StartsWith("SHA256:", modelInfo.Checksum);
            Assert.Equal(4, modelInfo.TrainStats!.TotalEpochs);

            var model = await client.DownloadModelToAsync("segmentation_spleen", results);
            Assert.Equal("segmentation_spleen.pt", model.RawFileName);
            Assert.Equal(4096, new FileInfo(model.Path).Length);
            Assert.Equal(modelInfo.Checksum, "SHA256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(model.Path))).ToLowerInvariant());

            var downloaded = await client.DownloadLabelToAsync("spleen_01", "final", results);
            Assert.Equal(label, await File.ReadAllBytesAsync(downloaded.Path));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Fact]
    public async Task A_non_ascii_image_id_round_trips_and_downloads_with_filename_star()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var client = new MonaiLabelClient(server.Url);
        using var http = Http.Client(server);
        var results = Data.TempDir();
        try
        {
            const string Id = "Fall Ü 1 (wire)";
            var image = Data.Volume(3, 700);
            var added = await client.UploadImageAsync(new FileParameter(new MemoryStream(image), "odd.nii.gz"), Id);
            Assert.Equal(Id, added.Image);
            Assert.Equal(Id + ".nii.gz", (await client.GetImageInfoAsync(Id)).Name);
            await client.UploadLabelAsync(Id, new FileParameter(new MemoryStream(MonaiLabelEmulator.ComputeLabel(image)), "label.nii.gz"));

            var raw = await http.GetAsync("datastore/image?image=" + Uri.EscapeDataString(Id));
            Assert.Equal("attachment; filename*=utf-8''Fall%20%C3%9C%201%20%28wire%29.nii.gz", Http.Header(raw, "content-disposition"));
            Assert.Equal(image, await raw.Content.ReadAsByteArrayAsync());

            var saved = await client.DownloadImageToAsync(Id, results);
            Assert.Equal(Id + ".nii.gz", saved.RawFileName);
            Assert.Equal(image, await File.ReadAllBytesAsync(saved.Path));

            var labelSaved = await client.DownloadLabelToAsync(Id, "final", results);
            Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), await File.ReadAllBytesAsync(labelSaved.Path));

            var listing = await client.GetDatastoreAsync();
            Assert.Equal(".nii.gz", listing.Objects![Id].Image!.Ext);
            Assert.Equal(Id + ".nii.gz", listing.Objects[Id].Labels!["final"].Info!.Name);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Fact]
    public async Task Sample_images_are_seeded_deterministically_and_served()
    {
        var options = new MonaiLabelEmulatorOptions { SampleImages = 3, SampleImageSize = 2048, Seed = 5 };
        await using var first = await MonaiLabelEmulator.StartAsync(options);
        await using var second = await MonaiLabelEmulator.StartAsync(options);
        using var a = new MonaiLabelClient(first.Url);
        using var b = new MonaiLabelClient(second.Url);

        var stats = await a.GetDatastoreStatsAsync();
        Assert.Equal(3, stats.Total);
        Assert.Equal(0, stats.Completed);
        Assert.Equal("case_01", (await a.GetNextSampleAsync("first")).Id);

        using var httpA = Http.Client(first);
        using var httpB = Http.Client(second);
        var one = await httpA.GetByteArrayAsync("datastore/image?image=case_02");
        Assert.Equal(2048, one.Length);
        Assert.Equal(one, await httpB.GetByteArrayAsync("datastore/image?image=case_02"));
        Assert.NotEqual(one, await httpA.GetByteArrayAsync("datastore/image?image=case_03"));

        // The random strategy picks among unlabeled images only, reproducibly for one seed.
        var picks = new List<string?>();
        foreach (var id in new[] { "case_01", "case_02" })
        {
            await a.UploadLabelAsync(id, new FileParameter(new MemoryStream(new byte[] { 1 }), "l.nii.gz"));
        }

        picks.Add((await a.GetNextSampleAsync("random")).Id);
        Assert.Equal(new[] { "case_03" }, picks);
    }
}
