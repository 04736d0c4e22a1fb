using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>What one in-process run of mlabel printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JToken Json() => JToken.Parse(Stdout);

    public CliRun Ok()
    {
        Assert.True(ExitCode == 0, ToString());
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs mlabel in-process (<c>Program.RunAsync</c>), as a user would from a shell, with an environment of its own: no
/// MONAILABEL_* variable of the machine, and a config home (where 'auth login' stores tokens) given or never created.
/// </summary>
public static class Mlabel
{
    public static Task<CliRun> RunAsync(Uri server, params string[] args) =>
        RunAsync(Path.Combine(Path.GetTempPath(), "mlabel-conformance-noconfig-" + Guid.NewGuid().ToString("N")), server, args);

    public static async Task<CliRun> RunAsync(string configHome, Uri server, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var all = new[] { "--server", server.ToString() }.Concat(args).ToArray();
        var environment = new global::MonaiLabel.Cli.CliEnvironment(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = configHome });
        var code = await global::MonaiLabel.Cli.Program.RunAsync(all, stdout, stderr, environment, limit.Token);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
