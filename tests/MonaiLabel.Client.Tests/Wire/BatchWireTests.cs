using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>batch</c>: GET and DELETE /batch/infer, POST /batch/infer/{model}.</summary>
public class BatchWireTests
{
    private const string BatchRequest =
        "{\"model\":\"segmentation_spleen\",\"images\":\"unlabeled\",\"device\":\"cuda\",\"multi_gpu\":true,\"gpus\":\"all\"," +
        "\"logging\":\"WARNING\",\"save_label\":true,\"label_tag\":\"original\",\"max_workers\":2,\"max_batch_size\":0}";

    [Fact]
    [WireTest("getBatchInferStatus")]
    public async Task GetBatchInferStatus_sends_GET_batch_infer_and_answers_a_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("0f9e1c2a-batch", "DONE", BatchRequest, endTs: "2026-11-24 19:12:40", result: "{\"total\":2}"));
        var client = wire.CreateClient();

        var answer = await client.Rest.GetBatchInferStatusAsync();

        wire.SingleRequest().AssertRoute("GET", "/batch/infer");
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal("0f9e1c2a-batch", status.Id);
        Assert.Equal(BackgroundTaskState.Done, status.Status);
        Assert.Equal("2026-11-24 19:12:31", status.StartTs);
        Assert.Equal("2026-11-24 19:12:40", status.EndTs);
        Assert.Equal("unlabeled", WireAssert.Token(status.Request!["images"]).Value<string>());
        Assert.Equal(new[] { "Epoch 1/2", "Epoch 2/2" }, status.Details);
        Assert.Equal(2, WireAssert.Token(status.AdditionalProperties["result"])["total"]!.Value<int>());
    }

    [Fact]
    [WireTest("getBatchInferStatus")]
    public async Task GetBatchInferStatus_all_sends_both_flags_and_answers_a_BackgroundTask_array()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("[" + TaskJson.Status("a1", "DONE", BatchRequest, endTs: "2026-11-24 19:12:40") + "," +
                             TaskJson.Status("a2", "RUNNING", BatchRequest) + "]");
        var client = wire.CreateClient();

        var answer = await client.Rest.GetBatchInferStatusAsync(all: true, checkIfRunning: false);

        wire.SingleRequest().AssertRoute("GET", "/batch/infer", "all=true&check_if_running=false");
        var tasks = WireSamples.Array(answer).ToObject<BackgroundTask[]>()!;
        Assert.Equal(new[] { "a1", "a2" }, new[] { tasks[0].Id, tasks[1].Id });
        Assert.Equal(BackgroundTaskState.Running, tasks[1].Status);
        Assert.Null(tasks[1].EndTs);
    }

    [Fact]
    [WireTest("stopBatchInfer")]
    public async Task StopBatchInfer_sends_DELETE_batch_infer_and_answers_the_stopped_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("a2", "STOPPED", BatchRequest, endTs: "2026-11-24 19:12:45"));
        var client = wire.CreateClient();

        var answer = await client.Rest.StopBatchInferAsync();

        var request = wire.SingleRequest().AssertRoute("DELETE", "/batch/infer");
        Assert.Empty(request.Body);
        Assert.Equal(BackgroundTaskState.Stopped, WireSamples.Object(answer).ToObject<BackgroundTask>()!.Status);
    }

    [Fact]
    [WireTest("stopBatchInfer")]
    public async Task StopBatchInfer_when_idle_reads_the_null_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        var answer = await client.Rest.StopBatchInferAsync();

        wire.SingleRequest().AssertRoute("DELETE", "/batch/infer");
        Assert.Null(answer);
    }

    [Fact]
    [WireTest("startBatchInfer")]
    public async Task StartBatchInfer_posts_the_JSON_settings_with_images_and_run_sync_and_answers_a_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("b7", "SUBMITTED", BatchRequest));
        var client = wire.CreateClient();

        var answer = await client.Rest.StartBatchInferAsync(
            "segmentation_spleen",
            images: BatchInferImages.Unlabeled,
            runSync: false,
            body: new Dictionary<string, object> { ["device"] = "cuda", ["label_tag"] = "original", ["max_workers"] = 2 });

        var request = wire.SingleRequest().AssertRoute("POST", "/batch/infer/segmentation_spleen", "images=unlabeled&run_sync=false");
        Assert.Equal("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"device\":\"cuda\",\"label_tag\":\"original\",\"max_workers\":2}", request.BodyText);
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal("b7", status.Id);
        Assert.Equal(BackgroundTaskState.Submitted, status.Status);
        Assert.Equal(2, WireAssert.Token(status.Request!["max_workers"]).Value<int>());
    }

    [Fact]
    [WireTest("startBatchInfer")]
    public async Task StartBatchInfer_with_defaults_sends_no_query_and_JSON_null()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("b8", "SUBMITTED", BatchRequest));
        var client = wire.CreateClient();

        await client.StartBatchInferAsync("segmentation_spleen", images: BatchInferImages.Labeled);

        var request = wire.SingleRequest().AssertRoute("POST", "/batch/infer/segmentation_spleen", "images=labeled");
        // FastAPI takes a JSON null body as absent and uses its default settings.
        Assert.Equal("null", request.BodyText);
    }
}
