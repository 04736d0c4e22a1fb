using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Emulator;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class InferAndSessionTests
{
    [Fact]
    public async Task Infer_on_a_datastore_image_saves_the_label_of_the_multipart_answer()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var result = await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path);
        Mlabel.Ok(result);
        Assert.Contains("saved result of segmentation_spleen to", result.Stdout);
        Assert.Contains("label_names", result.Stdout);

        var file = Directory.GetFiles(temp.Path).Single();
        Assert.Equal("case_01_segmentation_spleen.nii.gz", Path.GetFileName(file)); // not the server's tmpXXXX.nii.gz
        Assert.Contains("case_01_segmentation_spleen.nii.gz", result.Stdout);
        var image = File.ReadAllBytes(Path.Combine(server.StudiesDirectory, "case_01.nii.gz"));
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Infer_json_has_params_and_files()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var json = (await Mlabel.RunAsync(server, "--json", "infer", "segmentation_spleen", "--image", "case_02", "--out", temp.Path, "--params", "{\"threshold\": 0.5}")).Json();
        Assert.Equal(1, (int)json["params"]!["label_names"]!["spleen"]!);
        var path = (string)json["files"]![0]!["path"]!;
        Assert.True(File.Exists(path));
        Assert.Equal(path, (string?)json["label"]!["path"]);
        Assert.Equal("case_02_segmentation_spleen.nii.gz", Path.GetFileName(path));
        Assert.Equal("case_02_segmentation_spleen.nii.gz", (string?)json["files"]![0]!["file_name"]);
        Assert.StartsWith("tmp", (string?)json["files"]![0]!["raw_file_name"]); // the server's own name, reported
    }

    [Fact]
    public async Task Infer_name_chooses_the_file_name_and_the_default_is_the_same_on_every_call()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        Mlabel.Ok(await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path, "--name", "mine.nii.gz"));
        Mlabel.Ok(await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path, "--name", "bare"));
        Mlabel.Ok(await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path));
        Mlabel.Ok(await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path, "--overwrite"));
        Mlabel.Ok(await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path));
        Assert.Equal(
            new[] { "bare.nii.gz", "case_01_segmentation_spleen (1).nii.gz", "case_01_segmentation_spleen.nii.gz", "mine.nii.gz" },
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task Infer_on_an_uploaded_file_and_json_only_output()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.File("upload.nii.gz", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        var outDir = Path.Combine(temp.Path, "out");
        var result = await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--file", input, "--out", outDir, "--json");
        Mlabel.Ok(result);
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(File.ReadAllBytes(input)), File.ReadAllBytes((string)result.Json()["label"]!["path"]!));
        Assert.Equal("upload_segmentation_spleen.nii.gz", (string?)result.Json()["label"]!["file_name"]); // the uploaded file's stem

        var jsonOnly = await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--image", "case_01", "--output", "json", "--out", outDir, "--json");
        Mlabel.Ok(jsonOnly);
        Assert.Empty((Newtonsoft.Json.Linq.JArray)jsonOnly.Json()["files"]!);
    }

    [Fact]
    public async Task Session_create_get_infer_delete()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.File("session.nii.gz", Enumerable.Range(0, 512).Select(i => (byte)(255 - (i % 256))).ToArray());

        var created = await Mlabel.RunAsync(server, "session", "create", input, "--json");
        Mlabel.Ok(created);
        var id = (string)created.Json()["session_id"]!;

        var human = await Mlabel.RunAsync(server, "session", "get", id);
        Mlabel.Ok(human);
        Assert.Contains(id, human.Stdout);
        Assert.NotNull((await Mlabel.RunAsync(server, "session", "get", id, "--json")).Json()["expiry"]);

        var infer = await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--session", id, "--out", temp.Path, "--json");
        Mlabel.Ok(infer);
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(File.ReadAllBytes(input)), File.ReadAllBytes((string)infer.Json()["label"]!["path"]!));
        Assert.Equal(id + "_segmentation_spleen.nii.gz", (string?)infer.Json()["label"]!["file_name"]); // the session stands for the image

        Mlabel.Ok(await Mlabel.RunAsync(server, "session", "delete", id));
        var gone = Mlabel.Fails(await Mlabel.RunAsync(server, "session", "get", id), 1);
        Assert.Contains("SessionExpired (HTTP 404)", gone);
    }

    [Fact]
    public async Task Next_sample_picks_an_unlabeled_image()
    {
        await using var server = await Mlabel.StartAsync();
        var result = await Mlabel.RunAsync(server, "next-sample", "first");
        Mlabel.Ok(result);
        Assert.Contains("case_01", result.Stdout);
        Assert.StartsWith("case_0", (string?)(await Mlabel.RunAsync(server, "next-sample", "random", "--json")).Json()["id"]);
    }

    [Fact]
    public async Task Next_sample_with_nothing_left_says_so()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        var result = await Mlabel.RunAsync(server, "next-sample", "random");
        Mlabel.Ok(result);
        Assert.Contains("no image is left", result.Stdout);
    }

    [Theory]
    [InlineData("infer", "segmentation_spleen")]
    [InlineData("infer", "segmentation_spleen", "--image", "a", "--file", "/etc/hostname")]
    [InlineData("infer", "segmentation_spleen", "--image", "a", "--output", "png")]
    [InlineData("infer", "segmentation_spleen", "--image", "a", "--params", "{not json")]
    [InlineData("infer", "segmentation_spleen", "--image", "a", "--params", "[1, 2]")]
    [InlineData("infer", "segmentation_spleen", "--file", "/no/such/file")]
    public async Task Infer_with_bad_arguments_is_a_usage_error(params string[] args)
    {
        Mlabel.Fails(await Mlabel.RunAsync(args), 2);
    }

    [Fact]
    public async Task Infer_with_an_unknown_model_is_a_server_error_that_names_the_models()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "infer", "nope", "--image", "case_01", "--out", Path.GetTempPath()), 1);
        Assert.Contains("UnknownModel (HTTP 500): unknown model 'nope'", line);
    }
}
