using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>
/// Issue 23: <c>datastore upload PATH…</c> (files and folders), <c>infer MODEL --all|--ids|--unlabeled --save-as</c>,
/// <c>datastore download --all DIR --labels TAG</c>: per-item errors, exit codes, resume, a gentle Ctrl+C.
/// </summary>
public class BulkCommandTests
{
    [Fact]
    public async Task Upload_of_a_folder_sends_every_image_below_it_under_its_stem_and_a_second_run_skips_them()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var temp = new TempDirectory();
        var sub = Directory.CreateDirectory(Path.Combine(temp.Path, "sub", "deeper")).FullName;
        Directory.CreateDirectory(Path.Combine(temp.Path, ".cache"));
        var a = temp.File("a.nii.gz", Bytes(1, 3000));
        var b = temp.File(Path.Combine("sub", "b.nrrd"), Bytes(2, 2000));
        var c = temp.File(Path.Combine("sub", "deeper", "c.seg.nrrd"), Bytes(3, 1000));
        temp.File(Path.Combine(".cache", "hidden.nii.gz"), Bytes(4, 10)); // hidden folders are left out

        var first = await Mlabel.RunAsync(server, "datastore", "upload", temp.Path, "--concurrency", "2");

        Mlabel.Ok(first);
        Assert.Contains("upload: 3 done, 0 skipped (done before), 0 failed of 3", first.Stdout);
        using var client = new MonaiLabelClient(server.Url);
        var listing = await client.GetDatastoreAsync();
        Assert.Equal(new[] { "a", "b", "c" }, listing.Objects!.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (id, path) in new[] { ("a", a), ("b", b), ("c", c) })
        {
            using var download = await client.DownloadImageAsync(id);
            using var bytes = new MemoryStream();
            await download.Stream.CopyToAsync(bytes);
            Assert.Equal(File.ReadAllBytes(path), bytes.ToArray());
        }

        var second = await Mlabel.RunAsync(server, "datastore", "upload", temp.Path);

