using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Drift.Tests;

/// <summary>The command line: allow-file, --json, --server, exit codes.</summary>
public class ToolTests
{
    private static readonly string[] Planted = ["--spec", Repo.Drift("base.yaml"), "--file", Repo.Drift("server-planted.json")];

    [Fact]
    public async Task Unexplained_differences_exit_1_and_are_printed_grouped_by_operation()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"drift-empty-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(empty, "allow: []\n");
        try
        {
            var run = await ToolRun.RunAsync(null, [.. Planted, "--allow", empty]);

            Assert.True(run.ExitCode == 1, run.ToString());
            var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var server = lines.IndexOf("Operations only in the server:");
            var spec = lines.IndexOf("Operations only in our spec:");
            var changed = lines.IndexOf("Changed operations:");
            Assert.True(server >= 0 && spec > server && changed > spec, run.ToString());
            Assert.Equal("  GET /health", lines[server + 1]);
            Assert.Equal("  DELETE /items/{id}", lines[spec + 1]);
            var items = lines.IndexOf("  GET /items");
            Assert.True(items > changed, run.ToString());
            Assert.Contains("parameter-renamed", lines[items + 1] + lines[items + 2]);
            Assert.Contains("9 unexplained difference(s), 0 allowed, 0 stale allow entries.", run.Stdout);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task An_allow_file_explaining_every_difference_exits_0_and_a_when_that_does_not_hold_is_not_stale()
    {
        var run = await ToolRun.RunAsync(null, [.. Planted, "--allow", Repo.Drift("allow-planted.yaml")]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 unexplained difference(s), 9 allowed, 0 stale allow entries.", run.Stdout);
        Assert.Contains("1 entry not for this server", run.Stdout);
    }

    [Fact]
    public async Task A_stale_allow_entry_is_reported_and_exits_1()
    {
        var run = await ToolRun.RunAsync(null, [.. Planted, "--allow", Repo.Drift("allow-stale.yaml")]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Stale allow entries", run.Stdout);
        Assert.Contains("GET /items/{id} parameter-added \"header X-Stale\"", run.Stdout);
        Assert.Contains("0 unexplained difference(s), 9 allowed, 1 stale allow entry.", run.Stdout);
    }

    [Fact]
    public async Task Json_output_parses_and_carries_the_same_findings()
    {
        var run = await ToolRun.RunAsync(null, [.. Planted, "--allow", Repo.Drift("allow-stale.yaml"), "--json"]);
        Assert.Equal(1, run.ExitCode);

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(0, root.GetProperty("unexplained").GetInt32());
        Assert.Equal(9, root.GetProperty("allowed").GetInt32());

        var fromJson = root.GetProperty("findings").EnumerateArray()
            .Select(f => new Finding(f.GetProperty("operation").GetString()!, f.GetProperty("kind").GetString()!, f.GetProperty("subject").GetString()!))
            .ToList();
        var fromLibrary = DriftComparer.Compare(DocumentLoader.LoadFile(Repo.Drift("base.yaml")).Document,
                                                DocumentLoader.LoadFile(Repo.Drift("server-planted.json")).Document);
        Assert.Equal(FindingText.Of(fromLibrary), FindingText.Of(fromJson));
        Assert.All(root.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.True(f.GetProperty("allowed").GetBoolean());
            Assert.Equal("planted", f.GetProperty("reason").GetString());
        });

        var stale = Assert.Single(root.GetProperty("staleAllowEntries").EnumerateArray().ToList());
        Assert.Equal("header X-Stale", stale.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Json_output_marks_unexplained_findings()
    {
        var run = await ToolRun.RunAsync(null, "--spec", Repo.Drift("base.yaml"), "--file", Repo.Drift("server-planted.json"),
                                         "--allow", Repo.Drift("allow-planted.yaml"), "--json");
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("inactiveAllowEntries").GetInt32());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Server_mode_fetches_openapi_json_from_a_running_server()
    {
        await using var server = new LoopbackServer(Repo.Real);

        var run = await ToolRun.RunAsync(null, "--server", server.Url, "--timeout", "20");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{server.Url}/openapi.json", run.Stdout);
        Assert.Contains("GET /openapi.json", server.RequestedPaths);
    }

    [Fact]
    public async Task Server_mode_reports_drift_like_file_mode()
    {
        await using var server = new LoopbackServer(Repo.Drift("server-planted.json"));

        var run = await ToolRun.RunAsync(null, "--server", server.Url + "/", "--spec", Repo.Drift("base.yaml"),
                                         "--allow", Repo.Drift("allow-stale.yaml"), "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(9, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task An_unreachable_server_exits_2_with_one_line_on_stderr()
    {
        var port = LoopbackServer.ClosedPort();

        var run = await ToolRun.RunAsync(null, "--server", $"http://127.0.0.1:{port}", "--timeout", "10");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MonaiLabel.Drift: cannot fetch http://127.0.0.1:", line);
    }

    [Fact]
    public async Task A_server_without_openapi_json_exits_2()
    {
        await using var server = new LoopbackServer(Repo.Real);

        var run = await ToolRun.RunAsync(null, "--server", server.Url + "/api/openapi.yaml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("HTTP 404", run.Stderr);
    }

    [Theory]
    [InlineData(new string[0], "give exactly one of --server URL or --file PATH")]
    [InlineData(new[] { "--file", "a.json", "--server", "http://127.0.0.1:1" }, "give exactly one of")]
    [InlineData(new[] { "--file" }, "--file needs a value")]
    [InlineData(new[] { "--file", "x.json", "--bogus" }, "unknown argument '--bogus'")]
    [InlineData(new[] { "--server", "ftp://example/" }, "--server needs an http(s) URL")]
    [InlineData(new[] { "--file", "no/such/file.json" }, "cannot read")]
    [InlineData(new[] { "--file", "tests/fixtures/openapi/openapi.real.json", "--allow", "no/such/allow.yaml" }, "cannot read allow-file")]
    [InlineData(new[] { "--file", "tests/fixtures/openapi/openapi.real.json", "--timeout", "soon" }, "--timeout needs a positive number")]
    public async Task Bad_arguments_and_unreadable_files_exit_2_with_one_line(string[] args, string message)
    {
        var run = await ToolRun.RunAsync(null, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
    }

    [Theory]
    [InlineData("allow:\n  - operation: GET /x\n    kind: parameter-vanished\n    reason: r\n", "unknown kind 'parameter-vanished'")]
    [InlineData("allow:\n  - operation: GET /x\n    kind: parameter-added\n    subject: query a\n", "'reason' is required")]
    [InlineData("allow:\n  - operation: GET /x\n    kind: parameter-added\n    reason: r\n    note: n\n", "unknown key 'note'")]
    [InlineData("allow:\n  - operation: /x\n    kind: parameter-added\n    reason: r\n", "operation must be 'METHOD /path' or '*'")]
    [InlineData("allow:\n  - operation: GET /x\n    kind: parameter-added\n    reason: r\n    when: auth is off\n", "when must be")]
    [InlineData("allow:\n  - {operation: GET /x, kind: operation-only-in-spec, reason: a}\n  - {operation: GET /x, kind: operation-only-in-spec, reason: b}\n", "duplicate")]
    [InlineData("entries: []\n", "single key 'allow'")]
    [InlineData("allow: [\n", "cannot read allow-file")]
    public async Task A_malformed_allow_file_exits_2(string allowText, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"drift-allow-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, allowText);
        try
        {
            var run = await ToolRun.RunAsync(null, "--file", Repo.Real, "--allow", path);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains(message, Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("just some text\n")]
    [InlineData("{\"not\": \"openapi\"}")]
    [InlineData("{ broken json")]
    public async Task A_file_that_is_not_an_OpenAPI_description_exits_2(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"drift-server-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var run = await ToolRun.RunAsync(null, "--file", path);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("cannot read", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Defaults_are_found_by_walking_up_to_the_solution()
    {
        var run = await ToolRun.RunAsync(Repo.File("tests/fixtures/openapi"), "--file", "openapi.real.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var stdout = run.Stdout.Replace('\\', '/');
        Assert.Contains(Repo.Spec.Replace('\\', '/') + " (our spec)", stdout);
        Assert.Contains("Allow-file: " + Repo.Allow.Replace('\\', '/'), stdout);
    }

    [Fact]
    public async Task Outside_the_repository_the_spec_must_be_given()
    {
        var run = await ToolRun.RunAsync(Path.GetPathRoot(Path.GetTempPath()), "--file", Repo.Real);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pass --spec PATH", run.Stderr);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var run = await ToolRun.RunAsync(null, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: MonaiLabel.Drift", run.Stdout);
    }
}
