using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>train</c>: GET, DELETE and POST /train/, POST /train/{model}.</summary>
public class TrainWireTests
{
    private const string TrainRequest =
        "{\"model\":\"segmentation_spleen\",\"name\":\"train_02\",\"max_epochs\":2,\"val_split\":0.2,\"device\":\"cuda\"}";

    [Fact]
    [WireTest("getTrainStatus")]
    public async Task GetTrainStatus_check_if_running_sends_GET_train_with_flags_and_answers_the_running_TaskStatus()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("3c1d5e7f-train", "RUNNING", TrainRequest));
        var client = wire.CreateClient();

        var answer = await client.Rest.GetTrainStatusAsync(all: false, checkIfRunning: true);

        wire.SingleRequest().AssertRoute("GET", "/train/", "all=false&check_if_running=true");
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal("3c1d5e7f-train", status.Id);
        Assert.Equal(BackgroundTaskState.Running, status.Status);
        Assert.Equal("train_02", WireAssert.Token(status.Request!["name"]).Value<string>());
        Assert.Equal(0.2, WireAssert.Token(status.Request["val_split"]).Value<double>());
        Assert.Equal(2, status.Details!.Count);
    }

    [Fact]
    [WireTest("getTrainStatus")]
    public async Task GetTrainStatus_without_flags_sends_no_query_and_answers_the_latest_TaskStatus()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("t1", "DONE", TrainRequest, endTs: "2026-11-24 19:14:00", result: "{\"best_metric\":0.75}"));
        var client = wire.CreateClient();

        var answer = await client.Rest.GetTrainStatusAsync();

        wire.SingleRequest().AssertRoute("GET", "/train/");
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal(BackgroundTaskState.Done, status.Status);
        Assert.Equal("2026-11-24 19:14:00", status.EndTs);
    }

    [Fact]
    [WireTest("stopTrain")]
    public async Task StopTrain_sends_DELETE_train_and_reads_null_when_idle()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        var answer = await client.Rest.StopTrainAsync();

        var request = wire.SingleRequest().AssertRoute("DELETE", "/train/");
        Assert.Empty(request.Body);
        Assert.Null(answer);
    }

    [Fact]
    [WireTest("stopTrain")]
    public async Task StopTrain_answers_the_stopped_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("t1", "STOPPED", TrainRequest, endTs: "2026-11-24 19:13:00"));
        var client = wire.CreateClient();

        var answer = await client.Rest.StopTrainAsync();

        wire.SingleRequest().AssertRoute("DELETE", "/train/");
        Assert.Equal(BackgroundTaskState.Stopped, WireSamples.Object(answer).ToObject<BackgroundTask>()!.Status);
    }

    [Fact]
    [WireTest("startTrainAll")]
    public async Task StartTrainAll_posts_settings_per_trainer_to_train_root_and_answers_one_entry_per_trainer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(
            "{\"segmentation_spleen\":{\"result\":" + TaskJson.Status("t5", "SUBMITTED", TrainRequest) + ",\"detail\":null}}");
        var client = wire.CreateClient();

#pragma warning disable CS0612, CS0618 // POST /train/ is deprecated (hidden by the server) but still served.
        var answer = await client.Rest.StartTrainAllAsync(
            runSync: false,
            body: new Dictionary<string, object> { ["segmentation_spleen"] = new Dictionary<string, object> { ["max_epochs"] = 2 } });
#pragma warning restore CS0612, CS0618

        var request = wire.SingleRequest().AssertRoute("POST", "/train/", "run_sync=false");
        Assert.Equal("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"segmentation_spleen\":{\"max_epochs\":2}}", request.BodyText);
        var entry = WireSamples.Object(answer)["segmentation_spleen"]!;
        Assert.Equal(BackgroundTaskState.Submitted, entry["result"]!.ToObject<BackgroundTask>()!.Status);
        Assert.Equal(JTokenType.Null, entry["detail"]!.Type);
    }

    [Fact]
    [WireTest("startTrain")]
    public async Task StartTrain_posts_the_JSON_settings_with_run_sync_and_enqueue_and_answers_a_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("t9", "SUBMITTED", TrainRequest));
        var client = wire.CreateClient();

        var answer = await client.Rest.StartTrainAsync(
            "segmentation_spleen",
            runSync: false,
            enqueue: true,
            body: new Dictionary<string, object> { ["name"] = "train_02", ["max_epochs"] = 2, ["val_split"] = 0.2 });

        var request = wire.SingleRequest().AssertRoute("POST", "/train/segmentation_spleen", "run_sync=false&enqueue=true");
        WireAssert.JsonEqual("{\"name\":\"train_02\",\"max_epochs\":2,\"val_split\":0.2}", request.BodyText);
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal("t9", status.Id);
        Assert.Equal("2026-11-24 19:12:31", status.StartTs);
    }

    [Fact]
    [WireTest("startTrain")]
    public async Task StartTrain_run_sync_answers_the_training_result()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"best_metric\":0.75,\"total_time\":\"0:00:03\",\"epoch\":2}");
        var client = wire.CreateClient();

        var answer = await client.Rest.StartTrainAsync("segmentation_spleen", runSync: true);

        var request = wire.SingleRequest().AssertRoute("POST", "/train/segmentation_spleen", "run_sync=true");
        Assert.Equal("null", request.BodyText);
        var stats = WireSamples.Object(answer).ToObject<TrainStats>()!;
        Assert.Equal(0.75, stats.BestMetric);
        Assert.Equal("0:00:03", stats.TotalTime);
    }
}
