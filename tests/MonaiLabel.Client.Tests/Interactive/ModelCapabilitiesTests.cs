using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Interactive;

/// <summary>Typed model capabilities from <c>/info/</c>: the real shapes, and odd ones that must still read.</summary>
public class ModelCapabilitiesTests
{
    private static ModelCapabilities Read(string entryJson) =>
        ModelCapabilities.FromAppInfo(JsonConvert.DeserializeObject<AppInfo>("{\"models\": {\"m\": " + entryJson + "}}")!)["m"];

    [Fact]
    public void The_reference_servers_interactive_models_read_with_kind_dimension_labels_and_config()
    {
        var sam = InteractiveModels.Get("sam_2d");
        Assert.Equal(ModelKind.Deepgrow, sam.Kind);
        Assert.Equal(2, sam.Dimension);
        Assert.Empty(sam.Labels);
        Assert.Equal("cuda", (string)sam.Config["device"].Default!);
        Assert.Equal(new[] { "cuda" }, sam.Config["device"].Choices.Select(c => (string)c!));
        Assert.False((bool)sam.Config["reset_state"].Default);
        Assert.Empty(sam.Config["reset_state"].Choices);
        Assert.Equal("Model 'sam_2d' (deepgrow, 2D)", sam.ToString());

        var deepedit = InteractiveModels.Get("deepedit");
        Assert.Equal(ModelKind.DeepEdit, deepedit.Kind);
        Assert.Equal(new[] { "spleen=1", "liver=2" }, deepedit.Labels.Select(l => l.ToString()));
        Assert.True(deepedit.HasLabel("liver"));
        Assert.False(deepedit.HasLabel("Liver"));

        Assert.Equal(ModelKind.Scribbles, InteractiveModels.Get("Histogram+GraphCut").Kind);
        var multi = InteractiveModels.Get("segmentation_multi");
        Assert.Equal(new[] { "spleen", "liver" }, multi.Labels.Select(l => l.Name));
        Assert.All(multi.Labels, l => Assert.Null(l.Index));
    }

    [Fact]
    public void Config_defaults_are_the_first_choice_of_a_list_and_the_value_otherwise()
    {
        var defaults = InteractiveModels.Get("segmentation_multi").GetConfigDefaults();
        WireAssert.JsonEqual("""{"device": "cuda", "largest_cc": false}""", JsonConvert.SerializeObject(defaults));
    }

    [Theory]
    [InlineData("segmentation")]
    [InlineData("annotation")]
    [InlineData("classification")]
    [InlineData("deepgrow")]
    [InlineData("deepedit")]
    [InlineData("scribbles")]
    [InlineData("detection")]
    [InlineData("others")]
    public void Every_infer_type_of_the_server_is_a_known_kind(string type)
    {
        var kind = Read($"{{\"type\": \"{type}\"}}").Kind!.Value;
        Assert.True(kind.IsKnown);
        Assert.Equal(type, kind.ToString());
        Assert.Equal(new ModelKind(type.ToUpperInvariant()), kind);
    }

    [Fact]
    public void An_unknown_kind_is_kept_as_its_string()
    {
        var model = Read("""{"type": "vista3d", "dimension": 3}""");
        Assert.Equal("vista3d", model.Kind.ToString());
        Assert.False(model.Kind!.Value.IsKnown);
    }

    [Fact]
    public void A_model_without_type_labels_dimension_or_config_still_reads()
    {
        var model = Read("{}");
        Assert.Null(model.Kind);
        Assert.Null(model.Dimension);
        Assert.Empty(model.Labels);
        Assert.Empty(model.Config);
        Assert.Empty(model.AdditionalProperties);
        model.Validate(new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { new VoxelPoint(1, 2, 3) } } });
    }

    [Theory]
    [InlineData("\"spleen\"", "spleen")]
    [InlineData("null", "")]
    [InlineData("7", "")]
    [InlineData("true", "")]
    [InlineData("[\"spleen\", 3, null, {\"x\": 1}, [\"y\"], \"spleen\", true]", "spleen,3")]
    [InlineData("{\"spleen\": 1, \"liver\": \"two\", \"kidney\": 2.0, \"big\": 99999999999}", "spleen=1,liver,kidney=2,big")]
    public void Labels_of_other_shapes_read_as_far_as_they_make_sense(string labelsJson, string expected)
    {
        var model = Read($"{{\"type\": \"segmentation\", \"labels\": {labelsJson}}}");
        Assert.Equal(expected, string.Join(",", model.Labels.Select(l => l.ToString())));
    }

    [Fact]
    public void Config_values_of_any_shape_are_kept()
    {
        var model = Read("""{"type": "deepgrow", "config": {"empty": [], "nested": {"a": [1, 2]}, "none": null, "n": 3.5, "list": [[1, 2], [3]]}}""");
        Assert.Equal(JTokenType.Null, model.Config["empty"].Default.Type);
        Assert.Empty(model.Config["empty"].Choices);
        Assert.Equal(JTokenType.Object, model.Config["nested"].Default.Type);
        Assert.Equal(JTokenType.Null, model.Config["none"].Value.Type);
        Assert.Equal(3.5, (double)model.Config["n"].Default);
        Assert.Equal("[1,2]", model.Config["list"].Default.ToString(Formatting.None));
        Assert.Equal(2, model.Config["list"].Choices.Count);
    }

    [Fact]
    public void Extra_keys_of_a_model_entry_are_kept()
    {
        var model = Read("""{"type": "annotation", "nuclick": true, "pathology": {"level": 0}}""");
        Assert.True((bool)model.AdditionalProperties["nuclick"]);
        Assert.Equal(0, (int)model.AdditionalProperties["pathology"]["level"]!);
    }

    [Fact]
    public async Task The_client_reads_every_models_capabilities_in_one_info_call()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(InteractiveModels.InfoJson);
        var client = wire.CreateClient();

        var models = await client.GetModelCapabilitiesAsync();

        wire.SingleRequest().AssertRoute("GET", "/info/");
        Assert.Equal(9, models.Count);
        Assert.Equal(ModelKind.Deepgrow, models["sam_3d"].Kind);
    }

    [Fact]
    public async Task An_unknown_model_name_is_not_found()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(InteractiveModels.InfoJson);
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetModelCapabilitiesAsync("sam_4d"));

        Assert.Equal(MonaiLabelErrorKind.NotFound, e.Kind);
        Assert.Contains("no model 'sam_4d'", e.Message, System.StringComparison.Ordinal);
        Assert.Equal("sam_3d", (await client.GetModelCapabilitiesAsync("sam_3d")).Name);
    }
}
