using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Bulk;

/// <summary>InferManyAsync: bounded concurrency, per-item outcomes, progress, resume, write-back, stop and cancel.</summary>
public class BulkInferTests
{
    [Fact]
    public async Task Runs_at_most_MaxConcurrency_infers_at_once_and_saves_every_result()
    {
        var ids = new[] { "a", "b", "c", "d", "e", "f", "g" };
        using var store = new FakeDatastore(ids);
        var allThree = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        store.InferArrived = _ =>
        {
            if (Interlocked.Increment(ref arrived) == 3)
            {
                allThree.TrySetResult(true);
            }
        };
        // The first infers are held until three are in flight at once: the run must reach its concurrency (or hang).
        store.HoldInfer = _ => Bounded(allThree.Task);
        using var results = new TempResultDir();
        using var client = store.Client();
        var progress = new List<BulkProgress>();

        var outcomes = await ToListAsync(client.InferManyAsync("seg", ImageSelection.FromIds(ids), new BulkInferOptions
        {
            MaxConcurrency = 3, ResultDirectory = results.Dir, Progress = new SyncProgress<BulkProgress>(progress.Add),
        }));

        Assert.Equal(3, store.MaxInFlight);
        Assert.Equal(ids, outcomes.Select(o => o.ImageId).OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(outcomes, o =>
        {
            Assert.Equal(BulkItemStatus.Succeeded, o.Status);
            Assert.Null(o.Error);
            Assert.Equal(results.PathOf(o.ImageId + "_seg.nii.gz"), o.ResultPath);
            Assert.Equal(FakeDatastore.LabelOf(o.ImageId), File.ReadAllBytes(o.ResultPath!));
            Assert.Equal(1L, o.Result!.Params!["label_names"]!["spleen"]!.Value<long>());
        });
        Assert.Equal(Enumerable.Range(0, 8).Select(n => (long)n), progress.Select(p => p.Done)); // 0 first: the total before any item ends
        Assert.All(progress, p => Assert.Equal(7, p.Total));
        Assert.Equal(ids.Sum(i => (long)FakeDatastore.LabelOf(i).Length), progress[^1].Bytes);
        results.AssertNothingOutsideDir();
    }

    [Fact]
    public async Task A_failing_image_is_a_typed_failed_outcome_and_the_run_goes_on()
    {
        using var store = new FakeDatastore("a", "b", "c") { InferFails = id => id == "b" };
        using var results = new TempResultDir();
        using var client = store.Client();
        var progress = new List<BulkProgress>();

        var outcomes = await ToListAsync(client.InferManyAsync("seg", ImageSelection.All, new BulkInferOptions
        {
            MaxConcurrency = 1, ResultDirectory = results.Dir, Progress = new SyncProgress<BulkProgress>(progress.Add),
        }));

        Assert.Equal(new[] { "a", "b", "c" }, outcomes.Select(o => o.ImageId)); // All: the listing's ids, sorted; one at a time keeps the order
        var failed = outcomes[1];
        Assert.Equal(BulkItemStatus.Failed, failed.Status);
        Assert.Equal(MonaiLabelErrorKind.ServerError, failed.Error!.Kind);
        Assert.Equal(500, failed.Error.StatusCode);
        Assert.Null(failed.ResultPath);
        Assert.Equal(new[] { "a_seg.nii.gz", "c_seg.nii.gz" }, results.FileNames);
        Assert.Equal((2L, 0L, 1L), (progress[^1].Succeeded, progress[^1].Skipped, progress[^1].Failed));
    }

    [Fact]
    public async Task Images_whose_result_file_is_there_are_skipped_without_a_request()
    {
        using var store = new FakeDatastore("a", "b");
        using var results = new TempResultDir();
        File.WriteAllBytes(results.PathOf("a_seg.nii.gz"), new byte[] { 7 });
        File.WriteAllBytes(results.PathOf(".a_seg.nii.gz.0123.partial"), new byte[] { 7 }); // an interrupted save is no result
        using var client = store.Client();

        var outcomes = await ToListAsync(client.InferManyAsync("seg", ImageSelection.FromIds(new[] { "a", "b", "a" }), new BulkInferOptions { ResultDirectory = results.Dir }));

        Assert.Equal(2, outcomes.Count); // a repeated id is worked on once
        var a = outcomes.Single(o => o.ImageId == "a");
        Assert.Equal(BulkItemStatus.Skipped, a.Status);
        Assert.Equal(results.PathOf("a_seg.nii.gz"), a.ResultPath);
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(a.ResultPath!));
        Assert.Equal(0, store.Infers("a"));
        Assert.Equal(BulkItemStatus.Succeeded, outcomes.Single(o => o.ImageId == "b").Status);
    }

