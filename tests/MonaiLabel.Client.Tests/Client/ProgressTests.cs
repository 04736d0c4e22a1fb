using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>Upload and download progress: increasing byte counts that end at the exact size.</summary>
public class ProgressTests
{
    private const int ThreeMiB = 3 * 1024 * 1024;

    [Fact]
    public async Task Uploading_a_file_reports_increasing_progress_ending_at_its_size()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{\"image\":\"case-1\"}"));
        using var files = new TempResultDir();
        var path = files.File("case-1.nii.gz", ThreeMiB);
        var progress = new RecordingProgress();
        using var client = MonaiLabelClient.Create(server.Options());

        var added = await client.UploadImageAsync(FileParameter.FromFile(path, progress: progress), "case-1");

        Assert.Equal("case-1", added.Image);
        progress.AssertReached(ThreeMiB);
        Assert.True(progress.Reports.Count > 1, "expected more than one report for 3 MiB");
        var part = Assert.Single(server.Requests).Multipart().Part("file");
        Assert.Equal(File.ReadAllBytes(path), part.Content);
    }

    [Fact]
    public async Task Uploading_from_a_stream_reports_progress_too()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{\"image\":\"s\"}"));
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        var progress = new RecordingProgress();
        using var client = MonaiLabelClient.Create(server.Options());

        await client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(bytes), "s.nii.gz", progress: progress), "s");

        progress.AssertReached(bytes.Length);
    }

    [Fact]
    public async Task Downloading_a_label_reports_progress_up_to_the_body_size()
    {
        var body = Enumerable.Range(0, 1_000_003).Select(i => (byte)(i * 7)).ToArray();
        using var server = new ScriptedServer(_ => new Reply(200) { Body = body }
            .With("Content-Type", "application/octet-stream")
            .With("Content-Disposition", "attachment; filename=\"case-1.nii.gz\""));
        using var results = new TempResultDir();
        var progress = new RecordingProgress();
        using var client = MonaiLabelClient.Create(server.Options());

        var saved = await client.DownloadLabelToAsync("case-1", "final", results.Dir, progress: progress);

        progress.AssertReached(body.Length);
        Assert.Equal(body.Length, saved.Length);
        Assert.Equal(body, File.ReadAllBytes(saved.Path));
        Assert.Single(server.Requests).AssertRoute("GET", "/datastore/label", "label=case-1&tag=final");
    }
}
