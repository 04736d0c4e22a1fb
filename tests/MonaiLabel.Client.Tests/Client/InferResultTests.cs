using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// <c>InferAsync(model, InferRequest)</c>: the answer read by its content type (multipart, single file, JSON) into
/// params and saved files, and what the request carries.
/// </summary>
public class InferResultTests
{
    private const string CapturedParams =
        "{\"label_names\": {\"spleen\": 1}, \"latencies\": {\"pre\": 0.0, \"infer\": 0.0, \"invert\": 0.0, \"post\": 0.0, \"write\": 0.0, " +
        "\"total\": 0.0, \"transform\": null}, \"centroids\": {}, \"model\": \"segmentation_spleen\", \"mlref\": {\"transform\": \"copy\", " +
        "\"label_size\": 29, \"label_sha256\": \"eae7ebc2470d7316225628e2e8044cd22ff2624dbafdb170e3a9a99f9687686b\", " +
        "\"label_name\": \"tmp5ur3p6jf.nii.gz\", \"image\": \"/tmp/mlref/work/studies/wire_case.nii.gz\", \"client_id\": null}}";

    [Fact]
    public async Task Infer_reads_the_real_multipart_answer_byte_exact()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("11_post_infer_multipart");
        Assert.Equal("multipart/form-data; boundary=91828f88feea46c7b1d2f1d9b2105293", capture.Header("content-type"));
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest
        {
            ImageId = "wire_case",
            Params = new Dictionary<string, object?> { ["mlref_transform"] = "copy" },
            ResultDirectory = dir.Dir,
        });

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case");
        Assert.Equal(new[] { "params" }, request.Multipart().PartNames);
        WireAssert.JsonEqual("{\"mlref_transform\":\"copy\"}", request.Multipart().Part("params").Text);

        WireAssert.JsonEqual(CapturedParams, result.Params!.ToString());
        Assert.Empty(result.Fields);
        var label = Assert.Single(result.Files);
        Assert.Same(label, result.Label);

        var expected = ClientTest.PartBytes(
            capture.Body,
            "filename=\"tmp5ur3p6jf.nii.gz\"\r\nContent-Type: application/octet-stream",
            "91828f88feea46c7b1d2f1d9b2105293");
        Assert.Equal(29, expected.Length);
        dir.AssertSavedInside(label, expected);
        Assert.Equal((string?)result.Params["mlref"]!["label_sha256"], ClientTest.Sha256Hex(File.ReadAllBytes(label.Path)));
        // Saved under the image and model (issue 17), not the server's temporary name, which is reported.
        Assert.Equal("wire_case_segmentation_spleen.nii.gz", label.FileName);
        Assert.Equal(dir.PathOf("wire_case_segmentation_spleen.nii.gz"), label.Path);
        Assert.Equal("tmp5ur3p6jf.nii.gz", label.RawFileName);
        Assert.Equal("application/octet-stream", label.ContentType);
        Assert.Equal(new[] { "wire_case_segmentation_spleen.nii.gz" }, dir.FileNames);
    }

    [Fact]
    public async Task Infer_output_all_asks_for_all_and_reads_the_multipart_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("11_post_infer_multipart");
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "wire_case", Output = InferOutput.All, ResultDirectory = dir.Dir });

        ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=all");
        Assert.Equal("segmentation_spleen", (string?)result.Params!["model"]);
        Assert.Equal("wire_case_segmentation_spleen.nii.gz", result.Label!.FileName);
    }

    [Fact]
    public async Task Infer_output_image_saves_the_single_file_answer_under_its_Starlette_name()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("13_post_infer_output_image");
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "wire_case", Output = InferOutput.Image, ResultDirectory = dir.Dir });

        ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=image");
        Assert.Null(result.Params);
        var file = Assert.Single(result.Files);
        dir.AssertSavedInside(file, capture.Body);
        Assert.Equal("wire_case_segmentation_spleen.nii.gz", file.FileName);
        Assert.Equal("tmp9r74f209.nii.gz", file.RawFileName);
        Assert.Equal("application/octet-stream", file.ContentType);
    }

    [Fact]
    public async Task Infer_output_json_answers_params_only_and_saves_nothing()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("14_post_infer_output_json");
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "wire_case", Output = InferOutput.Json, ResultDirectory = dir.Dir });

        ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=json");
        WireAssert.JsonEqual(capture.BodyText, result.Params!.ToString());
        Assert.Empty(result.Files);
        Assert.Null(result.Label);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Infer_output_dicom_seg_saves_the_dcm_file()
    {
        var dicom = ClientTest.BinaryBytes(7, 1024);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(dicom, "attachment; filename=\"label.dcm\"", "application/dicom"));
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest
        {
            ImageId = "wire_case",
            Output = InferOutput.DicomSeg,
            // The server needs label_info for a DICOM SEG (and the SDK refuses the request without it).
            Params = new System.Collections.Generic.Dictionary<string, object?> { ["label_info"] = new[] { new { idx = 1, name = "spleen" } } },
            ResultDirectory = dir.Dir,
        });

        ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case&output=dicom_seg");
        Assert.Null(result.Params);
        var file = Assert.Single(result.Files);
        dir.AssertSavedInside(file, dicom);
        Assert.Equal("wire_case_segmentation_spleen.dcm", file.FileName);
        Assert.Equal("label.dcm", file.RawFileName);
        Assert.Equal("application/dicom", file.ContentType);
    }

    [Fact]
    public async Task Infer_reads_a_plain_JSON_answer_when_there_is_no_result_image()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"label_names\":{},\"latencies\":{\"total\":0.1},\"file\":null}");
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("deepedit", new InferRequest { ImageId = "wire_case", ResultDirectory = dir.Dir });

        WireAssert.JsonEqual("{\"label_names\":{},\"latencies\":{\"total\":0.1},\"file\":null}", result.Params!.ToString());
        Assert.Empty(result.Files);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Infer_keeps_strings_that_look_like_dates_as_sent()
    {
        // Params come back to the caller exactly: no DateTime conversion of timestamp-like strings.
        const string json = "{\"ts\":\"2026-11-24T19:12:29.123456+01:00\",\"when\":\"2026-11-24 19:12:29\"}";
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(AnswerPart.Params(json)));
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var multipart = await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });

        Assert.Equal(JTokenType.String, multipart.Params!["ts"]!.Type);
        Assert.Equal("2026-11-24T19:12:29.123456+01:00", (string?)multipart.Params["ts"]);
        Assert.Equal("2026-11-24 19:12:29", (string?)multipart.Params["when"]);

        using var wire2 = new WireMockServerFixture();
        wire2.RespondWithJson(json);
        var plain = await wire2.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });
        Assert.Equal(JTokenType.String, plain.Params!["ts"]!.Type);
        Assert.Equal("2026-11-24T19:12:29.123456+01:00", (string?)plain.Params["ts"]);
    }

    [Fact]
    public async Task Infer_saves_every_file_part_of_a_multipart_answer_in_order()
    {
        var first = ClientTest.BinaryBytes(1);
        var second = ClientTest.BinaryBytes(2, 777);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{\"label_names\": {\"spleen\": 1}}"),
            AnswerPart.File("filename=\"label.nii.gz\"", first),
            new AnswerPart("form-data; name=\"extra\"", Encoding.UTF8.GetBytes("note")),
            new AnswerPart("form-data; name=\"probabilities\"; filename=\"probs.nii.gz\"", second, "application/gzip")));
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var result = await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });

        Assert.Equal(2, result.Files.Count);
        dir.AssertSavedInside(result.Files[0], first);
        dir.AssertSavedInside(result.Files[1], second);
        Assert.Equal("i_m.nii.gz", result.Label!.FileName);
        Assert.Equal("i_m_1.nii.gz", result.Files[1].FileName);
        Assert.Equal("probs.nii.gz", result.Files[1].RawFileName);
        Assert.Equal("application/gzip", result.Files[1].ContentType);
        Assert.Equal("note", result.Fields["extra"]);
        Assert.Equal(new[] { "i_m.nii.gz", "i_m_1.nii.gz" }, dir.FileNames);
    }

    [Fact]
    public async Task Infer_two_file_parts_with_the_same_name_are_both_kept()
    {
        var first = ClientTest.BinaryBytes(3);
        var second = ClientTest.BinaryBytes(4);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"x.nii.gz\"", first),
            AnswerPart.File("filename=\"x.nii.gz\"", second)));
        using var dir = new TempResultDir();

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });

        Assert.Equal(new[] { "i_m.nii.gz", "i_m_1.nii.gz" }, dir.FileNames);
        dir.AssertSavedInside(result.Files[0], first);
        dir.AssertSavedInside(result.Files[1], second);
        Assert.Equal("x.nii.gz", result.Files[1].RawFileName);
    }

    [Fact]
    public async Task Infer_uses_the_client_ResultDirectory_when_the_request_names_none()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("13_post_infer_output_image");
        using var dir = new TempResultDir(create: false);
        var client = wire.CreateClient(o => o.ResultDirectory = dir.Dir);

        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "wire_case", Output = InferOutput.Image });

        Assert.Equal(dir.PathOf("wire_case_segmentation_spleen.nii.gz"), result.Label!.Path);
    }

    [Fact]
    public async Task Infer_uploads_file_and_label_parts_with_ASCII_names_keeping_nii_gz()
    {
        using var inputs = new TempResultDir();
        var image = ClientTest.BinaryBytes(10);
        var scribbles = ClientTest.BinaryBytes(11, 64);
        var imagePath = ClientTest.WriteInput(inputs.Root, "Fall Ü 1.nii.gz", image);
        var labelPath = ClientTest.WriteInput(inputs.Root, "scribbles é.nii.gz", scribbles);
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("13_post_infer_output_image");
        var client = wire.CreateClient();

        await client.InferAsync("deepedit", new InferRequest
        {
            File = FileParameter.FromFile(imagePath),
            Label = FileParameter.FromFile(labelPath),
            Output = InferOutput.Image,
            ResultDirectory = inputs.Dir,
        });

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/deepedit", "image=&output=image");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file", "label" }, body.PartNames);
        WireAssert.JsonEqual("{}", body.Part("params").Text);
        Assert.Equal("Fall_U_1.nii.gz", body.Part("file").FileName);
        Assert.Equal(image, body.Part("file").Content);
        Assert.Equal("application/octet-stream", body.Part("file").ContentType);
        Assert.Equal("scribbles_e.nii.gz", body.Part("label").FileName);
        Assert.Equal(scribbles, body.Part("label").Content);
    }

    [Fact]
    public async Task Infer_with_a_session_does_not_send_the_file_part()
    {
        using var inputs = new TempResultDir();
        var imagePath = ClientTest.WriteInput(inputs.Root, "case.nii.gz", ClientTest.BinaryBytes(12));
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        var client = wire.CreateClient();

        await client.InferAsync("deepedit", new InferRequest
        {
            SessionId = "4d1c7b0e-session",
            File = FileParameter.FromFile(imagePath),
            Label = FileParameter.FromStream(new MemoryStream(new byte[] { 1, 2, 3 }), "scribbles.nii.gz"),
            Output = InferOutput.Json,
            ResultDirectory = inputs.Dir,
        });

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/deepedit", "image=&session_id=4d1c7b0e-session&output=json");
        Assert.Equal(new[] { "params", "label" }, request.Multipart().PartNames);
    }

    [Fact]
    public async Task Infer_adds_client_id_to_params_when_ClientId_is_set_and_never_changes_the_callers_params()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        using var dir = new TempResultDir();
        var client = wire.CreateClient(o => o.ClientId = "annotator-7");
        var parameters = new Dictionary<string, object?> { ["largest_cc"] = true, ["foreground"] = new[] { new[] { 1, 2, 3 } } };

        await client.InferAsync("deepedit", new InferRequest { ImageId = "wire case/ü", Params = parameters, Output = InferOutput.Json, ResultDirectory = dir.Dir });

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/deepedit", "image=wire%20case%2F%C3%BC&output=json");
        WireAssert.JsonEqual(
            "{\"largest_cc\":true,\"foreground\":[[1,2,3]],\"client_id\":\"annotator-7\"}",
            request.Multipart().Part("params").Text);
        Assert.False(parameters.ContainsKey("client_id"));
    }

    [Fact]
    public async Task Infer_without_ClientId_sends_params_as_given()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("14_post_infer_output_json");
        using var dir = new TempResultDir();

        await wire.CreateClient().InferAsync("deepedit", new InferRequest
        {
            ImageId = "wire_case",
            Params = new Dictionary<string, object?> { ["a"] = 1 },
            ResultDirectory = dir.Dir,
        });

        WireAssert.JsonEqual("{\"a\":1}", ClientTest.SingleRequest(wire).Multipart().Part("params").Text);
    }

    [Fact]
    public async Task Infer_server_error_is_a_MonaiLabelClientException_and_saves_nothing()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("46_500_unknown_model");
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("nope", new InferRequest { ImageId = "wire_case", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Infer_reports_progress_of_the_saved_label()
    {
        var label = ClientTest.BinaryBytes(5, 200_000);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(AnswerPart.Params("{}"), AnswerPart.File("filename=\"big.nii.gz\"", label)));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Progress = progress });

        dir.AssertSavedInside(result.Label!, label);
        progress.AssertReached(label.Length);
    }

    [Fact]
    public async Task Infer_progress_counts_all_files_of_the_answer_and_never_goes_back()
    {
        var first = ClientTest.BinaryBytes(6, 150_000);
        var second = ClientTest.BinaryBytes(7, 90_000);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"a.nii.gz\"", first),
            AnswerPart.File("filename=\"b.nii.gz\"", second)));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Progress = progress });

        Assert.Equal(2, result.Files.Count);
        progress.AssertReached(first.Length + second.Length);
        Assert.Contains(first.Length, progress.Reports);
    }

    [Fact]
    public void InferRequest_defaults_send_nothing_optional()
    {
        var request = new InferRequest();
        Assert.Null(request.ImageId);
        Assert.Null(request.SessionId);
        Assert.Null(request.File);
        Assert.Null(request.Label);
        Assert.Null(request.Output);
        Assert.Null(request.Params);
        Assert.Null(request.ResultDirectory);
        Assert.False(request.Overwrite);
        Assert.Null(request.Progress);
    }
}
