using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using MonaiLabel.Client.Tests.Wire;
using Xunit;

namespace MonaiLabel.Client.Tests.Interactive;

/// <summary>
/// One test per inference row of <c>../shared/reference/clients.md</c>: the typed request puts on the wire exactly
/// what that client sends — the query, the file parts and the params JSON (compared as JSON, key for key).
/// </summary>
public class ClientShapeWireTests
{
    private static readonly byte[] Scribbles = Encoding.ASCII.GetBytes("NRRD0004\nscribbles");

    private static async Task<WireRequest> SendAsync(
        ModelCapabilities model, InferRequest request, string capture = "14_post_infer_output_json", string? clientId = null)
    {
        using var wire = new WireMockServerFixture();
        using var results = new TempResultDir();
        wire.RespondWithCapture(capture);
        var client = wire.CreateClient(o => o.ClientId = clientId);
        request.ResultDirectory = results.Dir;
        await client.InferAsync(model, request);
        return wire.SingleRequest();
    }

    private static void AssertParams(WireRequest request, string expectedJson, params string[] parts)
    {
        var body = request.Multipart();
        Assert.Equal(new[] { "params" }.Concat(parts), body.PartNames);
        WireAssert.JsonEqual(expectedJson, body.Part("params").Text);
    }

    [Fact]
    public async Task Slicer_auto_segmentation_sends_config_defaults_and_nrrd_uint8_with_the_client_id()
    {
        var model = InteractiveModels.Get("segmentation_multi");
        var request = await SendAsync(model, new InferRequest
        {
            ImageId = "spleen_10",
            Params = model.GetConfigDefaults(),
            ResultOptions = new InferResultOptions { Extension = ".nrrd", DataType = "uint8" },
        }, "11_post_infer_multipart", clientId: "slicer");

        request.AssertRoute("POST", "/infer/segmentation_multi", "image=spleen_10");
        AssertParams(request, """{"device": "cuda", "largest_cc": false, "result_extension": ".nrrd", "result_dtype": "uint8", "client_id": "slicer"}""");
    }

    [Fact]
    public async Task Ohif_v3_auto_segmentation_asks_for_the_image_only_uncompressed_without_restored_indices()
    {
        var request = await SendAsync(InteractiveModels.Get("segmentation_spleen"), new InferRequest
        {
            ImageId = "spleen_10",
            Output = InferOutput.Image,
            ResultOptions = new InferResultOptions { Extension = ".nrrd", DataType = "uint8", Compress = false, RestoreLabelIndices = false },
        }, "13_post_infer_output_image");

        request.AssertRoute("POST", "/infer/segmentation_spleen", "image=spleen_10&output=image");
        AssertParams(request, """{"result_extension": ".nrrd", "result_dtype": "uint8", "result_compress": false, "restore_label_idx": false}""");
    }

    [Fact]
    public async Task Ohif_v2_auto_segmentation_asks_for_uint16()
    {
        var request = await SendAsync(InteractiveModels.Get("segmentation_spleen"), new InferRequest
        {
            ImageId = "spleen_10",
            Output = InferOutput.Image,
            ResultOptions = new InferResultOptions { Extension = ".nrrd", DataType = "uint16" },
        }, "13_post_infer_output_image");

        request.AssertRoute("POST", "/infer/segmentation_spleen", "image=spleen_10&output=image");
        AssertParams(request, """{"result_extension": ".nrrd", "result_dtype": "uint16"}""");
    }

    [Fact]
    public async Task Mitk_auto_segmentation_uploads_the_image_with_restore_label_idx_alone()
    {
        var request = await SendAsync(InteractiveModels.Get("segmentation_spleen"), new InferRequest
        {
            File = FileParameter.FromStream(new MemoryStream(WireSamples.Image), "case.nii.gz"),
            ResultOptions = new InferResultOptions { RestoreLabelIndices = true },
        }, "11_post_infer_multipart");

        request.AssertRoute("POST", "/infer/segmentation_spleen", "image=");
        AssertParams(request, """{"restore_label_idx": true}""", "file");
        Assert.Equal("case.nii.gz", request.Multipart().Part("file").FileName);
    }

