using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Cli.Tests.Support;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>
/// Issue 23, item 3: the habits of gh, docker and az. The server and credentials come from flags, then
/// MONAILABEL_* variables, then what 'auth login' stored in the config directory; nothing runs without a server
/// unless asked (--emulator). Every test has its own config directory (XDG_CONFIG_HOME) and variables.
/// </summary>
public sealed class ConventionsTests
{
    [Theory]
    [InlineData("info")]
    [InlineData("datastore", "list")]
    [InlineData("train", "status")]
    [InlineData("auth", "whoami")]
    [InlineData("auth", "logout")]
    [InlineData("infer", "segmentation_spleen", "--image", "case_01")]
    public async Task Without_a_server_a_command_fails_with_one_line_naming_the_flag_and_the_variable(params string[] args)
    {
        var line = Mlabel.Fails(await Mlabel.RunAsync(args), 2);
        Assert.Contains("--server", line);
        Assert.Contains("MONAILABEL_SERVER", line);
        var result = await Mlabel.RunAsync(args);
        Assert.DoesNotContain("emulator at", result.Stderr);
    }

    [Fact]
    public async Task The_server_comes_from_MONAILABEL_SERVER_and_the_flag_wins()
    {
        await using var server = await Mlabel.StartAsync();
        var env = MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", server.Url.ToString());
        Assert.Equal(3, (int)(await Mlabel.RunAsync(env, "--json", "datastore", "stats")).Json()["total"]!);

        var wrong = MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", Mlabel.ClosedPortUrl());
        Mlabel.Ok(await Mlabel.RunAsync(wrong, "--server", server.Url.ToString(), "info"));
        Mlabel.Fails(await Mlabel.RunAsync(wrong, "--retries", "0", "info"), 3);

        var bad = Mlabel.Fails(await Mlabel.RunAsync(MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", "ftp://host"), "info"), 2);
        Assert.Contains("MONAILABEL_SERVER 'ftp://host'", bad);
    }

    [Fact]
    public async Task Emulator_runs_only_when_asked_and_not_with_a_server()
    {
        var result = await Mlabel.RunAsync("--emulator", "--json", "datastore", "stats");
        Mlabel.Ok(result);
        Assert.Contains("emulator at http://127.0.0.1:", result.Stderr);
        Mlabel.Fails(await Mlabel.RunAsync("--emulator", "--server", "http://127.0.0.1:1", "info"), 2);
    }

    [Fact]
    public async Task Credentials_come_from_the_variables_and_flags_win()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        var url = server.Url.ToString();
        using var client = new MonaiLabelClient(server.Url);
        var token = (await client.GetAuthTokenAsync("annotator", "annotator")).AccessToken!;

        var byToken = MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", url).With("MONAILABEL_TOKEN", token);
        Assert.Equal("annotator", (string?)(await Mlabel.RunAsync(byToken, "--json", "auth", "whoami")).Json()["username"]);

        var byUser = MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", url).With("MONAILABEL_USERNAME", "admin").With("MONAILABEL_PASSWORD", "admin");
        Assert.Equal("admin", (string?)(await Mlabel.RunAsync(byUser, "--json", "auth", "whoami")).Json()["username"]);

        // A flag's credentials replace the variables' whole (a wrong MONAILABEL_TOKEN is not sent).
        var wrongToken = MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", url).With("MONAILABEL_TOKEN", "not-a-token");
        Mlabel.Fails(await Mlabel.RunAsync(wrongToken, "auth", "whoami"), 1);
        Assert.Equal("user", (string?)(await Mlabel.RunAsync(wrongToken, "--json", "--username", "user", "--password", "user", "auth", "whoami")).Json()["username"]);

        var half = Mlabel.Fails(await Mlabel.RunAsync(MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", url).With("MONAILABEL_USERNAME", "admin"), "info"), 2);
        Assert.Contains("MONAILABEL_PASSWORD", half);
    }

    [Fact]
    public async Task A_password_on_the_command_line_is_warned_about()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        var result = await Mlabel.RunAsync(server, "--username", "admin", "--password", "admin", "info");
        Mlabel.Ok(result);
        Assert.Contains("--password-stdin", result.Stderr);
        Assert.DoesNotContain("--password-stdin", (await Mlabel.RunAsync(MlabelEnvironment.Isolated().With("MONAILABEL_SERVER", server.Url.ToString())
            .With("MONAILABEL_USERNAME", "admin").With("MONAILABEL_PASSWORD", "admin"), "info")).Stderr);
    }

    [Fact]
    public async Task Login_with_password_stdin_stores_a_private_token_that_later_commands_use_until_logout()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        using var config = new TempDirectory();
        var env = MlabelEnvironment.WithConfigHome(config.Path) with { Stdin = "annotator\n" };
        var login = await Mlabel.RunAsync(env, "auth", "login", "--server", server.Url.ToString(), "--username", "annotator", "--password-stdin");
        Mlabel.Ok(login);

        var file = Path.Combine(config.Path, "mlabel", "hosts.json");
        var stored = JObject.Parse(File.ReadAllText(file));
        var key = server.Url.ToString().TrimEnd('/');
        Assert.Equal(key, (string?)stored["default_server"]);
        Assert.Equal("annotator", (string?)stored["hosts"]![key]!["username"]);
        Assert.Null(stored["hosts"]![key]!["password"]); // not asked to store it
        Assert.DoesNotContain("annotator\"", File.ReadAllText(file).Replace("\"username\": \"annotator\"", string.Empty));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        // No --server, no credentials: the stored default server and its token.
        var plain = MlabelEnvironment.WithConfigHome(config.Path);
        Assert.Equal("annotator", (string?)(await Mlabel.RunAsync(plain, "--json", "auth", "whoami")).Json()["username"]);
        Assert.Equal((string?)stored["hosts"]![key]!["token"], (await Mlabel.RunAsync(plain, "auth", "token")).Stdout.Trim());

        var status = await Mlabel.RunAsync(plain, "--json", "auth", "status");
        Mlabel.Ok(status);
        var row = status.Json()["servers"]![0]!;
        Assert.Equal(key, (string?)row["server"]);
        Assert.True((bool)row["token_valid"]!);
        Assert.True((bool)row["default"]!);

        Mlabel.Ok(await Mlabel.RunAsync(plain, "auth", "logout"));
        Assert.Empty((JObject)JObject.Parse(File.ReadAllText(file))["hosts"]!);
        Mlabel.Fails(await Mlabel.RunAsync(plain, "info"), 2);
        Assert.Equal(1, (await Mlabel.RunAsync(plain, "auth", "status")).ExitCode);
    }

    [Fact]
    public async Task A_stored_token_is_renewed_with_the_stored_password_only_when_the_user_asked_to_store_it()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        var url = server.Url.ToString();
        using var config = new TempDirectory();
        var env = MlabelEnvironment.WithConfigHome(config.Path);
        var file = Path.Combine(config.Path, "mlabel", "hosts.json");
        var key = url.TrimEnd('/');

        // Without --store-password a refused token is an error, and the file is left as it was.
        Mlabel.Ok(await Mlabel.RunAsync(env, "auth", "login", "--server", url, "--username", "admin", "--password", "admin"));
        SetStoredToken(file, key, "expired.token.value");
        Assert.Contains("Unauthorized (HTTP 401)", Mlabel.Fails(await Mlabel.RunAsync(env, "datastore", "stats"), 1));
        Assert.Equal("expired.token.value", (string?)JObject.Parse(File.ReadAllText(file))["hosts"]![key]!["token"]);

        // With it, the command renews the token and stores the new one for the next command.
        Mlabel.Ok(await Mlabel.RunAsync(env, "auth", "login", "--server", url, "--username", "admin", "--password", "admin", "--store-password"));
        Assert.Equal("admin", (string?)JObject.Parse(File.ReadAllText(file))["hosts"]![key]!["password"]);
        SetStoredToken(file, key, "expired.token.value");
        Assert.Equal(3, (int)(await Mlabel.RunAsync(env, "--json", "datastore", "stats")).Json()["total"]!);
        var renewed = (string?)JObject.Parse(File.ReadAllText(file))["hosts"]![key]!["token"];
        Assert.NotEqual("expired.token.value", renewed);
        Assert.Equal(2, renewed!.Split('.').Length - 1);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_config_file_others_can_read_is_reported_and_not_trusted()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        await using var server = await Mlabel.StartAsync(auth: true);
        using var config = new TempDirectory();
        var env = MlabelEnvironment.WithConfigHome(config.Path);
        Mlabel.Ok(await Mlabel.RunAsync(env, "auth", "login", "--server", server.Url.ToString(), "--username", "admin", "--password", "admin"));
        var file = Path.Combine(config.Path, "mlabel", "hosts.json");
        File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // Its default server and token are not used: no server, said in one line, and the note says why.
        var run = await Mlabel.RunAsync(env, "info");
        Mlabel.Fails(run, 2);
        Assert.Contains("can be read by other users (mode 644)", run.Stderr);
        Assert.Contains("chmod 600", run.Stderr);

        // With --server the command runs, without the stored token.
        Assert.Contains("Unauthorized", Mlabel.Fails(await Mlabel.RunAsync(env, "--server", server.Url.ToString(), "info"), 1));

        // Login and logout do not overwrite a file they cannot trust (exit 5).
        Assert.Contains("other users", Mlabel.Fails(await Mlabel.RunAsync(env, "auth", "login", "--server", server.Url.ToString(), "--username", "admin", "--password", "admin"), 5));
    }

