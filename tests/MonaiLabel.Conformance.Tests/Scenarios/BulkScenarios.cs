using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>
/// Issue 23: bulk upload and bulk infer with write-back, stopped gently at about half and run again. Nothing is done
/// twice beyond the items in flight (the run reports each item's outcome; a skipped item sends nothing), and every
/// byte on the server is right.
/// </summary>
[Collection(TargetCollection.Name)]
public sealed class BulkScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task A_bulk_upload_stopped_at_half_and_run_again_stores_every_file_once_byte_for_byte()
    {
        var prefix = NewId("bulkup");
        var files = Enumerable.Range(0, 10).Select(i => WriteFile($"{prefix}_{i}.nii.gz", Data(prefix + i, 2000 + i))).ToList();
        var items = files.Select(BulkUploadItem.FromFile).ToList();
        using var stop = new CancellationTokenSource();
        var options = new BulkUploadOptions { MaxConcurrency = 2, StopToken = stop.Token };

        var first = new List<BulkUploadOutcome>();
        await foreach (var outcome in Client.UploadManyAsync(items, options))
        {
            first.Add(outcome);
            if (first.Count == 5)
            {
                stop.Cancel();
            }
        }

        var second = await ListAsync(Client.UploadManyAsync(items, new BulkUploadOptions { MaxConcurrency = 2 }));

        Assert.InRange(first.Count, 5, 6); // 5, and at most the one still in flight
        Assert.All(first, o => Assert.Equal(BulkItemStatus.Succeeded, o.Status));
        Assert.Equal(10, second.Count);
        Assert.Equal(first.Count, second.Count(o => o.Status == BulkItemStatus.Skipped));
        Assert.Equal(10 - first.Count, second.Count(o => o.Status == BulkItemStatus.Succeeded));
        Assert.Equal(items.Select(i => i.ImageId).OrderBy(i => i), first.Concat(second.Where(o => o.Status == BulkItemStatus.Succeeded)).Select(o => o.ImageId).OrderBy(i => i));
        foreach (var (item, path) in items.Zip(files))
        {
            using var download = await Client.DownloadImageAsync(item.ImageId);
            using var bytes = new MemoryStream();
            await download.Stream.CopyToAsync(bytes);
            Assert.Equal(await File.ReadAllBytesAsync(path), bytes.ToArray());
        }
    }

    [Fact]
    public async Task A_bulk_infer_with_write_back_stopped_at_half_and_run_again_labels_every_image_once()
    {
        var ids = Enumerable.Range(0, 6).Select(i => NewId("bulkinf")).ToList();
        var images = new Dictionary<string, byte[]>();
        foreach (var id in ids)
        {
            images[id] = await SeedImageAsync(id);
        }

        var tag = "bulk";
        using var stop = new CancellationTokenSource();
        var first = new List<BulkInferOutcome>();
        await foreach (var outcome in Client.InferManyAsync("segmentation_spleen", ImageSelection.FromIds(ids), new BulkInferOptions
        {
            MaxConcurrency = 2, ResultDirectory = Temp, SaveAsTag = tag, StopToken = stop.Token,
        }))
        {
            first.Add(outcome);
            if (first.Count == 3)
            {
                stop.Cancel();
            }
        }

        var second = await ListAsync(Client.InferManyAsync("segmentation_spleen", ImageSelection.FromIds(ids), new BulkInferOptions
        {
            MaxConcurrency = 2, ResultDirectory = Temp, SaveAsTag = tag,
        }));

        Assert.InRange(first.Count, 3, 4);
        Assert.All(first, o => Assert.Equal(BulkItemStatus.Succeeded, o.Status));
        // Every image ran the model exactly once over both runs: the second run skipped the first run's images.
        var ran = first.Concat(second).Where(o => o.Result != null).Select(o => o.ImageId).OrderBy(i => i).ToList();
        Assert.Equal(ids.OrderBy(i => i), ran);
        Assert.Equal(first.Count, second.Count(o => o.Status == BulkItemStatus.Skipped));
        foreach (var id in ids)
        {
            using var label = await Client.DownloadLabelAsync(id, tag);
            using var bytes = new MemoryStream();
            await label.Stream.CopyToAsync(bytes);
            Assert.Equal(Target.ExpectedLabel(images[id]), bytes.ToArray());
            var info = await Client.GetLabelInfoAsync(id, tag);
            Assert.Equal("segmentation_spleen", (string?)info.AdditionalProperties["model"]);
        }
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