    [Fact]
    public async Task Slicer_deepgrow_3d_clicks_send_label_points_and_config()
    {
        var model = InteractiveModels.Get("deepgrow_3d");
        var parameters = model.GetConfigDefaults();
        var request = await SendAsync(model, new InferRequest
        {
            ImageId = "spleen_10",
            Params = parameters,
            Prompt = new ClickPrompt { Label = "spleen", Foreground = { new VoxelPoint(70, 69, 33), new VoxelPoint(72, 70, 34) }, Background = { new VoxelPoint(10, 11, 33) } },
            ResultOptions = new InferResultOptions { Extension = ".nrrd", DataType = "uint8" },
        }, clientId: "slicer");

        AssertParams(request, """
            {"cache_transforms": true, "cache_transforms_in_memory": true, "cache_transforms_ttl": 300,
             "label": "spleen", "foreground": [[70, 69, 33], [72, 70, 34]], "background": [[10, 11, 33]],
             "result_extension": ".nrrd", "result_dtype": "uint8", "client_id": "slicer"}
            """);
    }

    [Fact]
    public async Task Slicer_sam2_2d_sends_slice_roi_reset_state_and_an_empty_background()
    {
        var request = await SendAsync(InteractiveModels.Get("sam_2d"), new InferRequest
        {
            ImageId = "spleen_10",
            Prompt = new ClickPrompt
            {
                Label = "spleen", Foreground = { new VoxelPoint(70, 69, 33) }, Roi = new VoxelBox(60, 80, 60, 80, 33, 33), Slice = 33, ResetState = true,
            },
        });

        AssertParams(request, """
            {"label": "spleen", "foreground": [[70, 69, 33]], "background": [], "roi": [60, 80, 60, 80, 33, 33], "slice": 33, "reset_state": true}
            """);
    }

    [Fact]
    public async Task Sam2_always_gets_a_background_key_even_empty()
    {
        var request = await SendAsync(InteractiveModels.Get("sam_3d"), new InferRequest
        {
            ImageId = "spleen_10",
            Prompt = new ClickPrompt { Foreground = { new VoxelPoint(1, 2, 3) } },
        });

        AssertParams(request, """{"foreground": [[1, 2, 3]], "background": []}""");
    }

    [Fact]
    public async Task Ohif_v3_clicks_send_foreground_and_background_only()
    {
        var request = await SendAsync(InteractiveModels.Get("deepgrow_2d"), new InferRequest
        {
            ImageId = "spleen_10",
            Prompt = new ClickPrompt { Foreground = { new VoxelPoint(5, 6, 12), new VoxelPoint(7, 8, 12) }, Background = { new VoxelPoint(1, 1, 12) } },
        });

        AssertParams(request, """{"foreground": [[5, 6, 12], [7, 8, 12]], "background": [[1, 1, 12]]}""");
    }

    [Fact]
    public async Task Mitk_clicks_send_points_with_z_0_in_2d_and_reset_state()
    {
        var request = await SendAsync(InteractiveModels.Get("sam_2d"), new InferRequest
        {
            ImageId = "slide_1",
            Prompt = new ClickPrompt { Foreground = { new VoxelPoint(40, 41, 0) }, Background = { new VoxelPoint(2, 3, 0) }, ResetState = false },
        });

        AssertParams(request, """{"foreground": [[40, 41, 0]], "background": [[2, 3, 0]], "reset_state": false}""");
    }

    [Fact]
    public async Task Cvat_uploads_the_frame_with_an_empty_image_and_asks_for_a_mask()
    {
        // CVAT's box is a flattened 2D box, not an IJK range: it goes in Params, beside the typed clicks.
        var request = await SendAsync(InteractiveModels.Get("deepgrow_2d"), new InferRequest
        {
            File = FileParameter.FromStream(new MemoryStream(new byte[] { 0xFF, 0xD8, 0xFF }), "frame.jpg", "image/jpeg"),
            Params = new Dictionary<string, object?> { ["output"] = "mask", ["roi"] = new[] { 10, 20, 110, 120 } },
            Prompt = new ClickPrompt { Foreground = { new VoxelPoint(50, 60, 0) } },
        });

        request.AssertRoute("POST", "/infer/deepgrow_2d", "image=");
        AssertParams(request, """{"output": "mask", "roi": [10, 20, 110, 120], "foreground": [[50, 60, 0]], "background": []}""", "file");
        Assert.Equal("frame.jpg", request.Multipart().Part("file").FileName);
    }