    [Fact]
    public async Task A_corrupt_config_file_is_reported_and_not_trusted()
    {
        await using var server = await Mlabel.StartAsync();
        using var config = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(config.Path, "mlabel"));
        var file = Path.Combine(config.Path, "mlabel", "hosts.json");
        File.WriteAllText(file, "{ \"hosts\": { \"http://x\": ");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var env = MlabelEnvironment.WithConfigHome(config.Path);
        var run = await Mlabel.RunAsync(env, "--server", server.Url.ToString(), "info");
        Mlabel.Ok(run);
        Assert.Contains($"config file '{file}' is not valid", run.Stderr);
        Assert.Contains("is not valid", Mlabel.Fails(await Mlabel.RunAsync(env, "auth", "status"), 5));
        Assert.Equal("{ \"hosts\": { \"http://x\": ", File.ReadAllText(file)); // left for the user to fix
    }

    [Fact]
    [Trait("Runs", "InProcess")] // a child process's stdin is never a terminal
    public async Task On_a_terminal_login_asks_for_the_user_and_the_password()
    {
        await using var server = await Mlabel.StartAsync(auth: true);
        using var config = new TempDirectory();
        var env = MlabelEnvironment.WithConfigHome(config.Path) with { Stdin = "annotator\nannotator\n", StdinIsTerminal = true };
        var login = await Mlabel.RunAsync(env, "auth", "login", "--server", server.Url.ToString());
        Mlabel.Ok(login);
        Assert.Contains("Username: ", login.Stderr);
        Assert.Contains("Password for annotator: ", login.Stderr);
        Assert.DoesNotContain("annotator\n", login.Stderr.Replace("Password for annotator: ", string.Empty));

        // Not on a terminal: no question, a usage error naming the ways to give it.
        var piped = MlabelEnvironment.WithConfigHome(config.Path);
        Assert.Contains("--password-stdin", Mlabel.Fails(await Mlabel.RunAsync(piped, "auth", "login", "--server", server.Url.ToString(), "--username", "annotator"), 2));
    }

    private static void SetStoredToken(string file, string key, string token)
    {
        var root = JObject.Parse(File.ReadAllText(file));
        root["hosts"]![key]!["token"] = token;
        File.WriteAllText(file, root.ToString()); // keeps the file's mode
    }
}
