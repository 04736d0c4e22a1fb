using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>
/// The SDK's typed prompts (clicks, DeepEdit, scribbles, result options) checked against each model's capabilities
/// from <c>/info/</c>, and the interactive session, on both targets: what the model received
/// (<c>params.mlref.received</c>) is exactly the real clients' shape, and a session deleted behind the client's
/// back is re-created from the same file.
/// </summary>
[Collection(TargetCollection.Name)]
[Trait("Category", "Interactive")]
public sealed class TypedPromptScenarios(ServerFixture server) : Scenario(server)
{
    private MonaiLabelClient? client;

    [Fact]
    public async Task Capabilities_of_the_interactive_models_come_from_info()
    {
        var models = await (await ClientAsync()).GetModelCapabilitiesAsync();
        Assert.Equal(ModelKind.Deepgrow, models["sam_2d"].Kind);
        Assert.Equal(2, models["sam_2d"].Dimension);
        Assert.Empty(models["deepgrow_3d"].Labels);
        Assert.Equal(ModelKind.Scribbles, models["Histogram+GraphCut"].Kind);
        Assert.True(models["Histogram+GraphCut"].HasLabel("liver"));
        Assert.Equal("cuda", (string?)models["sam_3d"].Config["device"].Default);
        Assert.Equal(64, (int)models["Histogram+GraphCut"].Config["num_bins"].Default);
    }

    [Fact]
    public async Task A_click_prompt_to_deepgrow_2d_reaches_the_model_as_Slicer_sends_it()
    {
        var prompt = new ClickPrompt { Label = "spleen", Slice = 4, Roi = new VoxelBox(0, 30, 0, 30, 4, 4) };
        prompt.Foreground.Add(new VoxelPoint(10, 20, 4));
        prompt.Background.Add(new VoxelPoint(1, 2, 4));
        var received = await InferAsync("deepgrow_2d", new InferRequest { Prompt = prompt });
        Assert.Equal("[[10,20,4]]", Json(received["foreground"]));
        Assert.Equal("[[1,2,4]]", Json(received["background"]));
        Assert.Equal(4, (int)received["slice"]!);
        Assert.Equal("spleen", (string?)received["label"]);
        Assert.Equal("[0,30,0,30,4,4]", Json(received["roi"]));
    }

    [Fact]
    public async Task A_click_prompt_to_sam2_without_background_points_still_sends_the_background_key_the_model_needs()
    {
        var prompt = new ClickPrompt();
        prompt.Foreground.Add(new VoxelPoint(10, 20, 30));
        var received = await InferAsync("sam_3d", new InferRequest { Prompt = prompt });
        Assert.Equal("[]", Json(received["background"]));
        Assert.Equal("[[10,20,30]]", Json(received["foreground"]));
    }

    [Fact]
    public async Task A_deepedit_prompt_sends_points_under_each_label_and_the_current_label()
    {
        var prompt = new DeepEditPrompt { Label = "spleen" }
            .Add("spleen", new VoxelPoint(10, 20, 30))
            .Add(DeepEditPrompt.BackgroundKey, new VoxelPoint(1, 2, 3));
        var received = await InferAsync("deepedit", new InferRequest { Prompt = prompt, Params = new System.Collections.Generic.Dictionary<string, object?> { ["mlref_require_clicks"] = true } });
        Assert.Equal("[[10,20,30]]", Json(received["spleen"]));
        Assert.Equal("[[1,2,3]]", Json(received["background"]));
        Assert.Equal("spleen", (string?)received["label"]);
    }

    [Fact]
    public async Task A_scribbles_prompt_sends_the_label_file_and_label_info()
    {
        var bytes = Data(NewId("scr"), 256);
        var prompt = ScribblesPrompt.FromFile(WriteFile("scribbles.nrrd", bytes));
        prompt.LabelInfo.Add(ScribbleLabel.Background(2));
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        var received = await InferAsync("Histogram+GraphCut", new InferRequest { Prompt = prompt });
        Assert.Equal(Sha256(bytes), (string?)received["label_file"]!["sha256"]);
        Assert.Equal(".nrrd", (string?)received["label_file"]!["ext"]);
        Assert.Equal("[{\"name\":\"background_scribbles\",\"id\":2},{\"name\":\"foreground_scribbles\",\"id\":3}]", Json(received["label_info"]));
    }