    [Fact]
    public async Task SaveAsTag_saves_each_result_as_a_label_in_the_shape_Slicer_saves_and_a_second_run_sends_no_infer()
    {
        using var store = new FakeDatastore("a", "b", "c");
        store.Labels["c/auto"] = true; // c is labelled already
        using var results = new TempResultDir();
        using var client = store.Client(o => o.ClientId = "bulk-test");
        var options = new BulkInferOptions { ResultDirectory = results.Dir, SaveAsTag = "auto" };

        var first = await ToListAsync(client.InferManyAsync("seg", ImageSelection.WithoutLabel("final"), options));

        Assert.Equal(new[] { BulkItemStatus.Succeeded, BulkItemStatus.Succeeded, BulkItemStatus.Skipped }, first.OrderBy(o => o.ImageId, StringComparer.Ordinal).Select(o => o.Status).ToArray());
        Assert.Equal(0, store.Infers("c"));
        var put = store.Server.RequestsTo("/datastore/label").Single(r => r.Method == "PUT" && r.Query.Contains("image=a", StringComparison.Ordinal));
        Assert.Contains("tag=auto", put.Query, StringComparison.Ordinal);
        var multipart = put.Multipart();
        Assert.Equal(FakeDatastore.LabelOf("a"), multipart.Part("label").Content);
        WireAssert.JsonEqual(
            "{\"model\":\"seg\",\"label_info\":[{\"name\":\"spleen\",\"idx\":1}],\"client_id\":\"bulk-test\"}",
            multipart.Part("params").Text);
        Assert.Equal("a", first.Single(o => o.ImageId == "a").SavedLabel!.Image);

        var infersBefore = store.Infers();
        var second = await ToListAsync(client.InferManyAsync("seg", ImageSelection.All, options));

        Assert.All(second, o => Assert.Equal(BulkItemStatus.Skipped, o.Status));
        Assert.Equal(infersBefore, store.Infers());
    }

    [Fact]
    public async Task A_result_file_left_without_its_label_is_saved_as_the_label_without_running_the_model_again()
    {
        using var store = new FakeDatastore("a");
        using var results = new TempResultDir();
        File.WriteAllBytes(results.PathOf("a_seg.nii.gz"), FakeDatastore.LabelOf("a"));
        using var client = store.Client();

        var outcome = Assert.Single(await ToListAsync(client.InferManyAsync("seg", ImageSelection.All, new BulkInferOptions { ResultDirectory = results.Dir, SaveAsTag = "auto" })));

        Assert.Equal(BulkItemStatus.Succeeded, outcome.Status);
        Assert.Null(outcome.Result);
        Assert.NotNull(outcome.SavedLabel);
        Assert.Equal(0, store.Infers());
        Assert.True(store.Labels.ContainsKey("a/auto"));
    }

    [Fact]
    public async Task StopToken_starts_no_new_image_and_lets_those_in_flight_finish()
    {
        using var store = new FakeDatastore("a", "b", "c", "d");
        using var stop = new CancellationTokenSource();
        var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.HoldInfer = id => id == "b" ? Bounded(stopped.Task) : Task.CompletedTask; // b is in flight when the stop comes
        using var results = new TempResultDir();
        using var client = store.Client();
        var outcomes = new List<BulkInferOutcome>();

        await foreach (var outcome in client.InferManyAsync("seg", ImageSelection.All, new BulkInferOptions { MaxConcurrency = 2, ResultDirectory = results.Dir, StopToken = stop.Token }))
        {
            outcomes.Add(outcome);
            if (outcome.ImageId == "a")
            {
                stop.Cancel();
                stopped.SetResult(true);
            }
        }

        Assert.Equal(new[] { "a", "b" }, outcomes.Select(o => o.ImageId));
        Assert.All(outcomes, o => Assert.Equal(BulkItemStatus.Succeeded, o.Status));
        Assert.Equal(0, store.Infers("c") + store.Infers("d"));
        Assert.Equal(new[] { "a_seg.nii.gz", "b_seg.nii.gz" }, results.FileNames);
    }

    [Fact]
    public async Task Cancelling_aborts_the_images_in_flight_keeps_the_finished_ones_and_leaves_no_partial_file()
    {
        using var store = new FakeDatastore("a", "b", "c");
        using var cancel = new CancellationTokenSource();
        var bArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.InferArrived = id =>
        {
            if (id == "b")
            {
                bArrived.TrySetResult(true);
            }
        };
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.HoldInfer = id => id == "b" ? release.Task : Task.CompletedTask; // b does not answer before the cancel
        using var results = new TempResultDir();
        using var client = store.Client();
        var outcomes = new List<BulkInferOutcome>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var outcome in client.InferManyAsync("seg", ImageSelection.All, new BulkInferOptions { MaxConcurrency = 2, ResultDirectory = results.Dir }, cancel.Token))
            {
                outcomes.Add(outcome);
                await Bounded(bArrived.Task);
                cancel.Cancel();
            }
        });

        release.SetResult(true);
        Assert.Equal("a", Assert.Single(outcomes).ImageId);
        Assert.Equal(new[] { "a_seg.nii.gz" }, results.FileNames); // no .partial file, nothing of b or c
        Assert.Equal(0, store.Infers("c"));
    }

    [Fact]
    public async Task Arguments_are_checked_when_called()
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:1/"));
        Assert.Throws<ArgumentException>(() => client.InferManyAsync("", ImageSelection.All));
        Assert.Throws<ArgumentNullException>(() => client.InferManyAsync("seg", null!));
        Assert.Throws<ArgumentException>(() => ImageSelection.FromIds(new[] { "a", "" }));
        Assert.Throws<ArgumentException>(() => ImageSelection.WithoutLabel(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkInferOptions { MaxConcurrency = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkInferOptions { MaxConcurrency = 65 });
        await Task.CompletedTask;
    }

    /// <summary>Waits for <paramref name="task"/>, failing the test if it hangs (not a speed check).</summary>
    internal static async Task Bounded(Task task)
    {
        if (await Task.WhenAny(task, Task.Delay(HangBound)) != task)
        {
            throw new TimeoutException("the test's own wait hung");
        }

        await task;
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SyncProgress<T> : IProgress<T>
{
    private readonly Action<T> report;

    public SyncProgress(Action<T> report) => this.report = report;

    public void Report(T value) => report(value);
}
