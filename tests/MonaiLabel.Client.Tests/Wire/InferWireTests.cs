using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>infer</c>: POST /infer/{model}, /infer/wsi_v2/{model}, /infer/wsi/{model}.</summary>
public class InferWireTests
{
    private const string WsiJson =
        "{\"level\":0,\"location\":[1024,2048],\"size\":[512,512],\"tile_size\":[256,256],\"min_poly_area\":40,\"params\":{\"logging\":\"INFO\"}}";

    // ASAP XML, as written by the WSI post-transforms for output=asap.
    private const string AsapXml =
        "<?xml version=\"1.0\"?>\n<ASAP_Annotations><Annotations>" +
        "<Annotation Name=\"tumor_0\" Type=\"Polygon\" PartOfGroup=\"tumor\" Color=\"#ff0000\"><Coordinates>" +
        "<Coordinate Order=\"0\" X=\"1030\" Y=\"2050\"/><Coordinate Order=\"1\" X=\"1100\" Y=\"2050\"/>" +
        "<Coordinate Order=\"2\" X=\"1100\" Y=\"2120\"/></Coordinates></Annotation>" +
        "</Annotations><AnnotationGroups><Group Name=\"tumor\" PartOfGroup=\"None\" Color=\"#ff0000\"/></AnnotationGroups></ASAP_Annotations>\n";

    [Fact]
    [WireTest("infer")]
    public async Task Infer_posts_the_params_part_for_a_datastore_image_and_returns_the_multipart_answer_raw()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("11_post_infer_multipart");
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync("segmentation_spleen", image: "wire_case", @params: "{\"mlref_transform\": \"copy\"}");

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case");
        var body = request.Multipart();
        var parameters = Assert.Single(body.Parts);
        Assert.Equal("params", parameters.Name);
        Assert.Null(parameters.FileName);
        Assert.Equal("{\"mlref_transform\": \"copy\"}", parameters.Text);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("multipart/form-data; boundary=91828f88feea46c7b1d2f1d9b2105293", WireAssert.Header(answer, "Content-Type"));
        var bytes = WireAssert.ReadAll(answer.Stream);
        Assert.Equal(capture.Body, bytes);

        // The raw answer is the server's multipart: part "params" (the result JSON), then part "image" (the file).
        var result = SentMultipartBody.Parse(bytes, WireAssert.Header(answer, "Content-Type")!);
        Assert.Equal(new[] { "params", "image" }, result.PartNames);
        Assert.Equal("application/json", result.Part("params").ContentType);
        Assert.Equal("segmentation_spleen", JObject.Parse(result.Part("params").Text)["model"]!.Value<string>());
        Assert.Equal("tmp5ur3p6jf.nii.gz", result.Part("image").FileName);
        Assert.Equal(WireSamples.Image, result.Part("image").Content);
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_output_image_sends_output_image_and_streams_the_result_file()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("13_post_infer_output_image");
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync("segmentation_spleen", image: "wire_case", output: InferOutput.Image, @params: "{\"mlref_transform\": \"copy\"}");

        wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=image");
        Assert.Equal("application/octet-stream", WireAssert.Header(answer, "Content-Type"));
        Assert.Equal("attachment; filename=\"tmp9r74f209.nii.gz\"", WireAssert.Header(answer, "Content-Disposition"));
        Assert.Equal(WireSamples.Image, WireAssert.ReadAll(answer.Stream));
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_output_json_sends_output_json_and_returns_the_result_JSON()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync("segmentation_spleen", image: "wire_case", output: InferOutput.Json, @params: "{\"mlref_transform\": \"copy\"}");

        wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=json");
        Assert.Equal("application/json", WireAssert.Header(answer, "Content-Type"));
        var result = JObject.Parse(new StreamReader(answer.Stream, Encoding.UTF8).ReadToEnd());
        WireAssert.JsonEqual(JObject.Parse(capture.BodyText), result);
        Assert.Equal(1, result["label_names"]!["spleen"]!.Value<int>());
        Assert.Equal(JTokenType.Null, result["latencies"]!["transform"]!.Type);
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_with_uploaded_file_and_label_sends_params_file_and_label_parts()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", "application/octet-stream")
            .WithHeader("content-disposition", "attachment; filename=\"tmpjyc37pja.nii.gz\"")
            .WithBody(WireSamples.Image));
        var client = wire.CreateClient();
        var scribbles = new byte[] { 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40 };

        using var answer = await client.Rest.InferAsync(
            "deepedit",
            output: InferOutput.Image,
            @params: "{\"foreground\": [[10, 20, 30]], \"background\": []}",
            file: WireSamples.File(WireSamples.Image, "upload.nii.gz", "application/octet-stream"),
            label: WireSamples.File(scribbles, "scribbles.bin"));

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/deepedit", "output=image");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file", "label" }, body.PartNames);
        WireAssert.JsonEqual("{\"foreground\":[[10,20,30]],\"background\":[]}", body.Part("params").Text);
        Assert.Equal("upload.nii.gz", body.Part("file").FileName);
        Assert.Equal("application/octet-stream", body.Part("file").ContentType);
        Assert.Equal(WireSamples.Image, body.Part("file").Content);
        Assert.Equal("scribbles.bin", body.Part("label").FileName);
        Assert.Equal(scribbles, body.Part("label").Content);
        Assert.Equal(WireSamples.Image, WireAssert.ReadAll(answer.Stream));
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_on_a_session_sends_session_id_and_output_all()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync(
            "segmentation_spleen", sessionId: "5b0cd2d6-8d3c-4f5e-9a57-0c4b7d2c1e9f", output: InferOutput.All, @params: "{}");

        wire.SingleRequest().AssertRoute(
            "POST", "/infer/segmentation_spleen", "session_id=5b0cd2d6-8d3c-4f5e-9a57-0c4b7d2c1e9f&output=all");
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_output_dicom_seg_sends_output_dicom_seg()
    {
        using var wire = new WireMockServerFixture();
        var dicom = new byte[132];
        Encoding.ASCII.GetBytes("DICM").CopyTo(dicom, 128);
        wire.RespondWith(Response.Create().WithStatusCode(200).WithHeader("content-type", "application/dicom").WithBody(dicom));
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync("segmentation_spleen", image: "1.2.826.0.1.3680043.8.274.1.1.8323329.686549", output: InferOutput.DicomSeg, @params: "{}");

        wire.SingleRequest().AssertRoute(
            "POST", "/infer/segmentation_spleen", "image=1.2.826.0.1.3680043.8.274.1.1.8323329.686549&output=dicom_seg");
        Assert.Equal("application/dicom", WireAssert.Header(answer, "Content-Type"));
        Assert.Equal(dicom, WireAssert.ReadAll(answer.Stream));
    }

    [Fact]
    [WireTest("infer")]
    public async Task Infer_without_params_or_files_sends_no_nameless_part()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("12_post_infer_multipart_nobody");
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferAsync("segmentation_spleen", image: "wire_case");

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case");
        Assert.True(
            request.Body.Length == 0 || request.Multipart().Parts.All(p => p.Name != null),
            "Sent a part without a form name: " + request.BodyText);
    }

    [Fact]
    [WireTest("inferWsi")]
    public async Task InferWsi_posts_the_wsi_part_to_infer_wsi_v2_and_streams_the_annotation_file()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", "application/xml")
            .WithHeader("content-disposition", "attachment; filename=\"tmpw8x1k2ab.xml\"")
            .WithBody(Encoding.UTF8.GetBytes(AsapXml)));
        var client = wire.CreateClient();

        using var answer = await client.Rest.InferWsiAsync("segmentation_tissue", image: "JP2K-33003-1", output: WsiInferOutput.Asap, wsi: WsiJson);

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/wsi_v2/segmentation_tissue", "image=JP2K-33003-1&output=asap");
        var body = request.Multipart();
        Assert.Equal(new[] { "wsi" }, body.PartNames);
        Assert.Equal(WsiJson, body.Part("wsi").Text);
        Assert.Equal("attachment; filename=\"tmpw8x1k2ab.xml\"", WireAssert.Header(answer, "Content-Disposition"));
        Assert.Equal(AsapXml, Encoding.UTF8.GetString(WireAssert.ReadAll(answer.Stream)));
    }

    [Fact]
    [WireTest("inferWsi")]
    public async Task InferWsi_with_an_uploaded_slide_sends_file_then_wsi_and_output_json()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"annotations\":[],\"latencies\":{\"total\":0.1}}");
        var client = wire.CreateClient();
        var slide = new byte[] { 0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00 }; // TIFF header

        using var answer = await client.Rest.InferWsiAsync(
            "segmentation_tissue", output: WsiInferOutput.Json, file: WireSamples.File(slide, "slide.tif", "image/tiff"), wsi: WsiJson);

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/wsi_v2/segmentation_tissue", "output=json");
        var body = request.Multipart();
        Assert.Equal(new[] { "file", "wsi" }, body.PartNames);
        Assert.Equal("slide.tif", body.Part("file").FileName);
        Assert.Equal("image/tiff", body.Part("file").ContentType);
        Assert.Equal(slide, body.Part("file").Content);
        var result = JObject.Parse(new StreamReader(answer.Stream).ReadToEnd());
        Assert.Empty((JArray)result["annotations"]!);
    }

    [Fact]
    [WireTest("inferWsiLegacy")]
    public async Task InferWsiLegacy_posts_the_WsiInput_as_JSON_to_infer_wsi_and_returns_the_answer_raw()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", "application/json")
            .WithHeader("content-disposition", "attachment; filename=\"tmpq0d9s7zz.json\"")
            .WithBody(Encoding.UTF8.GetBytes("{\"elements\":[{\"type\":\"polyline\",\"closed\":true,\"points\":[[1030,2050,0]]}]}")));
        var client = wire.CreateClient();

