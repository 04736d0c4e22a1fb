using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>info</c>: GET /info/.</summary>
public class InfoWireTests
{
    [Fact]
    [WireTest("getAppInfo")]
    public async Task GetAppInfo_sends_GET_info_and_reads_typed_AppInfo()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        var client = wire.CreateClient();

        var info = await client.GetAppInfoAsync();

        var request = wire.SingleRequest().AssertRoute("GET", "/info/");
        Assert.Empty(request.Body);

        Assert.Equal("MONAILabel - mlref reference app", info.Name);
        Assert.Equal("0.8.5+mlref", info.Version);
        Assert.Equal(new[] { "spleen", "background", "tumor" }, ((JArray)info.Labels!).Select(t => (string)t!).ToArray());

        Assert.Equal(new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" }, info.Models!.Keys.ToArray());
        var deepedit = info.Models["deepedit"];
        Assert.Equal("deepedit", deepedit.Type);
        Assert.Equal(3, deepedit.Dimension);
        Assert.Equal(1, ((JObject)deepedit.Labels!)["spleen"]!.Value<int>());
        Assert.Equal(0, ((JObject)deepedit.Labels!)["background"]!.Value<int>());
        Assert.True(WireAssert.Token(deepedit.Config!["cache_transforms"]).Value<bool>());
        Assert.Equal(300, WireAssert.Token(deepedit.Config!["cache_transforms_ttl"]).Value<int>());
        Assert.Equal(2, info.Models["segmentation_tissue"].Dimension);

        var trainer = Assert.Single(info.Trainers!);
        Assert.Equal("segmentation_spleen", trainer.Key);
        Assert.Equal(50, WireAssert.Token(trainer.Value.Config!["max_epochs"]).Value<int>());
        Assert.Equal(0.2, WireAssert.Token(trainer.Value.Config!["val_split"]).Value<double>());
        Assert.Equal(1, ((JObject)trainer.Value.Labels!)["spleen"]!.Value<int>());

        Assert.Equal(new[] { "random", "first" }, info.Strategies!.Keys.ToArray());
        Assert.Equal("Get First Sample", info.Strategies["first"].Description);
        Assert.Equal("Compute Dice for predicated label vs submitted", info.Scoring!["dice"].Description);

        var stats = info.TrainStats!["segmentation_spleen"];
        Assert.Equal(3, stats.TotalEpochs);
        Assert.Equal(3, stats.BestValidationEpoch);
        Assert.Equal(0.75, stats.BestValidationMetric);
        Assert.Equal(1795547546L, stats.StartTs);
        Assert.Equal("0:00:00", stats.TotalTime);
        Assert.Equal("train_mean_dice", stats.Train!.KeyMetricName);
        Assert.Equal(0.75, WireAssert.Token(stats.Train.Metrics!["train_mean_dice"]).Value<double>());
        Assert.Equal(3, stats.Eval!.BestMetricEpoch);
        Assert.Equal("val_mean_dice", stats.Eval.KeyMetricName);

        Assert.Equal(4, info.Datastore!.Total);
        Assert.Equal(3, info.Datastore.Completed);
        Assert.Equal(3, info.Datastore.LabelTags!["final"]);

        Assert.Empty(info.AdditionalProperties);
    }

    [Fact]
    [WireTest("getAppInfo")]
    public async Task GetAppInfo_keeps_unknown_fields_at_every_level_in_AdditionalProperties()
    {
        var body = JObject.Parse(CapturedResponse.Load("10_get_info").BodyText);
        body["future_field"] = new JObject { ["enabled"] = true };
        ((JObject)body["models"]!["deepedit"]!)["network"] = "DynUNet";
        ((JObject)body["datastore"]!)["train"] = new JArray();
        ((JObject)body["train_stats"]!["segmentation_spleen"]!)["gpus"] = "all";
        body["version"] = 2; // some apps send a number

        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(body.ToString(Newtonsoft.Json.Formatting.None));
        var client = wire.CreateClientWithHttpClient();

        var info = await client.GetAppInfoAsync();

        wire.SingleRequest().AssertRoute("GET", "/info/");
        Assert.Equal("2", info.Version);
        Assert.True(WireAssert.Token(info.AdditionalProperties["future_field"])["enabled"]!.Value<bool>());
        Assert.Equal("DynUNet", WireAssert.Token(info.Models!["deepedit"].AdditionalProperties["network"]).Value<string>());
        Assert.IsType<JArray>(info.Datastore!.AdditionalProperties["train"]);
        Assert.Equal("all", WireAssert.Token(info.TrainStats!["segmentation_spleen"].AdditionalProperties["gpus"]).Value<string>());
        Assert.Equal(3, info.Models["deepedit"].Dimension);
    }
}
