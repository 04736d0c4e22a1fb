using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>model</c>: GET, PUT and DELETE /model/{model}, GET /model/info/{model}.</summary>
public class ModelWireTests
{
    private const string Checksum = "SHA256:6f1ed002ab5595859014ebf0951522d9e0b5e5c8d44f5c19a2a8e8fd2a7a9a2b";

    [Fact]
    [WireTest("downloadModel")]
    public async Task DownloadModel_sends_GET_model_and_streams_the_weights_whatever_their_content_type()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("23_get_model");
        var client = wire.CreateClient();

        using var file = await client.DownloadModelAsync("segmentation_spleen");

        var request = wire.SingleRequest().AssertRoute("GET", "/model/segmentation_spleen");
        Assert.Empty(request.Body);
        Assert.Equal("application/vnd.snesdev-page-table", WireAssert.Header(file, "Content-Type"));
        Assert.Equal("attachment; filename=\"segmentation_spleen.pt\"", WireAssert.Header(file, "Content-Disposition"));
        var bytes = WireAssert.ReadAll(file.Stream);
        Assert.Equal(4096, bytes.Length);
        Assert.Equal(capture.Body, bytes);
    }

    [Fact]
    [WireTest("uploadModel")]
    public async Task UploadModel_puts_the_file_part_to_model_and_reads_typed_ModelInfo()
    {
        var weights = CapturedResponse.Load("23_get_model").Body;
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"checksum\":\"" + Checksum + "\",\"modified_time\":1795547547}");
        var client = wire.CreateClient();

        var info = await client.UploadModelAsync("segmentation_spleen", WireSamples.File(weights, "segmentation_spleen.pt", "application/octet-stream"));

        var request = wire.SingleRequest().AssertRoute("PUT", "/model/segmentation_spleen");
        var body = request.Multipart();
        Assert.Equal(new[] { "file" }, body.PartNames);
        Assert.Equal("segmentation_spleen.pt", body.Part("file").FileName);
        Assert.Equal("application/octet-stream", body.Part("file").ContentType);
        Assert.Equal(weights, body.Part("file").Content);

        Assert.Equal(Checksum, info.Checksum);
        Assert.Equal(1795547547L, info.ModifiedTime);
        Assert.Null(info.TrainStats);
    }

    [Fact]
    [WireTest("deleteModel")]
    public async Task DeleteModel_sends_DELETE_model_and_reads_the_empty_object()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var answer = await client.Rest.DeleteModelAsync("segmentation_spleen");

        var request = wire.SingleRequest().AssertRoute("DELETE", "/model/segmentation_spleen");
        Assert.Empty(request.Body);
        Assert.Empty(WireSamples.Object(answer));
    }

    [Fact]
    [WireTest("getModelInfo")]
    public async Task GetModelInfo_sends_GET_model_info_and_reads_typed_ModelInfo_with_train_stats()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(
            "{\"checksum\":\"" + Checksum + "\",\"modified_time\":1795547547,\"path\":\"/model/segmentation_spleen.pt\"," +
            "\"train_stats\":{\"total_epochs\":3,\"best_metric\":0.75,\"current_time\":\"0:00:01\"," +
            "\"eval\":{\"metrics\":{\"val_mean_dice\":0.75,\"val_dice_per_class\":[0.7,0.8]},\"key_metric_name\":\"val_mean_dice\",\"best_metric\":0.75,\"best_metric_epoch\":3}}}");
        var client = wire.CreateClient();

        var info = await client.GetModelInfoAsync("segmentation_spleen");

        wire.SingleRequest().AssertRoute("GET", "/model/info/segmentation_spleen");
        Assert.Equal(Checksum, info.Checksum);
        Assert.Equal(1795547547L, info.ModifiedTime);
        Assert.Equal(3, info.TrainStats!.TotalEpochs);
        Assert.Equal("0:00:01", info.TrainStats.CurrentTime);
        Assert.Equal(0.75, info.TrainStats.Eval!.BestMetric);
        Assert.Equal(new[] { 0.7, 0.8 }, WireAssert.Token(info.TrainStats.Eval.Metrics!["val_dice_per_class"]).Select(t => t.Value<double>()).ToArray());
        Assert.Equal("/model/segmentation_spleen.pt", WireAssert.Token(info.AdditionalProperties["path"]).Value<string>());
    }
}
