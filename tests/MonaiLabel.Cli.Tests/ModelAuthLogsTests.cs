using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class ModelAuthLogsTests
{
    [Fact]
    public async Task Model_info_download_upload_delete()
    {
        await using var server = await Mlabel.StartAsync();
        using var temp = new TempDirectory();

        var info = await Mlabel.RunAsync(server, "model", "info", "segmentation_spleen");
        Mlabel.Ok(info);
        Assert.Contains("SHA256:", info.Stdout);
        Assert.StartsWith("SHA256:", (string?)(await Mlabel.RunAsync(server, "model", "info", "segmentation_spleen", "--json")).Json()["checksum"]);

        var download = await Mlabel.RunAsync(server, "model", "download", "segmentation_spleen", "--out", temp.Path);
        Mlabel.Ok(download);
        var weights = Path.Combine(temp.Path, "segmentation_spleen.pt");
        Assert.Equal(4096, new FileInfo(weights).Length);

        var replacement = temp.File("new.pt", Enumerable.Repeat((byte)9, 100).ToArray());
        var upload = await Mlabel.RunAsync(server, "model", "upload", "segmentation_spleen", replacement, "--json");
        Mlabel.Ok(upload);
        Assert.StartsWith("SHA256:", (string?)upload.Json()["checksum"]);
        var again = await Mlabel.RunAsync(server, "model", "download", "segmentation_spleen", "--out", temp.Path, "--overwrite", "--json");
        Assert.Equal(File.ReadAllBytes(replacement), File.ReadAllBytes((string)again.Json()["path"]!));

        Mlabel.Ok(await Mlabel.RunAsync(server, "model", "delete", "segmentation_spleen"));
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "model", "info", "segmentation_spleen"), 1);
        Assert.Contains("NotFound (HTTP 404): Model File NOT Found", line);
    }

    [Fact]
    public async Task Auth_login_stores_a_token_that_works()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        using var config = new TempDirectory();
        var env = MlabelEnvironment.WithConfigHome(config.Path);
        var login = await Mlabel.RunAsync(env, "--server", server.Url.ToString(), "auth", "login", "--username", "annotator", "--password", "annotator");
        Mlabel.Ok(login);
        Assert.Contains("logged in to", login.Stdout);
        var token = (await Mlabel.RunAsync(env, "auth", "token")).Stdout.Trim();
        Assert.Equal(2, token.Count(c => c == '.'));

        var json = (await Mlabel.RunAsync(env, "--server", server.Url.ToString(), "auth", "login", "--username", "admin", "--password", "admin", "--json")).Json();
        Assert.Equal("admin", (string?)json["username"]);
        Assert.Null(json["access_token"]); // never printed by login: 'auth token' prints it

        Mlabel.Ok(await Mlabel.RunAsync(server, "--token", token, "datastore", "stats"));
        var whoami = await Mlabel.RunAsync(server, "auth", "whoami", "--token", token, "--json");
        Mlabel.Ok(whoami);
        Assert.Equal("annotator", (string?)whoami.Json()["username"]);
        Mlabel.Ok(await Mlabel.RunAsync(server, "--username", "admin", "--password", "admin", "logs", "--lines", "3"));
    }

    [Fact]
    public async Task Auth_failures_are_server_errors()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        var noToken = Mlabel.Fails(await Mlabel.RunAsync(server, "info"), 1);
        Assert.Equal("error: Unauthorized (HTTP 401): Not authenticated", noToken);

        Mlabel.Fails(await Mlabel.RunAsync(server, "auth", "login", "--username", "admin", "--password", "wrong"), 1);
        Mlabel.Fails(await Mlabel.RunAsync(server, "auth", "login", "--username", "admin"), 2);
    }

    [Fact]
    public async Task Credentials_against_a_server_with_auth_off_are_not_needed()
    {
        // Issue 11, defect 3: credentials configured once for every environment; dev servers run without auth.
        await using var server = await Mlabel.StartAsync();
        var info = await Mlabel.RunAsync(server, "--username", "admin", "--password", "admin", "--verbose", "info");
        Mlabel.Ok(info);
        Assert.Contains("has auth off", info.Stderr);
    }

    [Fact]
    public async Task A_wrong_password_names_a_wrong_password_as_a_cause_of_the_servers_500()
    {
        // The server (like MONAI Label) answers a wrong password with a bare 500, also its answer to an outage (issue 21).
        await using var server = await Mlabel.StartAsync(auth: true);
        var line = Mlabel.Fails(await Mlabel.RunAsync(server, "--username", "admin", "--password", "not-the-pa55word", "info"), 1);
        Assert.StartsWith("error: ServerError (HTTP 500): POST /auth/token failed with HTTP 500 for user 'admin'", line);
        Assert.Contains("a wrong user name or password", line);
        Assert.DoesNotContain("not-the-pa55word", line);
    }

    [Fact]
    public async Task Auth_login_needs_a_server_it_can_remember()
    {
        var none = Mlabel.Fails(await Mlabel.RunAsync("auth", "login", "--username", "user", "--password", "user"), 2);
        Assert.Contains("MONAILABEL_SERVER", none);
        var emulator = Mlabel.Fails(await Mlabel.RunAsync("auth", "login", "--emulator", "--username", "user", "--password", "user"), 2);
        Assert.Contains("--server", emulator);
    }

    [Fact]
    public async Task Logs_prints_the_tail_of_the_log()
    {
        await using var server = await Mlabel.StartAsync();
        var logs = await Mlabel.RunAsync(server, "logs", "--lines", "20");
        Mlabel.Ok(logs);
        Assert.Contains("App Init", logs.Stdout);
        Assert.NotEmpty((Newtonsoft.Json.Linq.JArray)(await Mlabel.RunAsync(server, "logs", "--json")).Json()["lines"]!);
    }
}
