using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Hostile;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>ITransferProgress: the total of a transfer is told before its bytes, when the SDK knows it.</summary>
public class TransferProgressTests
{
    [Fact]
    public async Task A_download_reports_its_Content_Length_first_then_reaches_it()
    {
        var body = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();
        // As Starlette's FileResponse sends it: with a Content-Length (WireMock would answer chunked).
        using var server = RawServer.Answering(_ => RawHttp.File(body, "attachment; filename=\"label.nii.gz\""));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        using var client = new MonaiLabelClient(server.BaseUrl);
        var saved = await client.DownloadLabelToAsync("case_01", "final", dir.Dir, progress: progress);

        Assert.Equal("total " + body.Length, progress.Events.First());
        Assert.Equal("bytes " + body.Length, progress.Events.Last());
        Assert.Equal(body.Length, saved.Length);
    }

    [Fact]
    public async Task A_chunked_download_has_no_total_and_still_reports_bytes()
    {
        var body = new byte[50_000];
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(body, "attachment; filename=\"label.nii.gz\""));
        using var dir = new TempResultDir();
        var progress = new RecordingProgress();

        await wire.CreateClient().DownloadLabelToAsync("case_01", "final", dir.Dir, progress: progress);

        Assert.DoesNotContain(progress.Events, e => e.StartsWith("total", StringComparison.Ordinal));
        Assert.Equal("bytes " + body.Length, progress.Events.Last());
    }

    [Fact]
    public async Task An_upload_from_a_file_reports_the_file_length_first_then_reaches_it()
    {
        using var dir = new TempResultDir();
        var path = dir.PathOf("case_01.nii.gz");
        File.WriteAllBytes(path, new byte[123_456]);
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"image\": \"case_01\"}");
        var progress = new RecordingProgress();

        await wire.CreateClient().UploadImageAsync(FileParameter.FromFile(path, progress: progress), "case_01");

        Assert.Equal("total 123456", progress.Events.First());
        Assert.Equal("bytes 123456", progress.Events.Last());
    }

    [Fact]
    public void A_plain_IProgress_gets_bytes_only()
    {
        var reports = new List<long>();
        var progress = new RecordingProgress(reports.Add);

        using var upload = FileParameter.FromStream(new MemoryStream(new byte[10]), "a.nii.gz", progress: progress).Data;
        upload.CopyTo(Stream.Null);

        Assert.Equal(10, reports.Last());
    }
}
