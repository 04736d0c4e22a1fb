using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Client;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class LabelTests
{
    [Fact]
    public async Task Label_save_info_download_delete()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var label = temp.File("mask.nii.gz", Enumerable.Repeat((byte)1, 4096).ToArray());

        var save = await Mlabel.RunAsync(server, "label", "save", "case_02", label);
        Mlabel.Ok(save);
        Assert.Contains("tag final", save.Stdout);

        var saveJson = (await Mlabel.RunAsync(server, "label", "save", "case_03", label, "--tag", "original", "--json")).Json();
        Assert.Equal("case_03", (string?)saveJson["image"]);

        var info = await Mlabel.RunAsync(server, "label", "info", "case_02", "--json");
        Mlabel.Ok(info);

        var outDir = Path.Combine(temp.Path, "labels");
        var download = await Mlabel.RunAsync(server, "label", "download", "case_02", "--out", outDir, "--json");
        Mlabel.Ok(download);
        Assert.Equal(File.ReadAllBytes(label), File.ReadAllBytes((string)download.Json()["path"]!));

        var original = await Mlabel.RunAsync(server, "label", "download", "case_03", "--tag", "original", "--out", outDir);
        Mlabel.Ok(original);
        Assert.Contains("(original)", original.Stdout);

        Mlabel.Ok(await Mlabel.RunAsync(server, "label", "delete", "case_02"));
        using var client = new MonaiLabelClient(server.Url);
        Assert.False(await client.LabelExistsAsync("case_02", "final"));
        Assert.True(await client.LabelExistsAsync("case_03", "original"));
    }

    [Fact]
    public async Task Label_download_of_a_missing_label_is_a_404()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "label", "download", "case_01", "--out", Path.GetTempPath()), 1);
        Assert.Equal("error: NotFound (HTTP 404): Label NOT Found or is a directory", line);
    }

    [Fact]
    public async Task Label_info_of_a_missing_tag_is_a_404()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "label", "info", "case_01", "--tag", "final"), 1);
        Assert.Contains("HTTP 404", line);
        Assert.Contains("final", line);
    }
}
