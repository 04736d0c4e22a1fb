using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>scoring</c>: GET, DELETE and POST /scoring/, POST /scoring/{method}.</summary>
public class ScoringWireTests
{
    private const string ScoringRequest = "{\"method\":\"dice\",\"device\":\"cuda\"}";

    [Fact]
    [WireTest("getScoringStatus")]
    public async Task GetScoringStatus_all_sends_GET_scoring_with_all_and_answers_a_BackgroundTask_array()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("[" + TaskJson.Status("s1", "DONE", ScoringRequest, endTs: "2026-11-24 19:15:00") + "]");
        var client = wire.CreateClient();

        var answer = await client.Rest.GetScoringStatusAsync(all: true);

        wire.SingleRequest().AssertRoute("GET", "/scoring/", "all=true");
        var tasks = WireSamples.Array(answer).ToObject<BackgroundTask[]>()!;
        var task = Assert.Single(tasks);
        Assert.Equal("s1", task.Id);
        Assert.Equal(BackgroundTaskState.Done, task.Status);
        Assert.Equal("dice", WireAssert.Token(task.Request!["method"]).Value<string>());
    }

    [Fact]
    [WireTest("getScoringStatus")]
    public async Task GetScoringStatus_without_flags_sends_no_query()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("s1", "RUNNING", ScoringRequest));
        var client = wire.CreateClient();

        var answer = await client.Rest.GetScoringStatusAsync();

        wire.SingleRequest().AssertRoute("GET", "/scoring/");
        Assert.Equal(BackgroundTaskState.Running, WireSamples.Object(answer).ToObject<BackgroundTask>()!.Status);
    }

    [Fact]
    [WireTest("stopScoring")]
    public async Task StopScoring_sends_DELETE_scoring_and_answers_the_stopped_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("s1", "STOPPED", ScoringRequest, endTs: "2026-11-24 19:15:05"));
        var client = wire.CreateClient();

        var answer = await client.Rest.StopScoringAsync();

        var request = wire.SingleRequest().AssertRoute("DELETE", "/scoring/");
        Assert.Empty(request.Body);
        Assert.Equal(BackgroundTaskState.Stopped, WireSamples.Object(answer).ToObject<BackgroundTask>()!.Status);
    }

    [Fact]
    [WireTest("startScoringAll")]
    public async Task StartScoringAll_posts_settings_per_method_to_scoring_root_and_answers_one_entry_per_method()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"dice\":{\"result\":" + TaskJson.Status("s3", "SUBMITTED", ScoringRequest) + ",\"detail\":null}}");
        var client = wire.CreateClient();

#pragma warning disable CS0612, CS0618 // POST /scoring/ is deprecated (hidden by the server) but still served.
        var answer = await client.Rest.StartScoringAllAsync(
            runSync: true, body: new Dictionary<string, object> { ["dice"] = new Dictionary<string, object> { ["device"] = "cpu" } });
#pragma warning restore CS0612, CS0618

        var request = wire.SingleRequest().AssertRoute("POST", "/scoring/", "run_sync=true");
        WireAssert.JsonEqual("{\"dice\":{\"device\":\"cpu\"}}", request.BodyText);
        Assert.Equal("s3", WireSamples.Object(answer)["dice"]!["result"]!.ToObject<BackgroundTask>()!.Id);
    }

    [Fact]
    [WireTest("startScoring")]
    public async Task StartScoring_posts_the_JSON_settings_with_run_sync_and_answers_a_BackgroundTask()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(TaskJson.Status("s4", "SUBMITTED", ScoringRequest));
        var client = wire.CreateClient();

        var answer = await client.Rest.StartScoringAsync("dice", runSync: false, body: new Dictionary<string, object> { ["device"] = "cuda" });

        var request = wire.SingleRequest().AssertRoute("POST", "/scoring/dice", "run_sync=false");
        Assert.Equal("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"device\":\"cuda\"}", request.BodyText);
        var status = WireSamples.Object(answer).ToObject<BackgroundTask>()!;
        Assert.Equal("s4", status.Id);
        Assert.Equal(BackgroundTaskState.Submitted, status.Status);
    }
}
