using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Bulk;

/// <summary>UploadManyAsync and DownloadManyAsync: per-file outcomes, resume, progress in items and bytes.</summary>
public class BulkUploadTests
{
    [Fact]
    public async Task Uploads_every_file_skips_ids_already_on_the_server_and_reports_bad_files_per_item()
    {
        using var store = new FakeDatastore("b") { UploadRefused = id => id == "refused" };
        using var files = new TempResultDir();
        var a = files.File("a.nii.gz", 1000);
        var b = files.File("b.nii.gz", 2000);
        var refused = files.File("refused.nii.gz", 10);
        var missing = files.PathOf("missing.nii.gz");
        var c = files.File("c.seg.nrrd", 3000);
        using var client = store.Client();
        var progress = new List<BulkProgress>();
        var items = new[] { a, b, refused, missing, c }.Select(BulkUploadItem.FromFile).ToList();

        var outcomes = await BulkInferTests.ToListAsync(client.UploadManyAsync(items, new BulkUploadOptions
        {
            MaxConcurrency = 2, Progress = new SyncProgress<BulkProgress>(progress.Add),
        }));

        var byId = outcomes.ToDictionary(o => o.ImageId);
        Assert.Equal(new[] { "a", "b", "c", "missing", "refused" }, byId.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal((BulkItemStatus.Succeeded, 1000L), (byId["a"].Status, byId["a"].Bytes));
        Assert.Equal("a", byId["a"].Result!.Image);
        Assert.Equal(BulkItemStatus.Skipped, byId["b"].Status);
        Assert.Equal(BulkItemStatus.Succeeded, byId["c"].Status); // c.seg.nrrd: the id is the name without all extensions
        Assert.Equal(MonaiLabelErrorKind.LocalFile, byId["missing"].Error!.Kind);
        Assert.Contains("missing.nii.gz", byId["missing"].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(MonaiLabelErrorKind.ValidationFailed, byId["refused"].Error!.Kind);
        Assert.Equal(422, byId["refused"].Error!.StatusCode);

        var puts = store.Server.RequestsTo("/datastore/image");
        Assert.Equal(new[] { "image=a", "image=c", "image=refused" }, puts.Select(r => r.Query.Split('&')[0]).OrderBy(q => q, StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(a), puts.Single(r => r.Query.StartsWith("image=a", StringComparison.Ordinal)).Multipart().Part("file").Content);
        var last = progress[progress.Count - 1];
        Assert.Equal((5L, 2L, 1L, 2L, 4000L), (last.Total!.Value, last.Succeeded, last.Skipped, last.Failed, last.Bytes));
    }

    [Fact]
    public async Task A_second_run_uploads_nothing_again()
    {
        using var store = new FakeDatastore();
        using var files = new TempResultDir();
        var items = Enumerable.Range(0, 5).Select(i => BulkUploadItem.FromFile(files.File($"case_{i}.nii.gz", 100 + i))).ToList();
        using var client = store.Client();

        var first = await BulkInferTests.ToListAsync(client.UploadManyAsync(items));
        var second = await BulkInferTests.ToListAsync(client.UploadManyAsync(items));

        Assert.All(first, o => Assert.Equal(BulkItemStatus.Succeeded, o.Status));
        Assert.All(second, o => Assert.Equal(BulkItemStatus.Skipped, o.Status));
        Assert.Equal(5, store.Server.RequestsTo("/datastore/image").Count);
    }

    [Fact]
    public async Task Without_SkipCompleted_an_existing_id_is_uploaded_again()
    {
        using var store = new FakeDatastore("a");
        using var files = new TempResultDir();
        using var client = store.Client();

        var outcome = Assert.Single(await BulkInferTests.ToListAsync(client.UploadManyAsync(
            new[] { BulkUploadItem.FromFile(files.File("a.nii.gz", 10)) }, new BulkUploadOptions { SkipCompleted = false })));

        Assert.Equal(BulkItemStatus.Succeeded, outcome.Status);
        Assert.Empty(store.Server.RequestsTo("/datastore/")); // no listing asked for
    }

    [Fact]
    public void Image_ids_are_the_file_name_without_all_its_extensions()
    {
        Assert.Equal("case_1", BulkUploadItem.ImageIdOf(Path.Combine("dir", "case_1.nii.gz")));
        Assert.Equal("scan", BulkUploadItem.ImageIdOf("scan.seg.nrrd"));
        Assert.Throws<ArgumentException>(() => new BulkUploadItem("x.nii", ""));
    }
}
