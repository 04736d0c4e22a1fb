using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>The same operations through mlabel, run in-process as a user types them.</summary>
[Collection(TargetCollection.Name)]
public sealed class CliScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Cli_info_json_lists_the_models()
    {
        var info = (await Mlabel.RunAsync(Server.Url, "--json", "info")).Ok().Json();
        Assert.NotNull(info["models"]?["segmentation_spleen"]);
        Assert.NotNull(info["trainers"]?["segmentation_spleen"]);
    }

    [Fact]
    public async Task Cli_upload_label_list_and_download_round_trip_the_bytes()
    {
        var id = NewId("cli");
        var image = Data(id);
        var label = Target.ExpectedLabel(image);
        (await Mlabel.RunAsync(Server.Url, "datastore", "upload", WriteFile(id + ".nii.gz", image), "--id", id)).Ok();
        (await Mlabel.RunAsync(Server.Url, "label", "save", id, WriteFile("label.nii.gz", label), "--tag", "final")).Ok();
        var list = (await Mlabel.RunAsync(Server.Url, "--json", "datastore", "list")).Ok();
        Assert.Contains(id, list.Stdout);

        var outDir = Path.Combine(Temp, "cli-out");
        (await Mlabel.RunAsync(Server.Url, "label", "download", id, "--tag", "final", "--out", outDir)).Ok();
        Assert.Equal(label, await File.ReadAllBytesAsync(Directory.GetFiles(outDir).Single()));
        var imageDir = Path.Combine(Temp, "cli-img");
        (await Mlabel.RunAsync(Server.Url, "datastore", "download", id, "--out", imageDir)).Ok();
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(imageDir, id + ".nii.gz")));
    }

    [Fact]
    public async Task Cli_infer_saves_the_label()
    {
        var id = NewId("cliinf");
        var image = await SeedImageAsync(id);
        var outDir = Path.Combine(Temp, "inf");
        (await Mlabel.RunAsync(Server.Url, "infer", "segmentation_spleen", "--image", id, "--out", outDir)).Ok();
        var files = Directory.GetFiles(outDir).Where(f => !f.EndsWith(".json", System.StringComparison.Ordinal)).ToArray();
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(Assert.Single(files)));
    }

    [Fact]
    public async Task Cli_session_create_get_and_delete()
    {
        var bytes = Data(NewId("clis"));
        var created = (await Mlabel.RunAsync(Server.Url, "--json", "session", "create", WriteFile("v.nii.gz", bytes))).Ok().Json();
        var sessionId = (string?)created["session_id"] ?? (string?)created["sessionId"];
        Assert.False(string.IsNullOrEmpty(sessionId), created.ToString());
        (await Mlabel.RunAsync(Server.Url, "session", "get", sessionId!)).Ok();
        (await Mlabel.RunAsync(Server.Url, "session", "delete", sessionId!)).Ok();
        var gone = await Mlabel.RunAsync(Server.Url, "session", "get", sessionId!);
        Assert.Equal(1, gone.ExitCode);
    }

    [Fact]
    public async Task Cli_train_start_watch_runs_to_done()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(Target.ShortTraining());
        var run = (await Mlabel.RunAsync(Server.Url, "train", "start", "segmentation_spleen", "--params", json, "--watch", "--interval", "0.2s")).Ok();
        Assert.Contains("DONE", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task Cli_model_info_and_logs()
    {
        var info = (await Mlabel.RunAsync(Server.Url, "--json", "model", "info", "segmentation_spleen")).Ok().Json();
        Assert.StartsWith("SHA256:", (string?)info["checksum"] ?? info.ToString());
        (await Mlabel.RunAsync(Server.Url, "logs", "--lines", "5")).Ok();
    }

    [Fact]
    public async Task Cli_server_errors_exit_1_with_one_error_line()
    {
        var run = await Mlabel.RunAsync(Server.Url, "infer", "no_such_model", "--image", "x", "--out", Temp);
        Assert.Equal(1, run.ExitCode);
        // The server says only "Internal Server Error" (500); mlabel asks /info/ and names the models (issue 24).
        Assert.Contains("error: UnknownModel (HTTP 500): unknown model 'no_such_model'; the server's models: ", run.Stderr);
        Assert.Contains("segmentation_spleen", run.Stderr);
        var missing = await Mlabel.RunAsync(Server.Url, "datastore", "download", NewId("nosuch"), "--out", Temp);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Cli_auth_login_stores_a_token_that_works()
    {
        var url = await Server.AuthUrlAsync();
        var configHome = Path.Combine(Temp, "config");
        (await Mlabel.RunAsync(configHome, url, "auth", "login", "--username", "annotator", "--password", "annotator")).Ok();
        var token = (await Mlabel.RunAsync(configHome, url, "auth", "token")).Ok().Stdout.Trim();
        Assert.False(string.IsNullOrEmpty(token));
        var info = (await Mlabel.RunAsync(url, "--token", token, "--json", "info")).Ok().Json();
        Assert.NotNull(info["models"]);
        var stored = (await Mlabel.RunAsync(configHome, url, "--json", "auth", "whoami")).Ok().Json();
        Assert.Equal("annotator", (string?)stored["username"]);
        var refused = await Mlabel.RunAsync(url, "info");
        Assert.Equal(1, refused.ExitCode);
    }

    [Fact]
    public async Task Cli_a_task_already_running_is_a_conflict_without_the_servers_banner()
    {
        var url = await Server.AuthUrlAsync();
        var admin = new[] { "--username", "admin", "--password", "admin" };
        (await Mlabel.RunAsync(url, admin.Concat(new[] { "train", "start", "segmentation_spleen", "--params", "{\"max_epochs\": 50, \"mlref_epoch_seconds\": 1}" }).ToArray())).Ok();
        try
        {
            var again = await Mlabel.RunAsync(url, admin.Concat(new[] { "train", "start", "segmentation_spleen" }).ToArray());
            Assert.True(again.ExitCode == 6, again.ToString());
            Assert.Contains("error: TaskAlreadyRunning (HTTP 429): Train Task is Already Running", again.Stderr);
            Assert.DoesNotContain("+", again.Stderr);
        }
        finally
        {
            (await Mlabel.RunAsync(url, admin.Concat(new[] { "train", "stop" }).ToArray())).Ok();
        }
    }

    /// <summary>Defect 4: help of a command group after --server.</summary>
    [Fact]
    public async Task Cli_help_of_a_command_group_after_the_server_option()
    {
        var run = await Mlabel.RunAsync(Server.Url, "datastore", "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("upload", run.Stdout);
    }
}
