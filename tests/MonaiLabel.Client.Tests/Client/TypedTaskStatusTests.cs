using System;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using MonaiLabel.Client.Tests.Wire;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>The typed views of the three task kinds' status answers.</summary>
public class TypedTaskStatusTests
{
    public static TheoryData<string, string> Routes() => new()
    {
        { "train", "/train/" },
        { "scoring", "/scoring/" },
        { "batch", "/batch/infer" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Latest_task_is_read_into_TaskStatus(string kind, string path)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("task-7", "RUNNING", "{\"model\": \"segmentation_spleen\"}"));
        var client = wire.CreateClient();

        Func<Task<BackgroundTask>> call = kind switch
        {
            "train" => () => client.GetTrainingStatusAsync(),
            "scoring" => () => client.GetScoringStatusAsync(),
            _ => () => client.GetBatchInferStatusAsync(),
        };
        var status = await call();

        wire.SingleRequest().AssertRoute("GET", path, "all=false&check_if_running=false");
        Assert.Equal("task-7", status.Id);
        Assert.Equal(BackgroundTaskState.Running, status.Status);
    }

    [Fact]
    public async Task No_task_ever_ran_is_NotFound_with_the_server_detail()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"detail\":\"No Scoring Tasks Found\"}", 404);
        var client = wire.CreateClient();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetScoringStatusAsync());

        Assert.Equal(MonaiLabelErrorKind.NotFound, error.Kind);
        Assert.Equal("No Scoring Tasks Found", error.Detail);
    }
}