#pragma warning disable CS0612, CS0618 // POST /infer/wsi/{model} is deprecated (hidden by the server) but still served.
        using var answer = await client.Rest.InferWsiLegacyAsync(
            "segmentation_tissue",
            image: "JP2K-33003-1",
            output: WsiInferOutput.Dsa,
            body: new WsiInput
            {
                Level = 0,
                Location = new[] { 1024, 2048 },
                Size = new[] { 512, 512 },
                TileSize = new[] { 256, 256 },
                MinPolyArea = 40,
                Params = new System.Collections.Generic.Dictionary<string, object> { ["logging"] = "INFO" },
            });
#pragma warning restore CS0612, CS0618

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/wsi/segmentation_tissue", "image=JP2K-33003-1&output=dsa");
        Assert.Equal("application/json", request.ContentType);
        WireAssert.JsonEqual(WsiJson, request.BodyText);
        var result = JObject.Parse(new StreamReader(answer.Stream).ReadToEnd());
        Assert.Equal("polyline", result["elements"]![0]!["type"]!.Value<string>());
    }

    [Fact]
    [WireTest("inferWsiLegacy")]
    public async Task InferWsiLegacy_with_a_default_WsiInput_sends_level_and_min_poly_area_defaults_only()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

#pragma warning disable CS0612, CS0618 // POST /infer/wsi/{model} is deprecated (hidden by the server) but still served.
        using var answer = await client.Rest.InferWsiLegacyAsync("segmentation_tissue", sessionId: "s1", output: WsiInferOutput.Json, body: new WsiInput());
#pragma warning restore CS0612, CS0618

        var request = wire.SingleRequest().AssertRoute("POST", "/infer/wsi/segmentation_tissue", "session_id=s1&output=json");
        WireAssert.JsonEqual("{\"level\":0,\"min_poly_area\":80}", request.BodyText);
    }
}
