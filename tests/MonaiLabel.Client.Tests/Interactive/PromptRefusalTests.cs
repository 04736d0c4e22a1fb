using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Interactive;

/// <summary>
/// Every refusal of a prompt the model cannot take: an ArgumentException naming the model, the prompt field and
/// what it expects — and nothing sent (the server then sees only the valid request sent after it).
/// </summary>
public class PromptRefusalTests
{
    private static readonly VoxelPoint P = new(10, 20, 30);

    private static async Task<ArgumentException> AssertRefusedAsync(string modelName, InferRequest request, string field, string expectation)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();
        var model = InteractiveModels.Get(modelName);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.InferAsync(model, request));
        Assert.Throws<ArgumentException>(() => model.Validate(request));

        Assert.Contains($"Model '{modelName}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"prompt field '{field}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(expectation, refused.Message, StringComparison.Ordinal);
        Assert.Equal("request", refused.ParamName);

        // Nothing went out: the only request the server sees is this valid one.
        await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "after", Output = InferOutput.Json });
        wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=after&output=json");
        return refused;
    }

    [Fact]
    public async Task Clicks_to_a_model_that_takes_none()
    {
        var e = await AssertRefusedAsync(
            "segmentation_spleen", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { P } } },
            "foreground", "is not taken by a segmentation model: it takes no prompt");
        Assert.StartsWith("Model 'segmentation_spleen' (segmentation, 3D): ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicks_to_deepedit_which_takes_points_per_label() =>
        await AssertRefusedAsync(
            "deepedit", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { P } } },
            "foreground", "it takes a DeepEditPrompt");

    [Fact]
    public async Task A_deepgrow_model_without_a_prompt() =>
        await AssertRefusedAsync("deepgrow_3d", new InferRequest { ImageId = "i" }, "foreground", "needs at least one point");

    [Fact]
    public async Task A_deepgrow_model_with_background_clicks_only() =>
        await AssertRefusedAsync(
            "sam_3d", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Background = { P } } },
            "foreground", "needs at least one point");

    [Fact]
    public async Task A_point_with_a_negative_index() =>
        await AssertRefusedAsync(
            "deepgrow_3d", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { P, new VoxelPoint(1, -2, 3) } } },
            "foreground[1]", "is a voxel index [i, j, k] with no negative value; got [1, -2, 3]");

    [Theory]
    [InlineData("10,20")]
    [InlineData("10,20,30,40")]
    [InlineData("10,20,3.5")]
    [InlineData("a,b,c")]
    [InlineData("")]
    public void A_point_that_is_not_three_integers_is_refused_where_it_is_read(string text)
    {
        var e = Assert.Throws<FormatException>(() => VoxelPoint.Parse(text));
        Assert.Contains("expected three integers i,j,k", e.Message, StringComparison.Ordinal);
        Assert.False(VoxelPoint.TryParse(text, out _));
    }

    [Fact]
    public void Points_and_boxes_read_from_text()
    {
        Assert.Equal(new VoxelPoint(10, 20, 3), VoxelPoint.Parse("10,20,3"));
        Assert.Equal(new VoxelPoint(10, 20, 3), VoxelPoint.Parse("[10, 20, 3]"));
        Assert.Equal(new VoxelBox(1, 2, 3, 4, 5, 6), VoxelBox.Parse("1,2,3,4,5,6"));
        Assert.Throws<FormatException>(() => VoxelBox.Parse("1,2,3,4,5"));
    }

    [Fact]
    public async Task A_2d_models_points_on_two_slices_without_slice()
    {
        var e = await AssertRefusedAsync(
            "sam_2d", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { new VoxelPoint(1, 2, 7), new VoxelPoint(1, 2, 9) } } },
            "slice", "is needed: the points lie on slices 7, 9 and a 2D model works on one");
        Assert.StartsWith("Model 'sam_2d' (deepgrow, 2D): ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2d_models_point_off_the_given_slice() =>
        await AssertRefusedAsync(
            "deepgrow_2d",
            new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { new VoxelPoint(1, 2, 7) }, Background = { new VoxelPoint(3, 3, 8) }, Slice = 7 } },
            "background[0]", "lies on slice 8, but 'slice' is 7");

    [Fact]
    public async Task A_negative_slice() =>
        await AssertRefusedAsync(
            "sam_2d", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { new VoxelPoint(1, 2, 0) }, Slice = -1 } },
            "slice", "never negative");

    [Fact]
    public async Task A_box_whose_start_is_after_its_end() =>
        await AssertRefusedAsync(
            "sam_3d", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { P }, Roi = new VoxelBox(50, 40, 0, 10, 0, 10) } },
            "roi", "with 0 <= start <= end in each range; got [50, 40, 0, 10, 0, 10]");

    [Fact]
    public async Task A_deepedit_point_under_a_label_the_model_does_not_have() =>
        await AssertRefusedAsync(
            "deepedit", new InferRequest { ImageId = "i", Prompt = new DeepEditPrompt().Add("spleen", P).Add("kidney", P) },
            "kidney", "is not a label of the model: points go under one of spleen, liver, background");

    [Fact]
    public async Task A_deepedit_current_label_the_model_does_not_have() =>
        await AssertRefusedAsync(
            "deepedit", new InferRequest { ImageId = "i", Prompt = new DeepEditPrompt { Label = "kidney" }.Add("spleen", P) },
            "label", "names the label being edited, one of spleen, liver; got \"kidney\"");

    [Fact]
    public async Task Deepedit_points_to_a_deepgrow_model() =>
        await AssertRefusedAsync(
            "deepgrow_3d", new InferRequest { ImageId = "i", Prompt = new DeepEditPrompt().Add("spleen", P) },
            "points", "are not taken by a deepgrow model: it takes a ClickPrompt");

    [Fact]
    public async Task Scribbles_without_a_label_file() =>
        await AssertRefusedAsync(
            "Histogram+GraphCut", new InferRequest { ImageId = "i" },
            "label", "is needed: a scribbles model takes a ScribblesPrompt (a label file and label_info)");

    [Fact]
    public async Task Scribbles_without_label_info() =>
        await AssertRefusedAsync(
            "Histogram+GraphCut", new InferRequest { ImageId = "i", Prompt = ScribblesPrompt.FromBytes(new byte[] { 1 }, "s.nrrd") },
            "label_info", "needs at least one {name, id} entry");

    [Fact]
    public async Task A_scribbles_label_file_given_twice()
    {
        var prompt = ScribblesPrompt.FromBytes(new byte[] { 1 }, "s.nrrd");
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        await AssertRefusedAsync(
            "Histogram+GraphCut", new InferRequest { ImageId = "i", Prompt = prompt, Label = new FileParameter(new System.IO.MemoryStream(new byte[1]), "l.nrrd") },
            "label", "is given twice");
    }

    [Fact]
    public async Task A_raw_labelmap_without_a_datastore_image()
    {
        var prompt = ScribblesPrompt.FromRawLabelmap(new byte[] { 0, 3 });
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        await AssertRefusedAsync(
            "Histogram+GraphCut", new InferRequest { SessionId = "s", Prompt = prompt },
            "label", "needs InferRequest.ImageId");
    }

    [Fact]
    public async Task Scribbles_to_a_deepgrow_model()
    {
        var prompt = ScribblesPrompt.FromBytes(new byte[] { 1 }, "s.nrrd");
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        await AssertRefusedAsync("sam_3d", new InferRequest { ImageId = "i", Prompt = prompt }, "label", "is not taken by a deepgrow model");
    }

    [Fact]
    public async Task A_params_key_the_prompt_also_sets() =>
        await AssertRefusedAsync(
            "sam_3d",
            new InferRequest { ImageId = "i", Params = new Dictionary<string, object?> { ["foreground"] = new[] { new[] { 1, 2, 3 } } }, Prompt = new ClickPrompt { Foreground = { P } } },
            "foreground", "is set twice");

    [Theory]
    [InlineData("nrrd")]
    [InlineData(".")]
    [InlineData("../x.nrrd")]
    public async Task A_result_extension_that_is_not_one(string extension) =>
        await AssertRefusedAsync(
            "segmentation_spleen", new InferRequest { ImageId = "i", ResultOptions = new InferResultOptions { Extension = extension } },
            "result_extension", "is a file extension starting with a dot");

    [Fact]
    public async Task A_result_dtype_that_is_not_a_type_name() =>
        await AssertRefusedAsync(
            "segmentation_spleen", new InferRequest { ImageId = "i", ResultOptions = new InferResultOptions { DataType = "uint8; rm" } },
            "result_dtype", "is a NumPy type name");

    [Fact]
    public async Task Dicom_seg_output_without_label_info() =>
        await AssertRefusedAsync(
            "segmentation_spleen", new InferRequest { ImageId = "i", Output = InferOutput.DicomSeg },
            "label_info", "is needed with output=dicom_seg");

    [Fact]
    public async Task Without_capabilities_the_shape_of_a_prompt_is_still_checked()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.InferAsync(
            "my_model", new InferRequest { ImageId = "i", Prompt = new ClickPrompt { Foreground = { new VoxelPoint(-1, 0, 0) } } }));

        Assert.StartsWith("Model 'my_model': prompt field 'foreground[0]' is a voxel index", e.Message, StringComparison.Ordinal);
        await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "after", Output = InferOutput.Json });
        wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=after&output=json");
    }

    [Fact]
    public async Task A_model_of_unknown_or_no_kind_takes_any_prompt_shape()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();
        var vista = new ModelCapabilities("vista3d", new ModelInfoEntry { Type = "vista3d", Dimension = 3 });

        await client.InferAsync(vista, new InferRequest { ImageId = "i", Output = InferOutput.Json, Prompt = new ClickPrompt { Foreground = { P } } });

        WireAssert.JsonEqual("""{"foreground": [[10, 20, 30]], "background": []}""", wire.SingleRequest().Multipart().Part("params").Text);
    }
}