    [Fact]
    public async Task Slicer_and_ohif_deepedit_send_every_label_background_and_the_current_label()
    {
        var request = await SendAsync(InteractiveModels.Get("deepedit"), new InferRequest
        {
            ImageId = "spleen_10",
            Prompt = new DeepEditPrompt { Label = "spleen" }.Add("spleen", new VoxelPoint(70, 69, 33)).Add("background", new VoxelPoint(5, 5, 33)),
        });

        AssertParams(request, """{"spleen": [[70, 69, 33]], "liver": [], "background": [[5, 5, 33]], "label": "spleen"}""");
    }

    [Fact]
    public async Task Slicer_scribbles_send_the_label_file_with_label_info_and_roi()
    {
        var prompt = ScribblesPrompt.FromBytes(Scribbles, "scribbles.nrrd");
        prompt.LabelInfo.Add(new ScribbleLabel("spleen", 1));
        prompt.LabelInfo.Add(ScribbleLabel.Background(2));
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        prompt.Roi = new VoxelBox(0, 127, 0, 127, 10, 40);

        var request = await SendAsync(InteractiveModels.Get("Histogram+GraphCut"), new InferRequest { ImageId = "spleen_10", Prompt = prompt });

        // (The route is not asserted here: WireMock decodes the '+' of the model's name as a space; the real server
        // runs this model by name in the interactive conformance scenarios.)
        Assert.Equal("POST", request.Method);
        AssertParams(request, """
            {"label_info": [{"name": "spleen", "id": 1}, {"name": "background_scribbles", "id": 2}, {"name": "foreground_scribbles", "id": 3}],
             "roi": [0, 127, 0, 127, 10, 40]}
            """, "label");
        Assert.Equal("scribbles.nrrd", request.Multipart().Part("label").FileName);
        Assert.Equal(Scribbles, request.Multipart().Part("label").Content);
    }

    [Fact]
    public async Task Ohif_v2_scribbles_send_the_raw_labelmap_as_label_bin_with_label_info()
    {
        var labelmap = new byte[] { 0, 0, 2, 3, 3, 0 };
        var prompt = ScribblesPrompt.FromRawLabelmap(labelmap);
        prompt.LabelInfo.Add(ScribbleLabel.Background(2));
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));

        var request = await SendAsync(InteractiveModels.Get("Histogram+GraphCut"), new InferRequest { ImageId = "spleen_10", Prompt = prompt });

        AssertParams(request, """{"label_info": [{"name": "background_scribbles", "id": 2}, {"name": "foreground_scribbles", "id": 3}]}""", "label");
        Assert.Equal("label.bin", request.Multipart().Part("label").FileName);
        Assert.Equal(labelmap, request.Multipart().Part("label").Content);
    }

    [Fact]
    public async Task Ohif_v3_dicom_seg_output_sends_output_dicom_seg_with_label_info()
    {
        var labelInfo = new[] { new Dictionary<string, object> { ["idx"] = 1, ["name"] = "spleen", ["color"] = new[] { 255, 0, 0 } } };
        var request = await SendAsync(InteractiveModels.Get("segmentation_spleen"), new InferRequest
        {
            ImageId = "1.2.840.113619",
            Output = InferOutput.DicomSeg,
            Params = new Dictionary<string, object?> { ["label_info"] = labelInfo },
        }, "13_post_infer_output_image");

        request.AssertRoute("POST", "/infer/segmentation_spleen", "image=1.2.840.113619&output=dicom_seg");
        AssertParams(request, """{"label_info": [{"idx": 1, "name": "spleen", "color": [255, 0, 0]}]}""");
    }

    // VISTA-3D prompts (OHIF v3, model type "vista3d") have no server support on MONAI Label main: not modelled.
}
