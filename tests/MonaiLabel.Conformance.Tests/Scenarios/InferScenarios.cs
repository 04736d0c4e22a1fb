using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Every infer output (multipart, image, json), by id, by file upload, on a session, every model, WSI.</summary>
[Collection(TargetCollection.Name)]
public sealed class InferScenarios(ServerFixture server) : Scenario(server)
{
    [Theory]
    [InlineData("segmentation_spleen")]
    [InlineData("deepedit")]
    public async Task Infer_by_id_answers_params_and_the_label_in_one_multipart_answer(string model)
    {
        var id = NewId("inf");
        var image = await SeedImageAsync(id);
        var result = await Client.InferAsync(model, new InferRequest { ImageId = id, ResultDirectory = Temp });
        var label = await File.ReadAllBytesAsync(result.Label!.Path);
        Assert.Equal(Target.ExpectedLabel(image), label);
        Assert.Equal(1, (int)result.Params!["label_names"]!["spleen"]!);
        Assert.EndsWith(".nii.gz", result.Label.FileName);
        Assert.Single(result.Files);
        if (Target.IsReal)
        {
            Assert.Equal(Sha256(label), (string?)result.Params["mlref"]!["label_sha256"]);
            Assert.Equal(Sha256(image), (string?)result.Params["mlref"]!["input_sha256"]);
        }
    }

    [Fact]
    public async Task Infer_output_image_answers_the_label_file_alone()
    {
        var id = NewId("infimg");
        var image = await SeedImageAsync(id);
        var result = await Client.InferAsync("segmentation_spleen", new InferRequest { ImageId = id, Output = InferOutput.Image, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.EndsWith(".nii.gz", result.Label.FileName);
    }

    [Fact]
    public async Task Infer_output_json_answers_the_params_without_a_file()
    {
        var id = NewId("infjson");
        await SeedImageAsync(id);
        var result = await Client.InferAsync("segmentation_spleen", new InferRequest { ImageId = id, Output = InferOutput.Json, ResultDirectory = Temp });
        Assert.Null(result.Label);
        Assert.Empty(result.Files);
        Assert.Equal(1, (int)result.Params!["label_names"]!["spleen"]!);
        Assert.Empty(Directory.GetFiles(Temp, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Infer_on_an_uploaded_file_runs_the_model_on_that_file()
    {
        var bytes = Data(NewId("file"), 4000);
        var result = await Client.InferAsync("segmentation_spleen", new InferRequest
        {
            File = FileParameter.FromFile(WriteFile("upload_me.nii.gz", bytes)),
            ResultDirectory = Temp,
        });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(result.Label!.Path));
    }

    [Fact]
    public async Task Infer_on_a_session_runs_the_model_on_the_sessions_image()
    {
        var bytes = Data(NewId("sess"), 3500);
        var session = await Client.CreateSessionAsync(FileParameter.FromFile(WriteFile("sess.nii.gz", bytes)));
        Assert.False(string.IsNullOrEmpty(session.SessionId));
        var result = await Client.InferAsync("segmentation_spleen", new InferRequest { SessionId = session.SessionId, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(result.Label!.Path));
        if (Target.IsReal)
        {
            Assert.True((bool)result.Params!["mlref"]!["session"]!);
        }

        await Client.DeleteSessionAsync(session.SessionId!);
    }

    [Fact]
    public async Task Infer_of_a_missing_image_is_a_server_error_and_leaves_no_file()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            Client.InferAsync("segmentation_spleen", new InferRequest { ImageId = NewId("missing"), ResultDirectory = Temp }));
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Empty(Directory.GetFiles(Temp, "*", SearchOption.AllDirectories));
        // The calls after a 500 on the same client: ErrorScenarios (defect 2).
    }

    /// <summary>
    /// The server's infer_wsi tiles only images openslide takes (by extension: .svs, .tif, ...); for any other image
    /// it runs the plain infer: the label file for asap/dsa, the params for json. (mlref has no openslide, so the
    /// tiling path itself is covered by the emulator's own tests only.)
    /// </summary>
    [Fact]
    public async Task Wsi_infer_of_an_image_that_is_not_a_slide_answers_the_plain_infer()
    {
        var id = NewId("wsi");
        var image = await SeedImageAsync(id, length: 4096);
        var region = new WsiInput { Location = new[] { 0, 0 }, Size = new[] { 64, 64 }, Level = 0 };
        var json = await Client.InferWsiAsync("segmentation_tissue", id, region, WsiInferOutput.Json, resultDirectory: Path.Combine(Temp, "j"));
        Assert.Empty(json.Files);
        Assert.NotNull(json.Params!["label_names"]);
        Assert.Null(json.Params["annotations"]);

        foreach (var output in new[] { WsiInferOutput.Dsa, WsiInferOutput.Asap })
        {
            var result = await Client.InferWsiAsync("segmentation_tissue", id, region, output, resultDirectory: Path.Combine(Temp, output.ToString()));
            var file = Assert.Single(result.Files);
            Assert.EndsWith(".nii.gz", file.FileName);
            Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(file.Path));
        }
    }
}
