using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Client;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class InfoAndDatastoreTests
{
    [Fact]
    public async Task Info_shows_models_strategies_and_datastore()
    {
        await using var server = await Mlabel.StartAsync();
        var result = await Mlabel.RunAsync(server, "info");
        Mlabel.Ok(result);
        Assert.Contains("segmentation_spleen", result.Stdout);
        Assert.Contains("trainable", result.Stdout);
        Assert.Contains("random", result.Stdout);
        Assert.Contains("3 images", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Info_json_is_the_app_info()
    {
        await using var server = await Mlabel.StartAsync();
        var json = (await Mlabel.RunAsync(server, "info", "--json")).Json();
        Assert.NotNull(json["models"]?["segmentation_spleen"]);
        Assert.Equal(3, (int)json["datastore"]!["total"]!);
    }

    [Fact]
    public async Task With_emulator_the_emulator_is_started_and_said_on_stderr()
    {
        var result = await Mlabel.RunAsync("--json", "info", "--emulator");
        Mlabel.Ok(result);
        Assert.Contains("started the MONAI Label emulator at http://127.0.0.1:", result.Stderr);
        Assert.Equal("MONAILabel - Emulator", (string?)result.Json()["name"]);
    }

    [Fact]
    public async Task Datastore_list_and_stats()
    {
        await using var server = await Mlabel.StartAsync();
        var list = await Mlabel.RunAsync(server, "datastore", "list");
        Mlabel.Ok(list);
        Assert.Contains("case_01", list.Stdout);
        Assert.Contains("case_03", list.Stdout);

        var listJson = (await Mlabel.RunAsync(server, "datastore", "list", "--json")).Json();
        Assert.Equal(new[] { "case_01", "case_02", "case_03" }, ((Newtonsoft.Json.Linq.JObject)listJson["objects"]!).Properties().Select(p => p.Name).OrderBy(n => n));

        var stats = await Mlabel.RunAsync(server, "datastore", "stats");
        Mlabel.Ok(stats);
        Assert.Contains("images", stats.Stdout);
        var statsJson = (await Mlabel.RunAsync(server, "--json", "datastore", "stats")).Json();
        Assert.Equal(3, (int)statsJson["total"]!);
        Assert.Equal(0, (int)statsJson["completed"]!);
    }

    [Fact]
    public async Task Datastore_upload_download_info_delete()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var file = temp.File("scan.nii.gz", bytes);

        var upload = await Mlabel.RunAsync(server, "datastore", "upload", file, "--id", "scan_1");
        Mlabel.Ok(upload);
        Assert.Contains("as image scan_1", upload.Stdout);

        var uploadJson = (await Mlabel.RunAsync(server, "datastore", "upload", file, "--id", "scan_2", "--json")).Json();
        Assert.Equal("scan_2", (string?)uploadJson["image"]);

        var info = await Mlabel.RunAsync(server, "datastore", "info", "scan_1");
        Mlabel.Ok(info);
        Assert.Contains("scan_1.nii.gz", info.Stdout);
        Assert.Equal("scan_1.nii.gz", (string?)(await Mlabel.RunAsync(server, "datastore", "info", "scan_1", "--json")).Json()["name"]);

        var outDir = Path.Combine(temp.Path, "out");
        var download = await Mlabel.RunAsync(server, "datastore", "download", "scan_1", "--out", outDir, "--json");
        Mlabel.Ok(download);
        var saved = (string)download.Json()["path"]!;
        Assert.StartsWith(outDir, saved);
        Assert.Equal(bytes, File.ReadAllBytes(saved));
        Assert.Equal(5000, (long)download.Json()["length"]!);

        var human = await Mlabel.RunAsync(server, "datastore", "download", "case_01", "--out", outDir);
        Mlabel.Ok(human);
        Assert.Contains("saved image case_01 to", human.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "case_01.nii.gz")));

        var delete = await Mlabel.RunAsync(server, "datastore", "delete", "scan_1");
        Mlabel.Ok(delete);
        using var client = new MonaiLabelClient(server.Url);
        Assert.False(await client.ImageExistsAsync("scan_1"));
    }

    [Fact]
    public async Task Datastore_info_of_an_unknown_image_is_a_404()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "datastore", "info", "nope"), 1);
        Assert.Contains("NotFound (HTTP 404)", line);
        Assert.Contains("nope", line);
    }

    [Fact]
    public async Task Datastore_download_of_an_unknown_image_carries_the_server_detail()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "datastore", "download", "nope", "--out", Path.GetTempPath()), 1);
        Assert.Equal("error: NotFound (HTTP 404): Image NOT Found or is a directory", line);
    }

    [Fact]
    public async Task Datastore_upload_of_a_missing_file_is_a_usage_error()
    {
        var line = Mlabel.Fails(await Mlabel.RunAsync("datastore", "upload", "/no/such/file.nii.gz"), 2);
        Assert.Contains("does not exist", line);
    }
}
