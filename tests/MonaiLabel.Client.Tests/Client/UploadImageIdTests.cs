using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// Issue 11, defect 1: an image uploaded without an id is stored under the file's own stem (as the Python client's
/// and curl's are), not under the stem of the ASCII name sent; two files of one request never share a wire name.
/// </summary>
public class UploadImageIdTests
{
    [Theory]
    [InlineData("名前.nii.gz", "名前")]
    [InlineData("Ünïcødé_名前.nii.gz", "Ünïcødé_名前")]
    [InlineData("a.b.nii.gz", "a")]
    [InlineData(".hidden.nrrd", ".hidden")]
    [InlineData(".nii.gz", ".nii")]
    [InlineData(".gz.gz", "")]
    [InlineData("a..b", "a")]
    [InlineData("x.", "x.")]
    [InlineData("noext", "noext")]
    [InlineData("dir/x.nii.gz", "x")]
    [InlineData("a.nii.gz.nii.gz", "a")]
    public void ImageId_is_the_servers_stem_rule(string fileName, string expected)
    {
        // Expected values are what MONAI Label's add_image computes (Python 3.11 pathlib suffixes, str.replace).
        Assert.Equal(expected, UploadFileName.ImageId(fileName));
    }

    [Theory]
    [InlineData("名前.nii.gz", "image=%E5%90%8D%E5%89%8D")]
    [InlineData("Ünïcødé_名前.nii.gz", "image=%C3%9Cn%C3%AFc%C3%B8d%C3%A9_%E5%90%8D%E5%89%8D")]
    public async Task Upload_without_id_of_a_non_ASCII_file_sends_the_files_own_stem(string name, string query)
    {
        using var inputs = new TempResultDir();
        var path = ClientTest.WriteInput(inputs.Root, name, ClientTest.BinaryBytes(23));
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        await wire.CreateClient().UploadImageAsync(FileParameter.FromFile(path));

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image", query);
        Assert.All(request.Multipart().Part("file").FileName!, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public async Task Two_non_ASCII_files_get_two_different_ids()
    {
        using var inputs = new TempResultDir();
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var client = wire.CreateClient();

        await client.UploadImageAsync(FileParameter.FromFile(ClientTest.WriteInput(inputs.Root, "名前.nii.gz", ClientTest.BinaryBytes(24))));
        await client.UploadImageAsync(FileParameter.FromFile(ClientTest.WriteInput(inputs.Root, "文書.nii.gz", ClientTest.BinaryBytes(25))));

        var queries = ClientTest.WaitForRequests(wire, 2).Select(e => e.RequestMessage.RawQuery).ToList();
        Assert.Equal(2, queries.Distinct().Count());
    }

    [Fact]
    public async Task Upload_with_an_id_sends_that_id_only()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        await wire.CreateClient().UploadImageAsync(FileParameter.FromStream(new MemoryStream(new byte[] { 1 }), "名前.nii.gz"), "case_1");

        ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image", "image=case_1");
    }

    [Fact]
    public async Task Session_files_with_non_ASCII_names_are_sent_under_different_names()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        var files = new[]
        {
            FileParameter.FromStream(new MemoryStream(new byte[] { 1 }), "名前.dcm"),
            FileParameter.FromStream(new MemoryStream(new byte[] { 2 }), "文書.dcm"),
            FileParameter.FromStream(new MemoryStream(new byte[] { 3 }), "名前.dcm"),
        };
        await Record.ExceptionAsync(() => wire.CreateClient().CreateSessionAsync(images: files));

        var names = ClientTest.SingleRequest(wire).Multipart().Parts.Where(p => p.FileName != null).Select(p => p.FileName).ToList();
        Assert.Equal(3, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith(".dcm", n));
    }
}
