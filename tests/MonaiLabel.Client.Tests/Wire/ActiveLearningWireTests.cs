using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>activelearning</c>: POST /activelearning/{strategy}.</summary>
public class ActiveLearningWireTests
{
    // The server's answer: next_sample's {id, path} updated with the stored image info (name, ts, strategy, ...).
    private const string NextSampleJson =
        "{\"id\":\"spleen_10\",\"path\":\"/data/datasets/Task09_Spleen/imagesTr/spleen_10.nii.gz\"," +
        "\"ts\":1795547549,\"name\":\"spleen_10.nii.gz\"," +
        "\"strategy\":{\"random\":{\"ts\":1795547600,\"client_id\":\"wire-client\"}}," +
        "\"checksum\":\"SHA256:8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4\"}";

    [Fact]
    [WireTest("getNextSample")]
    public async Task GetNextSample_posts_the_JSON_params_to_activelearning_strategy_and_reads_typed_NextSample()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(NextSampleJson);
        var client = wire.CreateClient();

        var sample = await client.Rest.GetNextSampleAsync("random", body: new Dictionary<string, object> { ["client_id"] = "wire-client" });

        var request = wire.SingleRequest().AssertRoute("POST", "/activelearning/random");
        Assert.Equal("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"client_id\":\"wire-client\"}", request.BodyText);

        Assert.Equal("spleen_10", sample.Id);
        Assert.Equal("/data/datasets/Task09_Spleen/imagesTr/spleen_10.nii.gz", sample.Path);
        Assert.Equal("spleen_10.nii.gz", sample.Name);
        Assert.Equal(1795547549L, sample.Ts);
        var random = WireAssert.Token(sample.Strategy!["random"]);
        Assert.Equal(1795547600L, random["ts"]!.Value<long>());
        Assert.Equal("wire-client", random["client_id"]!.Value<string>());
        Assert.StartsWith("SHA256:", WireAssert.Token(sample.AdditionalProperties["checksum"]).Value<string>());
    }

    [Fact]
    [WireTest("getNextSample")]
    public async Task GetNextSample_without_params_sends_JSON_null_and_reads_the_empty_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var sample = await client.Rest.GetNextSampleAsync("first", body: null);

        var request = wire.SingleRequest().AssertRoute("POST", "/activelearning/first");
        // FastAPI reads a JSON null body as "no body" (the optional params default to None).
        Assert.Equal("null", request.BodyText);
        Assert.Null(sample.Id);
        Assert.Null(sample.Path);
        Assert.Null(sample.Strategy);
        Assert.Empty(sample.AdditionalProperties);
    }
}
