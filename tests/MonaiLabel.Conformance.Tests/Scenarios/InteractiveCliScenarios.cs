using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Conformance.Tests.Support;
using Newtonsoft.Json;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary><c>mlabel infer</c> with prompt options, on a server with the interactive models, as a user types it.</summary>
[Collection(TargetCollection.Name)]
[Trait("Category", "Interactive")]
public sealed class InteractiveCliScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Cli_clicks_on_sam2_2d_with_a_slice_reach_the_model()
    {
        var url = await Server.InteractiveUrlAsync();
        var id = NewId("clicli");
        var image = Data(id);
        (await Mlabel.RunAsync(url, "datastore", "upload", WriteFile(id + ".nii.gz", image), "--id", id)).Ok();
        var run = (await Mlabel.RunAsync(url, "--json", "infer", "sam_2d", "--image", id, "--out", Temp, "--fg", "10,20,4", "--fg", "12,22,4", "--bg", "1,1,4", "--slice", "4")).Ok();
        var received = run.Json()["params"]!["mlref"]!["received"]!;
        Assert.Equal("[[10,20,4],[12,22,4]]", received["foreground"]!.ToString(Formatting.None));
        Assert.Equal("[[1,1,4]]", received["background"]!.ToString(Formatting.None));
        Assert.Equal(4, (int)received["slice"]!);
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync((string)run.Json()["label"]!["path"]!));
    }

    [Fact]
    public async Task Cli_scribbles_with_label_info_reach_the_model()
    {
        var url = await Server.InteractiveUrlAsync();
        var id = NewId("scrcli");
        (await Mlabel.RunAsync(url, "datastore", "upload", WriteFile(id + ".nii.gz", Data(id)), "--id", id)).Ok();
        var scribbles = Data(NewId("s"), 128);
        var run = (await Mlabel.RunAsync(url, "--json", "infer", "Histogram+GraphCut", "--image", id, "--out", Temp,
            "--scribbles", WriteFile("s.nrrd", scribbles), "--label-info", "background_scribbles=2", "--label-info", "foreground_scribbles=3")).Ok();
        var received = run.Json()["params"]!["mlref"]!["received"]!;
        Assert.Equal(Sha256(scribbles), (string?)received["label_file"]!["sha256"]);
        Assert.Equal("[{\"name\":\"background_scribbles\",\"id\":2},{\"name\":\"foreground_scribbles\",\"id\":3}]", received["label_info"]!.ToString(Formatting.None));
    }

    [Fact]
    public async Task Cli_refuses_a_2d_prompt_on_two_slices_without_a_slice_and_sends_no_infer()
    {
        var url = await Server.InteractiveUrlAsync();
        var run = await Mlabel.RunAsync(url, "infer", "sam_2d", "--image", NewId("never"), "--out", Temp, "--fg", "1,2,3", "--fg", "1,2,9");
        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("sam_2d", lines[0], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Temp, "*", SearchOption.AllDirectories));
    }
}
