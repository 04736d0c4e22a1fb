using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>
/// Issue 11, defect 1: <c>mlabel datastore upload 名前.nii.gz</c> then <c>文書.nii.gz</c> stored both as <c>__</c>,
/// the second silently replacing the first. Each keeps its own stem now, and an existing id is never replaced
/// without <c>--overwrite</c>.
/// </summary>
public sealed class UploadNameTests
{
    [Fact]
    public async Task Two_non_ASCII_files_are_two_images_under_their_own_names()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var temp = new TempDirectory();

        var first = await Mlabel.RunAsync(server, "datastore", "upload", temp.File("名前.nii.gz", new byte[] { 1, 2, 3 }), "--json");
        var second = await Mlabel.RunAsync(server, "datastore", "upload", temp.File("文書.nii.gz", new byte[] { 4, 5, 6 }), "--json");

        Assert.Equal("名前", (string?)first.Json()["image"]);
        Assert.Equal("文書", (string?)second.Json()["image"]);
        var stats = (await Mlabel.RunAsync(server, "datastore", "stats", "--json")).Json();
        Assert.Equal(2, (int)stats["total"]!);
    }

    [Fact]
    public async Task Uploading_over_an_existing_image_needs_overwrite()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var temp = new TempDirectory();
        var file = temp.File("名前.nii.gz", new byte[] { 1, 2, 3 });
        Mlabel.Ok(await Mlabel.RunAsync(server, "datastore", "upload", file));

        // A conflict with the server's state, not a usage error (issue 24): exit 6.
        var again = Mlabel.Fails(await Mlabel.RunAsync(server, "datastore", "upload", temp.File("名前.nii", new byte[] { 9 })), 6);
        Assert.Contains("--overwrite", again);
        var named = Mlabel.Fails(await Mlabel.RunAsync(server, "datastore", "upload", temp.File("x.nii.gz", new byte[] { 9 }), "--id", "名前"), 6);
        Assert.Contains("already exists", named);

        Mlabel.Ok(await Mlabel.RunAsync(server, "datastore", "upload", file, "--overwrite"));
        var stats = (await Mlabel.RunAsync(server, "datastore", "stats", "--json")).Json();
        Assert.Equal(1, (int)stats["total"]!);
    }
}
