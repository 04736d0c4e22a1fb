using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>Issue 24: CLI messages that say what went wrong, one test per message.</summary>
public sealed class MessagesTests
{
    [Fact]
    public async Task An_unknown_model_says_so_and_lists_the_servers_models()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "infer", "nope", "--image", "case_01", "--out", Path.GetTempPath()), 1);
        Assert.StartsWith("error: UnknownModel (HTTP 500): unknown model 'nope'; the server's models: ", line);
        Assert.Contains("segmentation_spleen", line);
        Assert.DoesNotContain("Internal Server Error", line);

        var json = (await Mlabel.RunAsync(server, "--json", "infer", "nope", "--image", "case_01", "--out", Path.GetTempPath())).Json();
        Assert.Equal("UnknownModel", (string?)json["kind"]);
        Assert.Equal(500, (int)json["status"]!);
    }

    [Fact]
    public async Task An_unknown_strategy_says_so_and_lists_the_servers_strategies()
    {
        await using var server = await Mlabel.StartAsync();
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "next-sample", "nope"), 1);
        Assert.StartsWith("error: UnknownStrategy (HTTP 500): unknown strategy 'nope'; the server's strategies: ", line);
        Assert.Contains("random", line);
    }

    [Fact]
    public async Task The_happy_path_asks_info_for_nothing()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var run = await Mlabel.RunAsync(server, "--verbose", "infer", "segmentation_spleen", "--image", "case_01", "--out", temp.Path);
        Mlabel.Ok(run);
        Assert.Contains("Sending POST /infer/segmentation_spleen", run.Stderr);
        Assert.DoesNotContain("/info/", run.Stderr);

        var failed = await Mlabel.RunAsync(server, "--verbose", "infer", "nope", "--image", "case_01", "--out", temp.Path);
        Assert.Contains("Sending GET /info/", failed.Stderr); // asked only once the call failed
    }

    [Fact]
    public async Task A_task_already_running_is_a_conflict_without_the_servers_decoration()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 30_000);
        Mlabel.Ok(await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen"));
        try
        {
            var line = Mlabel.Fails(await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen"), ExitCodes.Conflict);
            Assert.Equal("error: TaskAlreadyRunning (HTTP 429): Train Task is Already Running", line);
        }
        finally
        {
            Mlabel.Ok(await Mlabel.RunAsync(server, "train", "stop"));
        }
    }

    [Fact]
    public async Task With_json_an_error_is_a_json_object_on_stdout_and_the_exit_code_is_unchanged()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();

        var notFound = await Mlabel.RunAsync(server, "--json", "datastore", "download", "nope", "--out", temp.Path);
        Assert.Equal(1, notFound.ExitCode);
        var json = notFound.Json();
        Assert.Equal("NotFound", (string?)json["kind"]);
        Assert.Equal(404, (int)json["status"]!);
        Assert.Equal("Image NOT Found or is a directory", (string?)json["message"]);
        Assert.Contains("error: NotFound (HTTP 404)", notFound.Stderr); // people still read stderr

        var file = temp.File("case_01.nii.gz", new byte[] { 1, 2, 3 });
        var conflict = await Mlabel.RunAsync(server, "datastore", "upload", file, "--json");
        Assert.Equal(ExitCodes.Conflict, conflict.ExitCode);
        Assert.Equal("Conflict", (string?)conflict.Json()["kind"]);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, conflict.Json()["status"]!.Type);

        var usage = await Mlabel.RunAsync("--json", "info", "--bogus");
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("Usage", (string?)usage.Json()["kind"]);
        Assert.Equal(2, (int)usage.Json()["exit_code"]!);

        var unreachable = await Mlabel.RunAsync("--json", "--server", Mlabel.ClosedPortUrl(), "--retries", "0", "info");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Equal("ConnectionFailed", (string?)unreachable.Json()["kind"]);
    }

    [Fact]
    public async Task An_image_and_its_label_downloaded_into_one_folder_do_not_collide()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();
        var label = temp.File("mask.nii.gz", new byte[] { 7, 7, 7 });
        Mlabel.Ok(await Mlabel.RunAsync(server, "label", "save", "case_01", label, "--tag", "final"));
        Mlabel.Ok(await Mlabel.RunAsync(server, "label", "save", "case_01", label, "--tag", "original"));

        var outDir = Path.Combine(temp.Path, "out");
        Mlabel.Ok(await Mlabel.RunAsync(server, "datastore", "download", "case_01", "--out", outDir));
        var final = await Mlabel.RunAsync(server, "label", "download", "case_01", "--out", outDir, "--json");
        Mlabel.Ok(final);
        Mlabel.Ok(await Mlabel.RunAsync(server, "label", "download", "case_01", "--tag", "original", "--out", outDir));

        Assert.Equal(
            new[] { "case_01.nii.gz", "case_01_final.nii.gz", "case_01_original.nii.gz" },
            Directory.GetFiles(outDir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new byte[] { 7, 7, 7 }, File.ReadAllBytes(Path.Combine(outDir, "case_01_final.nii.gz")));
        Assert.Equal(Path.Combine(outDir, "case_01_final.nii.gz"), (string?)final.Json()["path"]);
    }

    [Theory]
    [Trait("Runs", "InProcess")]
    [InlineData("3.00", "3.0 s")]
    [InlineData("42", "42 s")]
    [InlineData("0:00:03", "3.0 s")]
    [InlineData("0:02:05", "2 min 05 s")]
    [InlineData("1 day, 2:03:04", "26 h 03 min")]
    [InlineData("soon", "soon")]
    public void Durations_have_units(string server, string shown)
    {
        Assert.Equal(shown, Output.Duration(server));
    }

    [Fact]
    public async Task Model_info_shows_the_training_time_with_its_unit()
    {
        await using var server = await Mlabel.StartAsync(taskMilliseconds: 100);
        Mlabel.Ok(await Mlabel.RunAsync(server, "train", "start", "segmentation_spleen", "--watch", "--interval", "50ms"));
        var info = await Mlabel.RunAsync(server, "model", "info", "segmentation_spleen");
        Mlabel.Ok(info);
        Assert.Matches(@"training time\s*│\s*\d+(\.\d)? s\s*│", info.Stdout);
    }

    [Theory]
    [Trait("Runs", "InProcess")]
    [InlineData(null, "")]
    [InlineData(0.0, "")]
    [InlineData(1536.0, "1.5 KiB/s")]
    [InlineData(300.0, "300 B/s")]
    public void A_rate_is_shown_once_known_and_never_as_a_question_mark(double? bytesPerSecond, string shown)
    {
        Assert.Equal(shown, RateColumn.Format(bytesPerSecond));
    }

    [Fact]
    public async Task Tables_fit_100_columns_when_redirected_and_COLUMNS_when_set()
    {
        await using var server = await Mlabel.StartAsync(sampleImages: 1);
        using var temp = new TempDirectory();
        var longId = "patient_" + new string('x', 70) + "_series_0001";
        Mlabel.Ok(await Mlabel.RunAsync(server, "datastore", "upload", temp.File("a.nii.gz", new byte[] { 1 }), "--id", longId));
        Mlabel.Ok(await Mlabel.RunAsync(server, "label", "save", longId, temp.File("l.nii.gz", new byte[] { 2 }), "--tag", "reviewed_by_radiologist_one"));

        foreach (var (env, width) in new[]
                 {
                     (MlabelEnvironment.Isolated(), 100),
                     (MlabelEnvironment.Isolated().With("COLUMNS", "80"), 80),
                     (MlabelEnvironment.Isolated().With("COLUMNS", "120"), 120),
                 })
        {
            foreach (var command in new[] { new[] { "datastore", "list" }, new[] { "datastore", "info", longId }, new[] { "info" } })
            {
                var run = await Mlabel.RunAsync(env, new[] { "--server", server.Url.ToString() }.Concat(command).ToArray());
                Mlabel.Ok(run);
                var widest = run.Stdout.Split('\n').Max(l => l.TrimEnd('\r').Length);
                Assert.True(widest <= width, $"{string.Join(' ', command)}: {widest} columns > {width}\n{run.Stdout}");
                Assert.Contains("patient_", run.Stdout + (command[0] == "info" ? "patient_" : string.Empty));
            }
        }
    }
}