    [Fact]
    public async Task Result_options_send_the_writer_keys_and_name_the_file()
    {
        var prompt = new ClickPrompt();
        prompt.Foreground.Add(new VoxelPoint(1, 2, 3));
        var options = new InferResultOptions { Extension = ".nrrd", DataType = "uint8", Compress = false, RestoreLabelIndices = true };
        var received = await InferAsync("deepgrow_3d", new InferRequest { Prompt = prompt, ResultOptions = options }, ".nrrd");
        Assert.Equal(".nrrd", (string?)received["result_extension"]);
        Assert.Equal("uint8", (string?)received["result_dtype"]);
        Assert.False((bool)received["result_compress"]!);
        Assert.True((bool)received["restore_label_idx"]!);
    }

    [Fact]
    public async Task A_2d_models_points_on_two_slices_without_a_slice_are_refused_before_sending()
    {
        var models = await (await ClientAsync()).GetModelCapabilitiesAsync();
        var prompt = new ClickPrompt();
        prompt.Foreground.Add(new VoxelPoint(1, 2, 3));
        prompt.Foreground.Add(new VoxelPoint(1, 2, 9));
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => client!.InferAsync(models["sam_2d"], new InferRequest { ImageId = "never-sent", Prompt = prompt, ResultDirectory = Temp }));
        Assert.Contains("sam_2d", e.Message, StringComparison.Ordinal);
        Assert.Contains("slice", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Temp, "*", SearchOption.AllDirectories));
    }

    /// <summary>The Slicer pattern: one upload, clicks by session id; a session the server dropped is re-created once.</summary>
    [Fact]
    public async Task An_interactive_session_survives_its_deletion_behind_the_clients_back()
    {
        var c = await ClientAsync();
        var models = await c.GetModelCapabilitiesAsync();
        var bytes = Data(NewId("isess"), 4096);
        var path = WriteFile("volume.nii.gz", bytes);
        await using var session = await c.StartInteractiveSessionAsync(path);
        var prompt = new ClickPrompt();
        prompt.Foreground.Add(new VoxelPoint(5, 6, 7));

        var first = await session.InferAsync(models["sam_3d"], new InferRequest { Prompt = prompt, ResultDirectory = Temp, Overwrite = true });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(first.Label!.Path));
        Assert.True((bool)first.Params!["mlref"]!["session"]!);
        var original = session.SessionId;

        await c.DeleteSessionAsync(original); // behind the session's back: the next infer meets an opaque 500
        var second = await session.InferAsync(models["sam_3d"], new InferRequest { Prompt = prompt, ResultDirectory = Temp, Overwrite = true });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(second.Label!.Path));
        Assert.Equal(1, session.Recreations);
        Assert.NotEqual(original, session.SessionId);
        Assert.Equal("[[5,6,7]]", Json(second.Params!["mlref"]!["received"]!["foreground"]));
    }

    private async Task<MonaiLabelClient> ClientAsync() => client ??= Own(new MonaiLabelClient(await Server.InteractiveUrlAsync()));

    /// <summary>Infers on a fresh image by id, checked against the model's capabilities; answers what the model received.</summary>
    private async Task<JObject> InferAsync(string model, InferRequest request, string extension = ".nii.gz")
    {
        var c = await ClientAsync();
        var capabilities = await c.GetModelCapabilitiesAsync(model);
        var id = NewId("typed");
        var image = await SeedImageAsync(id, c);
        request.ImageId = id;
        request.ResultDirectory = Temp;
        var result = await c.InferAsync(capabilities, request);
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.EndsWith(extension, result.Label.FileName, StringComparison.Ordinal);
        return (JObject)result.Params!["mlref"]!["received"]!;
    }

    private static string Json(JToken? token) => token!.ToString(Formatting.None);
}
