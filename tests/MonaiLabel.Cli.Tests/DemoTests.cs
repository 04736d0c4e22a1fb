using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_runs_the_loop_against_its_own_emulator_and_leaves_the_files()
    {
        using var temp = new TempDirectory();
        var result = await Mlabel.RunAsync("demo", "--out", temp.Path, "--epochs", "3", "--interval", "100ms");
        Mlabel.Ok(result);
        Assert.Contains("started the MONAI Label emulator", result.Stderr);
        foreach (var step in new[] { "1/7 info", "2/7 next sample", "3/7 infer", "4/7 save label", "5/7 train", "6/7 watch training", "7/7 download", "DONE", "Done" })
        {
            Assert.Contains(step, result.Stdout);
        }

        var labels = Directory.GetFiles(Path.Combine(temp.Path, "labels"));
        Assert.Single(labels);
        Assert.EndsWith(".nii.gz", labels[0]);
        Assert.Equal(4096, new FileInfo(Path.Combine(temp.Path, "models", "segmentation_spleen.pt")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(temp.Path, "infer")));
        Assert.Equal(File.ReadAllBytes(Directory.GetFiles(Path.Combine(temp.Path, "infer"))[0]), File.ReadAllBytes(labels[0]));
    }

    [Fact]
    public async Task Demo_against_a_server_with_json_reports_every_file()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 2, taskMilliseconds: 200);
        using var temp = new TempDirectory();
        var result = await Mlabel.RunAsync(server, "demo", "--out", temp.Path, "--strategy", "first", "--json", "--interval", "50ms");
        Mlabel.Ok(result);
        var json = result.Json();
        Assert.Equal("case_01", (string?)json["image"]);
        Assert.Equal("segmentation_spleen", (string?)json["model"]);
        Assert.Equal("DONE", (string?)json["training"]!["status"]);
        Assert.True(File.Exists((string)json["label"]!["path"]!));
        Assert.True(File.Exists((string)json["weights"]!["path"]!));
        Assert.True(File.Exists((string)json["infer"]!["label"]!["path"]!));
        Assert.Equal("case_01_segmentation_spleen.nii.gz", Path.GetFileName((string)json["infer"]!["label"]!["path"]!)); // named by the SDK
        Assert.Equal(new[] { "case_01_segmentation_spleen.nii.gz" }, Directory.GetFiles(Path.Combine(temp.Path, "infer")).Select(Path.GetFileName));
        Assert.DoesNotContain("emulator", result.Stderr);
    }

    [Fact]
    public async Task Demo_with_an_unknown_model_is_a_usage_error()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "demo", "--model", "nope", "--out", temp.Path), 2);
        Assert.Contains("nope", line);
    }
}
