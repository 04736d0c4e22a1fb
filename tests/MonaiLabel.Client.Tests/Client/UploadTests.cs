using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>Uploads built with <see cref="FileParameter.FromFile"/>: routes, parts, params with client_id, ASCII names.</summary>
public class UploadTests
{
    [Fact]
    public async Task UploadImage_sends_PUT_datastore_image_with_params_and_file_parts()
    {
        using var inputs = new TempResultDir();
        var image = ClientTest.BinaryBytes(20, 1000);
        var path = ClientTest.WriteInput(inputs.Root, "spleen_10.nii.gz", image);
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");

        var added = await client.UploadImageAsync(FileParameter.FromFile(path), "wire_case", new Dictionary<string, object?> { ["source"] = "scanner" });

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image", "image=wire_case");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file" }, body.PartNames);
        WireAssert.JsonEqual("{\"source\":\"scanner\",\"client_id\":\"viewer-1\"}", body.Part("params").Text);
        Assert.Equal("spleen_10.nii.gz", body.Part("file").FileName);
        Assert.Equal("application/octet-stream", body.Part("file").ContentType);
        Assert.Equal(image, body.Part("file").Content);
        Assert.NotNull(added);
    }

    [Fact]
    public async Task UploadImage_without_id_or_params_sends_empty_params_and_no_image_query()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        await wire.CreateClient().UploadImageAsync(FileParameter.FromStream(new MemoryStream(new byte[] { 1, 2 }), "a.nii.gz"));

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image");
        WireAssert.JsonEqual("{}", request.Multipart().Part("params").Text);
        Assert.Equal(new byte[] { 1, 2 }, request.Multipart().Part("file").Content);
    }

    [Fact]
    public async Task FromFile_sends_an_ASCII_file_name_that_keeps_nii_gz()
    {
        Assert.Equal("Fall_U_1.nii.gz", UploadFileName.ToAscii("Fall Ü 1.nii.gz"));

        using var inputs = new TempResultDir();
        var path = ClientTest.WriteInput(inputs.Root, "Fall Ü 1.nii.gz", ClientTest.BinaryBytes(21));
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("01_put_datastore_image_nonascii_id");

        var upload = FileParameter.FromFile(path);
        Assert.Equal("Fall Ü 1.nii.gz", upload.FileName); // The file's own name; the wire name is ASCII.
        await wire.CreateClient().UploadImageAsync(upload, "Fall Ü 1");

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image", "image=Fall%20%C3%9C%201");
        var file = request.Multipart().Part("file");
        Assert.Equal("Fall_U_1.nii.gz", file.FileName);
        Assert.Null(file.FileNameStar); // The server ignores filename*; only the ASCII filename= is sent.
    }

    [Fact]
    public async Task A_FileParameter_built_directly_with_a_non_ASCII_name_is_sent_with_the_ASCII_name()
    {
        // The README's quick start builds the upload with the generated constructor, not FromFile.
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        await wire.CreateClient().UploadImageAsync(new FileParameter(new MemoryStream(new byte[] { 7 }), "Fall Ü 1.nii.gz"), "Fall Ü 1");

        var file = ClientTest.SingleRequest(wire).Multipart().Part("file");
        Assert.Equal("Fall_U_1.nii.gz", file.FileName);
        Assert.Null(file.FileNameStar);
        Assert.Equal(new byte[] { 7 }, file.Content);
    }

    [Theory]
    [InlineData("Fall Ü 1.nii.gz", "Fall_U_1.nii.gz")]
    [InlineData("scan.seg.nrrd", "scan.seg.nrrd")]
    [InlineData("Ärzte; \"x\".nii.gz", "Arzte___x_.nii.gz")]
    [InlineData("日本.nii.gz", "__.nii.gz")]
    [InlineData("../../etc/passwd.nii.gz", "passwd.nii.gz")]
    [InlineData("", "upload")]
    public void UploadFileName_ToAscii_is_ASCII_and_keeps_the_extension(string name, string expected)
    {
        var ascii = UploadFileName.ToAscii(name);

        Assert.Equal(expected, ascii);
        Assert.All(ascii, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public async Task FromFile_streams_from_disk_and_closes_the_file_once_sent()
    {
        using var inputs = new TempResultDir();
        var path = ClientTest.WriteInput(inputs.Root, "case.nii.gz", ClientTest.BinaryBytes(22, 100_000));
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");

        await wire.CreateClient().UploadImageAsync(FileParameter.FromFile(path), "case");

        // Closed: the file can be deleted and reopened exclusively.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Delete(path);
    }

    [Fact]
    public void FromFile_of_a_missing_file_throws_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FileParameter.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".nii.gz")));
        Assert.Throws<ArgumentException>(() => FileParameter.FromFile(""));
        Assert.Throws<ArgumentNullException>(() => FileParameter.FromStream(null!, "a.nii.gz"));
    }

    [Fact]
    public async Task UploadLabel_sends_PUT_datastore_label_with_tag_params_and_label_part()
    {
        using var inputs = new TempResultDir();
        var label = ClientTest.BinaryBytes(23, 500);
        var path = ClientTest.WriteInput(inputs.Root, "wire_case seg.nii.gz", label);
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("03_put_datastore_label");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");

        var saved = await client.UploadLabelAsync("wire_case", FileParameter.FromFile(path), "final", new Dictionary<string, object?> { ["label_info"] = new[] { new { name = "spleen", idx = 1 } } });

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/label", "image=wire_case&tag=final");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "label" }, body.PartNames);
        WireAssert.JsonEqual("{\"label_info\":[{\"name\":\"spleen\",\"idx\":1}],\"client_id\":\"viewer-1\"}", body.Part("params").Text);
        Assert.Equal("wire_case_seg.nii.gz", body.Part("label").FileName);
        Assert.Equal(label, body.Part("label").Content);
        Assert.NotNull(saved);
    }

    [Fact]
    public async Task UploadLabel_without_tag_leaves_the_tag_to_the_server()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("03_put_datastore_label");

        await wire.CreateClient().UploadLabelAsync("wire_case", FileParameter.FromStream(new MemoryStream(new byte[] { 9 }), "l.nii.gz"), tag: "");

        ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/label", "image=wire_case");
    }

    [Fact]
    public async Task CreateSession_sends_the_image_as_a_files_part()
    {
        using var inputs = new TempResultDir();
        var image = ClientTest.BinaryBytes(24, 700);
        var path = ClientTest.WriteInput(inputs.Root, "Fall Ü 1.nii.gz", image);
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"4d1c7b0e\",\"session_info\":{\"name\":\"4d1c7b0e\",\"image\":\"/s/4d1c7b0e/image.nii.gz\",\"expiry\":3600}}");

        var created = await wire.CreateClient().CreateSessionAsync(FileParameter.FromFile(path), expiry: 3600);

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/session/", "uncompress=false&expiry=3600");
        var body = request.Multipart();
        Assert.Equal(new[] { "files" }, body.PartNames);
        Assert.Equal("Fall_U_1.nii.gz", body.Part("files").FileName);
        Assert.Equal(image, body.Part("files").Content);
        Assert.Equal("4d1c7b0e", created.SessionId);
        Assert.Equal(3600, created.SessionInfo!.Expiry);
    }
}
