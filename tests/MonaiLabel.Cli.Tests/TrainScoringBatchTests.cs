using System;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class TrainScoringBatchTests
{
    [Fact]
    public async Task Train_start_then_status_watch_follows_it_to_done()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 300);
        var start = await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen", "--params", "{\"max_epochs\": 3}");
        Mlabel.Ok(start);
        Assert.Contains("started training", start.Stdout);

        var watch = await Mlabel.RunAsync(server, "train", "status", "--watch", "--interval", "0.05");
        Mlabel.Ok(watch);
        Assert.Contains("training: DONE", watch.Stdout);
        Assert.Contains("Epoch: 3/3", watch.Stdout);

        var status = await Mlabel.RunAsync(server, "train", "status", "--json");
        Assert.Equal("DONE", (string?)status.Json()["status"]);
        Assert.Equal("segmentation_spleen", (string?)status.Json()["request"]!["model"]);
    }

    [Fact]
    public async Task Train_start_without_a_model_prints_one_line_per_trainer()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 300);

        var start = await Mlabel.RunAsync(server, "train", "start");

        Mlabel.Ok(start);
        Assert.Matches(@"started training of segmentation_spleen: task \S+ \((SUBMITTED|RUNNING)\)", start.Stdout);
    }

    [Fact]
    public async Task Train_start_watch_json_answers_the_final_task()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 200);
        var result = await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen", "--watch", "--interval", "50ms", "--json");
        Mlabel.Ok(result);
        Assert.Equal("DONE", (string?)result.Json()["status"]);
    }

    [Fact]
    public async Task Train_status_without_a_task_is_a_404_and_stop_when_idle_says_so()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "train", "status"), 1);
        Assert.Equal("error: NotFound (HTTP 404): No Train Tasks Found", line);

        var stop = await Mlabel.RunAsync(server, "train", "stop");
        Mlabel.Ok(stop);
        Assert.Contains("no training task was running", stop.Stdout);
    }

    [Fact]
    public async Task Train_stop_stops_a_running_task_and_a_second_start_conflicts()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 20_000);
        Mlabel.Ok(await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen"));
        var again = Mlabel.Fails(await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen"), 6); // the server's state, not the request
        Assert.Contains("TaskAlreadyRunning (HTTP 429)", again);

        var stop = await Mlabel.RunAsync(server, "train", "stop", "--json");
        Mlabel.Ok(stop);
        Assert.True((bool)stop.Json()["stopped"]!);
        Assert.Equal("STOPPED", (string?)stop.Json()["task"]!["status"]);
    }

    [Fact]
    public async Task A_watched_task_that_fails_exits_1()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 50);
        var result = await Mlabel.RunAsync(server, "train", "start", "no_such_model", "--watch", "--interval", "50ms");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("ERROR", result.Stdout);
    }

    [Fact]
    public async Task Scoring_start_watch_stop_status()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 100);
        var result = await Mlabel.RunAsync(server, "scoring", "start", "dice", "--watch", "--interval", "50ms");
        Mlabel.Ok(result);
        Assert.Contains("scoring: DONE", result.Stdout);
        Assert.Equal("DONE", (string?)(await Mlabel.RunAsync(server, "scoring", "status", "--json")).Json()["status"]);
        Assert.Contains("no scoring task was running", (await Mlabel.RunAsync(server, "scoring", "stop")).Stdout);
    }

    [Fact]
    public async Task Batch_start_watch_labels_the_unlabeled_images()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 100);
        var result = await Mlabel.RunAsync(server, "batch", "start", "segmentation_spleen", "--images", "unlabeled", "--watch", "--interval", "50ms");
        Mlabel.Ok(result);
        Assert.Contains("batch infer: DONE", result.Stdout);
        var stats = (await Mlabel.RunAsync(server, "datastore", "stats", "--json")).Json();
        Assert.Equal(3, (int)stats["label_tags"]!["original"]!);
        Mlabel.Ok(await Mlabel.RunAsync(server, "batch", "status"));
        Mlabel.Ok(await Mlabel.RunAsync(server, "batch", "stop"));
    }

    [Fact]
    public async Task Batch_with_an_unknown_image_selection_is_a_usage_error()
    {
        var line = Mlabel.Fails(await Mlabel.RunAsync("batch", "start", "segmentation_spleen", "--images", "some"), 2);
        Assert.Contains("--images", line);
    }

    [Fact]
    public async Task Ctrl_C_while_watching_exits_130()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 20_000);
        using var cancel = new CancellationTokenSource();
        var run = Mlabel.RunAsync(cancel.Token, "--server", server.Url.ToString(), "train", "start", "segmentation_spleen", "--watch", "--interval", "50ms");
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        cancel.Cancel();
        var result = await run;
        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("error: cancelled", result.Stderr);
        Assert.False(Mlabel.HasStackTrace(result.Stderr), result.ToString());
    }
}
