using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Tasks stopped while they run, on a fresh server whose tasks run until stopped.</summary>
[Collection(TargetCollection.Name)]
public sealed class StoppedTaskScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Training_that_is_stopped_ends_stopped_and_a_second_start_meanwhile_conflicts()
    {
        await using var fresh = await Target.StartAsync(longTasks: true);
        using var client = new MonaiLabelClient(fresh.Url);
        var training = await client.StartTrainingAsync("segmentation_spleen", Target.LongTraining());
        Assert.True(await EventuallyAsync(async () => (await training.UpdateStatusAsync()).Status == "RUNNING"));
        Assert.True(await client.IsTrainingRunningAsync());
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.StartTrainingAsync("segmentation_spleen", Target.ShortTraining()));
        Assert.Equal(MonaiLabelErrorKind.TaskAlreadyRunning, e.Kind);
        Assert.Equal(429, e.StatusCode);
        var id = (await client.GetTrainingStatusAsync()).Id;
        Assert.Equal(id, training.Id);

        await training.StopAsync();
        using var limit = new System.Threading.CancellationTokenSource(System.TimeSpan.FromMinutes(3));
        var stopped = await training.WaitForCompletionAsync(System.TimeSpan.FromMilliseconds(100), null, limit.Token);
        Assert.Equal(BackgroundTaskState.Stopped, stopped.Status);
        Assert.Equal(id, stopped.Id);
        Assert.True(training.HasCompleted);
        Assert.False(await client.IsTrainingRunningAsync());
    }

    [Fact]
    public async Task Batch_infer_that_is_stopped_ends_stopped()
    {
        await using var fresh = await Target.StartAsync(longTasks: true);
        using var client = new MonaiLabelClient(fresh.Url);
        await SeedImageAsync("stop_a", client);
        await client.StartBatchInferAsync("segmentation_spleen", BatchInferImages.All, Target.LongBatchInfer());
        Assert.True(await EventuallyAsync(async () => (await client.GetBatchInferStatusAsync()).Status == "RUNNING"));
        Assert.True(await client.IsBatchInferRunningAsync());

        await client.StopBatchInferAsync();
        var stopped = await WaitEndAsync(() => client.GetBatchInferStatusAsync());
        Assert.Equal(BackgroundTaskState.Stopped, stopped.Status);
        Assert.False(await client.LabelExistsAsync("stop_a", "original"));
    }
}
