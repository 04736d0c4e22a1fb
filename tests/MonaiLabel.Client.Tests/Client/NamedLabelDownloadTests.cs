using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// <c>DownloadLabelToAsync(imageId, tag, directory, fileNameStem, …)</c>: a label saved under the caller's stem and the
/// extension of the server's name (mlabel's <c>label download</c> saves <c>&lt;image&gt;_&lt;tag&gt;.nii.gz</c> with it).
/// </summary>
public class NamedLabelDownloadTests
{
    [Fact]
    public async Task Saves_the_label_as_the_stem_with_the_extension_of_the_server_name()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("21_get_datastore_label_ascii"); // filename="wire_case.nii.gz"
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadLabelToAsync("wire_case", "final", dir.Dir, "wire_case_final", progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/label", "label=wire_case&tag=final");
        Assert.Equal(dir.PathOf("wire_case_final.nii.gz"), saved.Path);
        Assert.Equal("wire_case_final.nii.gz", saved.FileName);
        Assert.Equal("wire_case.nii.gz", saved.RawFileName);
        dir.AssertSavedInside(saved, capture.Body);
        progress.AssertReached(capture.Body.Length);
        Assert.Equal(new[] { "wire_case_final.nii.gz" }, dir.FileNames);
    }

    [Theory]
    [InlineData("attachment; filename=\"tmp0rbjqoff.seg.nrrd\"", "scan.v1.2_final", "scan.v1.2_final.seg.nrrd")] // the stem's dots are not an extension
    [InlineData("attachment", "case 7_final", "case 7_final")] // no server name: no extension
    [InlineData("attachment; filename=\"README\"", "case_final", "case_final")] // a name without an extension
    [InlineData("attachment; filename=\"x.nii.gz\"", "../up/CON", "_CON.nii.gz")] // made safe: no directory, no device name
    public async Task The_name_is_the_stem_and_the_server_extension_made_safe(string contentDisposition, string stem, string expected)
    {
        var bytes = ClientTest.BinaryBytes(13, 64);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, contentDisposition));
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadLabelToAsync("case", "final", dir.Dir, stem);

        Assert.Equal(dir.PathOf(expected), saved.Path);
        dir.AssertSavedInside(saved, bytes);
        dir.AssertNothingOutsideDir();
    }

    [Fact]
    public async Task A_taken_name_is_numbered_unless_overwrite()
    {
        var bytes = ClientTest.BinaryBytes(14, 32);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment; filename=\"liver_01.nii.gz\""));
        using var dir = new TempResultDir();
        var taken = dir.File("liver_01_final.nii.gz", 5);
        var client = wire.CreateClient();

        var numbered = await client.DownloadLabelToAsync("liver_01", "final", dir.Dir, "liver_01_final");
        var replaced = await client.DownloadLabelToAsync("liver_01", "final", dir.Dir, "liver_01_final", overwrite: true);

        Assert.Equal(dir.PathOf("liver_01_final (1).nii.gz"), numbered.Path);
        Assert.Equal(taken, replaced.Path);
        Assert.Equal(bytes, File.ReadAllBytes(taken));
        Assert.Equal(new[] { "liver_01_final (1).nii.gz", "liver_01_final.nii.gz" }, dir.FileNames);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_missing_stem_throws_before_anything_is_sent(string? stem)
    {
        using var wire = new WireMockServerFixture();
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => wire.CreateClient().DownloadLabelToAsync("case", "final", dir.Dir, stem!));

        Assert.Equal("fileNameStem", error.ParamName);
        Assert.Empty(wire.Server.LogEntries);
        dir.AssertEmpty();
    }
}
