using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>The <c>Download…ToAsync</c> members: route, saved name (decoded, made safe), exact bytes, progress.</summary>
public class DownloadTests
{
    [Fact]
    public async Task DownloadLabelTo_decodes_the_RFC8187_name_of_the_real_answer()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("20_get_datastore_label_nonascii");
        Assert.Equal("attachment; filename*=utf-8''Fall%20%C3%9C%201%20%28wire%29.nii.gz", capture.Header("content-disposition"));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadLabelToAsync("Fall Ü 1 (wire)", "final", dir.Dir, progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/label", "label=" + Wire.WireSamples.OddImageIdInQuery + "&tag=final");
        Assert.Equal(dir.PathOf("Fall Ü 1 (wire).nii.gz"), saved.Path);
        Assert.Equal("Fall Ü 1 (wire).nii.gz", saved.FileName);
        Assert.Equal("Fall Ü 1 (wire).nii.gz", saved.RawFileName);
        Assert.Equal("application/octet-stream", saved.ContentType);
        dir.AssertSavedInside(saved, capture.Body);
        Assert.Equal(26, saved.Length);
        progress.AssertReached(26);
        Assert.Equal(new[] { "Fall Ü 1 (wire).nii.gz" }, dir.FileNames);
    }

    [Fact]
    public async Task DownloadImageTo_saves_the_image_under_its_name()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("22_get_datastore_image");
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadImageToAsync("wire_case", dir.Dir, progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/image", "image=wire_case");
        Assert.Equal(dir.PathOf("wire_case.nii.gz"), saved.Path);
        dir.AssertSavedInside(saved, capture.Body);
        progress.AssertReached(capture.Body.Length);
    }

    [Fact]
    public async Task DownloadModelTo_saves_the_weights_and_keeps_the_odd_content_type()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("23_get_model");
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadModelToAsync("segmentation_spleen", dir.Dir, progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/model/segmentation_spleen");
        Assert.Equal(dir.PathOf("segmentation_spleen.pt"), saved.Path);
        Assert.Equal("application/vnd.snesdev-page-table", saved.ContentType);
        Assert.Equal(4096, capture.Body.Length);
        dir.AssertSavedInside(saved, capture.Body);
        progress.AssertReached(4096);
    }

    [Fact]
    public async Task DownloadModelTo_without_a_name_from_the_server_uses_model_dot_pt()
    {
        var bytes = ClientTest.BinaryBytes(8, 2048);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, contentDisposition: null));
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadModelToAsync("deepedit", dir.Dir);

        Assert.Equal(dir.PathOf("deepedit.pt"), saved.Path);
        Assert.Null(saved.RawFileName);
        dir.AssertSavedInside(saved, bytes);
    }

    [Fact]
    public async Task DownloadDatasetTo_saves_the_zip_and_sends_limit_cases()
    {
        var zip = ClientTest.BinaryBytes(9, 300_000);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(zip, "attachment; filename=\"dataset.zip\"", "application/zip"));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadDatasetToAsync(limitCases: 2, directory: dir.Dir, progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/dataset", "limit_cases=2");
        Assert.Equal(dir.PathOf("dataset.zip"), saved.Path);
        Assert.Equal("application/zip", saved.ContentType);
        dir.AssertSavedInside(saved, zip);
        progress.AssertReached(zip.Length);
    }

    [Fact]
    public async Task DownloadDatasetTo_without_a_name_uses_dataset_zip()
    {
        var zip = ClientTest.BinaryBytes(10, 100);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(zip, contentDisposition: null, "application/zip"));
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadDatasetToAsync(directory: dir.Dir);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/dataset");
        Assert.Equal(dir.PathOf("dataset.zip"), saved.Path);
    }

    [Fact]
    public async Task DownloadSessionImageTo_asks_for_the_image_and_saves_it()
    {
        var image = ClientTest.BinaryBytes(11, 5000);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(image, "attachment; filename=\"image.nii.gz\""));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        var saved = await wire.CreateClient().DownloadSessionImageToAsync("0c4e9f6a-session", dir.Dir, progress: progress);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/session/0c4e9f6a-session", "update_ts=false&image=true");
        Assert.Equal(dir.PathOf("image.nii.gz"), saved.Path);
        dir.AssertSavedInside(saved, image);
        progress.AssertReached(image.Length);
    }

    [Fact]
    public async Task Downloads_go_to_the_client_ResultDirectory_by_default_and_create_it()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("21_get_datastore_label_ascii");
        using var dir = new TempResultDir(create: false);
        var client = wire.CreateClient(o => o.ResultDirectory = dir.Dir);

        var saved = await client.DownloadLabelToAsync("wire_case", "final");

        Assert.Equal(dir.PathOf("wire_case.nii.gz"), saved.Path);
        Assert.Equal(capture.Body, File.ReadAllBytes(saved.Path));
    }

    [Fact]
    public async Task A_label_without_a_server_name_is_saved_under_its_id()
    {
        var bytes = ClientTest.BinaryBytes(12, 10);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment"));
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadLabelToAsync("../case 7", "final", dir.Dir);

        Assert.Equal(dir.PathOf("case 7"), saved.Path);
        Assert.Null(saved.RawFileName);
        dir.AssertNothingOutsideDir();
    }
}
