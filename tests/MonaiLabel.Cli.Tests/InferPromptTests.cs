using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Emulator;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>
/// <c>mlabel infer MODEL --fg/--bg/--roi/--slice</c>, DeepEdit's <c>--point</c>, scribbles and the result options,
/// against the emulator's interactive models: what the model received (<c>params.mlref.received</c>), and every
/// refusal: exit 2, one line naming the model and the problem, and no infer request reached the server.
/// </summary>
public sealed class InferPromptTests : IAsyncLifetime
{
    private MonaiLabelEmulator server = null!;
    private readonly TempDirectory temp = new();

    public async Task InitializeAsync() => server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 1, Interactive = true });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Deepgrow_2d_clicks_with_slice_and_label_reach_the_model_as_Slicer_sends_them()
    {
        var received = await ReceivedAsync("deepgrow_2d", "--fg", "10,20,3", "--fg", "11,21,3", "--bg", "1,2,3", "--slice", "3", "--label-name", "spleen");
        Assert.Equal("[[10,20,3],[11,21,3]]", received["foreground"]!.ToString(Formatting.None));
        Assert.Equal("[[1,2,3]]", received["background"]!.ToString(Formatting.None));
        Assert.Equal(3, (int)received["slice"]!);
        Assert.Equal("spleen", (string?)received["label"]);
    }

    [Fact]
    public async Task Sam2_3d_clicks_with_a_box_always_carry_a_background_key()
    {
        var received = await ReceivedAsync("sam_3d", "--fg", "10,20,30", "--roi", "0,64,0,64,0,32", "--reset-state");
        Assert.Equal("[[10,20,30]]", received["foreground"]!.ToString(Formatting.None));
        Assert.Equal("[]", received["background"]!.ToString(Formatting.None));
        Assert.Equal("[0,64,0,64,0,32]", received["roi"]!.ToString(Formatting.None));
        Assert.True((bool)received["reset_state"]!);
    }

    [Fact]
    public async Task Deepedit_points_per_label_with_the_current_label()
    {
        var received = await ReceivedAsync("deepedit", "--point", "spleen=10,20,30", "--point", "spleen=11,21,31", "--bg", "1,2,3", "--label-name", "spleen");
        Assert.Equal("[[10,20,30],[11,21,31]]", received["spleen"]!.ToString(Formatting.None));
        Assert.Equal("[[1,2,3]]", received["background"]!.ToString(Formatting.None));
        Assert.Equal("spleen", (string?)received["label"]);
    }

    [Fact]
    public async Task Scribbles_send_the_label_file_and_label_info()
    {
        var scribbles = temp.File("scribbles.nrrd", Enumerable.Range(0, 64).Select(i => (byte)(i % 4)).ToArray());
        var received = await ReceivedAsync("Histogram+GraphCut", "--scribbles", scribbles, "--label-info", "background_scribbles=2", "--label-info", "foreground_scribbles=3");
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(scribbles))).ToLowerInvariant(), (string?)received["label_file"]!["sha256"]);
        Assert.Equal(".nrrd", (string?)received["label_file"]!["ext"]);
        Assert.Equal(
            "[{\"name\":\"background_scribbles\",\"id\":2},{\"name\":\"foreground_scribbles\",\"id\":3}]",
            received["label_info"]!.ToString(Formatting.None));
    }

    [Fact]
    public async Task Result_options_reach_the_writer_and_name_the_saved_file()
    {
        var run = await Mlabel.RunAsync(server, "--json", "infer", "deepgrow_3d", "--image", "case_01", "--out", temp.Path, "--fg", "1,2,3",
            "--result-extension", ".nrrd", "--result-dtype", "uint8", "--result-compress", "false", "--restore-label-idx", "true");
        Mlabel.Ok(run);
        var received = (JObject)run.Json()["params"]!["mlref"]!["received"]!;
        Assert.Equal(".nrrd", (string?)received["result_extension"]);
        Assert.Equal("uint8", (string?)received["result_dtype"]);
        Assert.False((bool)received["result_compress"]!);
        Assert.True((bool)received["restore_label_idx"]!);
        Assert.EndsWith(".nrrd", (string?)run.Json()["label"]!["file_name"]);
    }

    [Theory]
    [InlineData("deepgrow_2d", "--fg '1,2'", "--fg", "1,2")]
    [InlineData("deepgrow_3d", "--bg 'a,b,c'", "--fg", "1,2,3", "--bg", "a,b,c")]
    [InlineData("sam_3d", "--roi '1,2,3'", "--fg", "1,2,3", "--roi", "1,2,3")]
    [InlineData("deepgrow_2d", "--slice 'x'", "--fg", "1,2,3", "--slice", "x")]
    [InlineData("deepedit", "--point 'spleen'", "--point", "spleen")]
    [InlineData("deepgrow_2d", "one kind of prompt", "--fg", "1,2,3", "--point", "spleen=1,2,3")]
    [InlineData("Histogram+GraphCut", "--label-info 'background_scribbles'", "--scribbles", "SCRIBBLES", "--label-info", "background_scribbles")]
    [InlineData("Histogram+GraphCut", "--label-info needs --scribbles", "--label-info", "background_scribbles=2")]
    [InlineData("Histogram+GraphCut", "does not exist", "--scribbles", "no-such-file.nrrd", "--label-info", "background_scribbles=2")]
    [InlineData("deepgrow_3d", "--result-compress 'maybe'", "--fg", "1,2,3", "--result-compress", "maybe")]
    public async Task Options_that_are_not_a_prompt_are_refused_naming_the_model_and_the_option(string model, string problem, params string[] options) =>
        await RefusedAsync(model, problem, options);

    [Theory]
    [InlineData("segmentation_spleen", "--fg", "1,2,3")] // a model that takes no clicks
    [InlineData("sam_2d", "--fg", "1,2,3", "--fg", "1,2,9")] // a 2D model's points on two slices without --slice
    [InlineData("deepedit", "--point", "kidney=1,2,3")] // a label the model does not have
    [InlineData("Histogram+GraphCut", "--scribbles", "SCRIBBLES")] // scribbles without label_info
    [InlineData("deepgrow_2d", "--fg=-1,2,3")] // a negative voxel index
    public async Task A_prompt_the_model_cannot_take_is_refused_by_the_sdks_checks(string model, params string[] options) =>
        await RefusedAsync(model, null, options);

    private async Task<JObject> ReceivedAsync(string model, params string[] options)
    {
        var run = await Mlabel.RunAsync(server, new[] { "--json", "infer", model, "--image", "case_01", "--out", temp.Path }.Concat(options).ToArray());
        Mlabel.Ok(run);
        var image = File.ReadAllBytes(Path.Combine(server.StudiesDirectory, "case_01.nii.gz"));
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), File.ReadAllBytes((string)run.Json()["label"]!["path"]!));
        return (JObject)run.Json()["params"]!["mlref"]!["received"]!;
    }

    private async Task RefusedAsync(string model, string? problem, string[] options)
    {
        var scribbles = temp.File("s.nrrd", new byte[] { 0, 2, 3, 0 });
        var args = new[] { "infer", model, "--image", "case_01", "--out", temp.Path }
            .Concat(options.Select(o => o == "SCRIBBLES" ? scribbles : o)).ToArray();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, args), 2);
        Assert.Contains($"'{model}'", line, StringComparison.Ordinal);
        if (problem != null)
        {
            Assert.Contains(problem, line, StringComparison.Ordinal);
        }

        // Nothing sent: the server logged no infer request (the capabilities are one GET /info/).
        Assert.DoesNotContain("Infer Request", File.ReadAllText(Path.Combine(server.DataDirectory, "logs", "app.log")), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => !f.EndsWith("s.nrrd", StringComparison.Ordinal));
    }
}
