using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Cli.Commands;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>Issue 11, defect 4: <c>--help</c> works for every branch and command wherever the global options stand.</summary>
public sealed class HelpPositionTests
{
    private const string Url = "http://127.0.0.1:9/";

    /// <summary>Every command path, read from the help of each branch (so a new command is covered without edits).</summary>
    private static async Task<List<string[]>> CommandPathsAsync()
    {
        var paths = new List<string[]>();
        var top = await Mlabel.RunAsync("--help");
        Mlabel.Ok(top);
        foreach (var name in HelpText.CommandsIn(top.Stdout))
        {
            if (!CommandList.IsBranch(name))
            {
                paths.Add(new[] { name });
                continue;
            }

            paths.Add(new[] { name });
            var branch = await Mlabel.RunAsync(name, "--help");
            Mlabel.Ok(branch);
            var children = HelpText.CommandsIn(branch.Stdout).ToList();
            Assert.True(children.Count > 0, $"no commands listed for '{name}':\n{branch}");
            paths.AddRange(children.Select(c => new[] { name, c }));
        }

        Assert.Contains(paths, p => p.Length == 1 && p[0] == "auth");
        return paths;
    }

    [Fact]
    public async Task Help_works_for_every_command_wherever_the_global_options_stand()
    {
        var failures = new List<string>();
        foreach (var path in await CommandPathsAsync())
        {
            var layouts = new List<string[]>
            {
                new[] { "--server", Url }.Concat(path).Append("--help").ToArray(),
                new[] { "--server", Url, "--json", "--verbose" }.Concat(path).Append("-h").ToArray(),
                path.Append("--help").Concat(new[] { "--server", Url }).ToArray(),
                path.Concat(new[] { $"--server={Url}", "--help" }).ToArray(),
            };
            if (path.Length == 2)
            {
                layouts.Add(new[] { path[0], "--server", Url, path[1], "--help" });
                layouts.Add(new[] { path[0], "--json", path[1], "--server", Url, "-h" });
            }

            foreach (var args in layouts)
            {
                var result = await Mlabel.RunAsync(args);
                if (result.ExitCode != 0 || !result.Stdout.Contains("USAGE", StringComparison.Ordinal))
                {
                    failures.Add($"mlabel {string.Join(' ', args)} -> {result.ExitCode}: {result.Stderr.Trim()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("--server", Url, "datastore")]
    [InlineData("datastore", "--server", Url)]
    [InlineData("--json", "auth")]
    [InlineData("--server", Url)]
    public async Task A_missing_command_after_global_options_shows_the_help_and_is_a_usage_error(params string[] args)
    {
        var result = await Mlabel.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("COMMANDS", result.Stdout);
        Assert.DoesNotContain("Unknown option", result.Stderr);
        Assert.DoesNotContain("Unexpected option", result.Stderr);
    }

    [Fact]
    public async Task Help_for_the_whole_tool_after_the_global_options()
    {
        var result = await Mlabel.RunAsync("--server", Url, "--token", "t", "--help");
        Mlabel.Ok(result);
        Assert.Contains("COMMANDS", result.Stdout);
    }
}