        Mlabel.Ok(second);
        Assert.Contains("upload: 0 done, 3 skipped (done before), 0 failed of 3", second.Stdout);
    }

    [Fact]
    public async Task Bad_files_in_a_folder_are_per_item_errors_and_the_run_goes_on()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "sub"));
        temp.File("good.nii.gz", Bytes(1, 100));
        temp.File("notes.txt", Bytes(2, 10));                                // not an image
        temp.File("twice.nii.gz", Bytes(3, 100));                            // two files, one id
        temp.File(Path.Combine("sub", "twice.nrrd"), Bytes(4, 100));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "gone.nii.gz"), Path.Combine(temp.Path, "no-such-target")); // unreadable

        var result = await Mlabel.RunAsync(server, "--json", "datastore", "upload", temp.Path);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        var items = lines.Where(l => l["image"] != null).ToDictionary(l => (string)l["path"]!, l => l);
        Assert.Equal("succeeded", (string?)items[Path.Combine(temp.Path, "good.nii.gz")]["status"]);
        Assert.Contains("not an image file", (string?)items[Path.Combine(temp.Path, "notes.txt")]["error"]!["message"]);
        Assert.Contains("give one image id 'twice'", (string?)items[Path.Combine(temp.Path, "twice.nii.gz")]["error"]!["message"]);
        Assert.Contains("give one image id 'twice'", (string?)items[Path.Combine(temp.Path, "sub", "twice.nrrd")]["error"]!["message"]);
        Assert.Equal("LocalFile", (string?)items[Path.Combine(temp.Path, "gone.nii.gz")]["error"]!["kind"]);
        var summary = (JObject)lines.Last()["summary"]!;
        Assert.Equal((5, 1, 4), ((int)summary["total"]!, (int)summary["succeeded"]!, (int)summary["failed"]!));
        Assert.Equal(new[] { "gone", "notes", "twice", "twice" }, summary["failed_ids"]!.Select(t => (string)t!).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Contains("mlabel: failed notes: LocalFile:", result.Stderr);

        using var client = new MonaiLabelClient(server.Url);
        Assert.Equal(new[] { "good" }, (await client.GetDatastoreAsync()).Objects!.Keys); // never silently one 'twice'
    }

    [Fact]
    public async Task A_server_failing_every_third_request_or_refusing_an_id_fails_those_items_only()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        await using var proxy = await FaultProxy.StartAsync(server.Url, r =>
            Task.FromResult<int?>(r.Image == "refused" ? 422 : r.Number % 3 == 0 ? 500 : null));
        using var temp = new TempDirectory();
        foreach (var i in Enumerable.Range(0, 8))
        {
            temp.File($"case_{i}.nii.gz", Bytes(i, 200));
        }

        temp.File("refused.nii.gz", Bytes(9, 200));

        var result = await Mlabel.RunAsync(proxy.Url, "datastore", "upload", temp.Path, "--concurrency", "1");

        Assert.Equal(1, result.ExitCode);
        // Request 1 is the listing; of the 9 uploads (requests 2-10) numbers 3, 6 and 9 fail, and 'refused' is refused.
        var failedLine = result.Stdout.Split('\n').Single(l => l.StartsWith("failed: ", StringComparison.Ordinal));
        var failed = failedLine["failed: ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var refusedNumber = proxy.Seen.Single(r => r.Image == "refused").Number;
        var expectedFailures = refusedNumber % 3 == 0 ? 3 : 4;
        Assert.Equal(expectedFailures, failed.Length);
        Assert.Contains("refused", failed);
        Assert.Contains("ServerError: ", result.Stderr);
        Assert.Contains("Internal Server Error", result.Stderr);
        Assert.Contains("failed refused: ValidationFailed: ", result.Stderr);
        Assert.True(result.Stderr.Contains("refused by the test", StringComparison.Ordinal), result.ToString());
        Assert.Contains($"upload: {9 - expectedFailures} done, 0 skipped (done before), {expectedFailures} failed of 9", result.Stdout);
        using var client = new MonaiLabelClient(server.Url);
        Assert.Equal(9 - expectedFailures, (await client.GetDatastoreAsync()).Objects!.Count);
    }

    [Fact]
    public async Task Ctrl_C_stops_after_the_upload_in_flight_and_the_same_command_finishes_the_rest_sending_each_file_once()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var stop = new CancellationTokenSource();
        var c = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var proxy = await FaultProxy.StartAsync(server.Url, async r =>
        {
            if (r.Image == "case_2" && r.Method == "PUT" && !held.Task.IsCompleted)
            {
                held.TrySetResult();
                await c.Task; // case_2 is in flight when Ctrl+C comes
            }

            return null;
        });
        using var temp = new TempDirectory();
        foreach (var i in Enumerable.Range(0, 6))
        {
            temp.File($"case_{i}.nii.gz", Bytes(i, 500));
        }

        var args = new[] { "--server", proxy.Url.ToString(), "datastore", "upload", temp.Path, "--concurrency", "1" };
        var stopTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Mlabel.RunWithStopAsync(stop.Token, stopTaken, args);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        await stopTaken.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a SIGINT is taken asynchronously by a child process
        c.SetResult();
        var first = await run;

        Assert.Equal(130, first.ExitCode);
        Assert.Contains("upload: 3 done, 0 skipped (done before), 0 failed of 6", first.Stdout);
        Assert.Contains("stopped with 3 not done", first.Stdout);
        Assert.Contains("run the same command again", first.Stderr);

        var second = await Mlabel.RunAsync(args);

        Mlabel.Ok(second);
        Assert.Contains("upload: 3 done, 3 skipped (done before), 0 failed of 6", second.Stdout);
        foreach (var i in Enumerable.Range(0, 6))
        {
            Assert.Equal(1, proxy.Count("PUT", "/datastore/image", $"case_{i}"));
        }
    }

    [Fact]
    public async Task Infer_all_with_save_as_labels_every_image_and_a_second_run_sends_no_infer()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 3);
        await using var proxy = await FaultProxy.StartAsync(server.Url, _ => Task.FromResult<int?>(null));
        using var temp = new TempDirectory();
        var model = "segmentation_spleen";

        var first = await Mlabel.RunAsync(proxy.Url, "infer", model, "--all", "--save-as", "auto", "--out", temp.Path, "--concurrency", "2");

        Mlabel.Ok(first);
        Assert.Contains($"infer {model}: 3 done, 0 skipped (done before), 0 failed of 3", first.Stdout);
        using var client = new MonaiLabelClient(server.Url);
        var listing = await client.GetDatastoreAsync();
        foreach (var (id, entry) in listing.Objects!)
        {
            Assert.True(entry.Labels!.ContainsKey("auto"), id);
            var result = Directory.GetFiles(temp.Path, id + "_" + model + ".*").Single();
            using var label = await client.DownloadLabelAsync(id, "auto");
            using var bytes = new MemoryStream();
            await label.Stream.CopyToAsync(bytes);
            Assert.Equal(File.ReadAllBytes(result), bytes.ToArray());
        }

        var infers = proxy.Count("POST", "/infer/" + model);
        var second = await Mlabel.RunAsync(proxy.Url, "--json", "infer", model, "--unlabeled", "auto", "--save-as", "auto", "--out", temp.Path);
        var third = await Mlabel.RunAsync(proxy.Url, "infer", model, "--all", "--save-as", "auto", "--out", temp.Path);

        Mlabel.Ok(second);
        Assert.Equal(0, (int)JObject.Parse(second.Stdout.Trim())["summary"]!["total"]!); // nothing is unlabeled now
        Mlabel.Ok(third);
        Assert.Contains("0 done, 3 skipped (done before)", third.Stdout);
        Assert.Equal(infers, proxy.Count("POST", "/infer/" + model));
        Assert.Equal(3, infers);
    }

    [Fact]
    public async Task Infer_ids_from_a_file_reports_an_unknown_id_as_a_failed_item_and_exits_1()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 2);
        using var client = new MonaiLabelClient(server.Url);
        var known = (await client.GetDatastoreAsync()).Objects!.Keys.First();
        using var temp = new TempDirectory();
        var ids = temp.File("ids.txt", System.Text.Encoding.UTF8.GetBytes($"# images\n{known}\nno_such_image\n"));

        var result = await Mlabel.RunAsync(server, "infer", "segmentation_spleen", "--ids", ids, "--out", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 done, 0 skipped (done before), 1 failed of 2", result.Stdout);
        Assert.Contains("failed: no_such_image", result.Stdout);
        Assert.Contains("mlabel: failed no_such_image:", result.Stderr);
    }

    [Fact]
    public async Task Download_all_saves_every_image_and_its_label_and_a_second_run_skips_them()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 2);
        using var client = new MonaiLabelClient(server.Url);
        var ids = (await client.GetDatastoreAsync()).Objects!.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        await client.UploadLabelAsync(ids[0], FileParameter.FromStream(new MemoryStream(Bytes(7, 300)), "l.nii.gz"), "final");
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "dataset");

        var first = await Mlabel.RunAsync(server, "datastore", "download", "--all", dir, "--labels", "final");
        var second = await Mlabel.RunAsync(server, "datastore", "download", "--all", dir, "--labels", "final");

        Mlabel.Ok(first);
        Assert.Contains("download: 2 done, 0 skipped (done before), 0 failed of 2", first.Stdout);
        Assert.Equal(2, Directory.GetFiles(dir).Length);
        Assert.Equal(Bytes(7, 300), File.ReadAllBytes(Directory.GetFiles(Path.Combine(dir, "labels", "final")).Single()));
        Mlabel.Ok(second);
        Assert.Contains("download: 0 done, 2 skipped (done before)", second.Stdout);
    }

    [Theory]
    [InlineData("infer", "segmentation_spleen", "--all", "--image", "x")]
    [InlineData("infer", "segmentation_spleen", "--all", "--unlabeled", "final")]
    [InlineData("infer", "segmentation_spleen", "--image", "x", "--save-as", "auto")]
    [InlineData("infer", "segmentation_spleen", "--all", "--concurrency", "0")]
    [InlineData("datastore", "download", "--all", "d", "x")]
    public async Task Contradictory_bulk_options_are_usage_errors(params string[] args)
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);

        Mlabel.Fails(await Mlabel.RunAsync(server, args), 2);
    }

    [Fact]
    public async Task Upload_of_a_folder_with_an_id_is_a_usage_error()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 0);
        using var temp = new TempDirectory();

        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "datastore", "upload", temp.Path, "--id", "x"), 2);

        Assert.Contains("--id names the image of a single file", line);
    }

    private static byte[] Bytes(int seed, int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 13) + seed)).ToArray();
}
