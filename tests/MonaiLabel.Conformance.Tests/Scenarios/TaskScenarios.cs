using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Train, scoring and batch infer: to the end, stopped, and one at a time.</summary>
[Collection(TargetCollection.Name)]
public sealed class TaskScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Training_runs_to_the_end_and_publishes_new_weights()
    {
        var id = NewId("tr");
        var image = await SeedImageAsync(id);
        await Client.UploadLabelAsync(id, new FileParameter(new MemoryStream(Target.ExpectedLabel(image)), "l.nii.gz"), "final");
        var before = await Client.GetModelInfoAsync("segmentation_spleen");

        var training = await Client.StartTrainingAsync("segmentation_spleen", Target.ShortTraining());
        using var limit = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await training.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100), null, limit.Token);
        Assert.Equal(BackgroundTaskState.Done, done.Status);
        Assert.Equal(training.Id, done.Id);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", done.StartTs);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", done.EndTs);
        Assert.Equal(1L, Convert.ToInt64(done.Request!["max_epochs"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(await Client.IsTrainingRunningAsync());

        var after = await Client.GetModelInfoAsync("segmentation_spleen");
        Assert.StartsWith("SHA256:", after.Checksum);
        Assert.NotEqual(before.Checksum, after.Checksum);
        var model = await Client.DownloadModelToAsync("segmentation_spleen", Temp);
        Assert.Equal("SHA256:" + Sha256(await File.ReadAllBytesAsync(model.Path)), after.Checksum);
    }

    [Fact]
    public async Task Stopping_when_nothing_runs_answers_null_for_each_kind_of_task()
    {
        await WaitIdleAsync(() => Client.IsTrainingRunningAsync());
        await WaitIdleAsync(() => Client.IsScoringRunningAsync());
        await WaitIdleAsync(() => Client.IsBatchInferRunningAsync());
        Assert.Null(await Client.StopTrainingAsync());
        Assert.Null(await Client.StopScoringAsync());
        Assert.Null(await Client.StopBatchInferAsync());
    }

    [Fact]
    public async Task Dice_scoring_runs_to_the_end_and_writes_the_score_into_the_image_info()
    {
        var id = NewId("dice");
        var image = await SeedImageAsync(id);
        var label = Target.ExpectedLabel(image);
        await Client.UploadLabelAsync(id, new FileParameter(new MemoryStream(label), "l.nii.gz"), "final");
        await Client.UploadLabelAsync(id, new FileParameter(new MemoryStream(label), "l.nii.gz"), "original");
        await WaitIdleAsync(() => Client.IsScoringRunningAsync());

        // Follow our own task (the real server also scores on its own after a next sample of another scenario, so
        // "the latest scoring task" may be that one), then give its sub-process's datastore write time to be read
        // back, as for batch infer (seen once: DONE and the image info still without the score).
        var scoring = await Client.StartScoringAsync("dice");
        using var limit = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await scoring.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100), null, limit.Token);
        Assert.Equal(BackgroundTaskState.Done, done.Status);
        await WaitIdleAsync(() => Client.IsScoringRunningAsync());
        Assert.True(await EventuallyAsync(async () => (await Client.GetImageInfoAsync(id)).AdditionalProperties.ContainsKey("dice"), TimeSpan.FromSeconds(30)));
        Assert.Equal(1.0, Convert.ToDouble((await Client.GetImageInfoAsync(id)).AdditionalProperties["dice"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Batch_infer_runs_to_the_end_and_saves_each_unlabeled_images_label_as_original()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        var images = new Dictionary<string, byte[]>();
        foreach (var id in new[] { "batch_a", "batch_b" })
        {
            images[id] = await SeedImageAsync(id, client);
        }

        await client.StartBatchInferAsync("segmentation_spleen", BatchInferImages.Unlabeled);
        var done = await WaitEndAsync(() => client.GetBatchInferStatusAsync());
        Assert.Equal(BackgroundTaskState.Done, done.Status);
        Assert.False(await client.IsBatchInferRunningAsync());
        foreach (var (id, bytes) in images)
        {
            // The real server's batch runs in a sub-process that writes the datastore's JSON as it ends; the server
            // may report DONE a moment before it has read the new labels back.
            Assert.True(await EventuallyAsync(() => client.LabelExistsAsync(id, "original"), TimeSpan.FromSeconds(30)));
            var saved = await client.DownloadLabelToAsync(id, "original", Path.Combine(Temp, id));
            Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(saved.Path));
        }
    }

    [Fact]
    public async Task Status_of_a_kind_of_task_that_never_ran_is_not_found()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetTrainingStatusAsync());
        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.False(await client.IsTrainingRunningAsync());
    }
}
