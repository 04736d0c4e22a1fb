using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Cli.Tests.Support;
using Xunit;

namespace MonaiLabel.Cli.Tests;

public sealed class ErrorAndParsingTests
{
    [Fact]
    public async Task Server_down_is_exit_3_with_one_line_and_no_stack_trace()
    {
        var url = Mlabel.ClosedPortUrl();
        var line = Mlabel.Fails(await Mlabel.RunAsync("--server", url, "--retries", "0", "info"), 3);
        Assert.StartsWith("error: ConnectionFailed: ", line);
        Assert.Contains(url.TrimEnd('/'), line);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_and_request_logs()
    {
        var result = await Mlabel.RunAsync("--server", Mlabel.ClosedPortUrl(), "--retries", "0", "--verbose", "datastore", "list");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error: ConnectionFailed", result.Stderr);
        Assert.True(Mlabel.HasStackTrace(result.Stderr), result.ToString());
        Assert.Contains("mlabel: [debug] Sending GET /datastore/", result.Stderr);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_with_exit_3()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var cancel = new CancellationTokenSource();
        var accept = Task.Run(async () =>
        {
            // Accept and hold connections without answering.
            var held = new System.Collections.Generic.List<TcpClient>();
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    held.Add(await listener.AcceptTcpClientAsync(cancel.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                held.ForEach(c => c.Dispose());
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var line = Mlabel.Fails(await Mlabel.RunAsync("--server", $"http://127.0.0.1:{port}", "--timeout", "500ms", "--retries", "0", "info"), 3);
        Assert.StartsWith("error: Timeout: ", line);
        cancel.Cancel();
        listener.Stop();
        await accept;
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("info", "--bogus")]
    [InlineData("datastore", "info")]
    [InlineData("datastore")]
    [InlineData("datastore", "--json")]
    [InlineData("--server", "ftp://host", "info")]
    [InlineData("--server", "http://127.0.0.1:1", "--timeout", "soon", "info")]
    [InlineData("--username", "admin", "info")]
    [InlineData("train", "status", "--watch", "--interval", "0")]
    [InlineData("logs", "--lines", "0")]
    [InlineData("demo", "--epochs", "0")]
    public async Task Bad_arguments_are_exit_2(params string[] args)
    {
        var result = await Mlabel.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(Mlabel.HasStackTrace(result.Stderr), result.ToString());
    }

    [Fact]
    public async Task No_command_shows_the_help_and_is_a_usage_error()
    {
        var result = await Mlabel.RunAsync();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("COMMANDS", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_commands_global_options_and_exit_codes()
    {
        var result = await Mlabel.RunAsync("--help");
        Mlabel.Ok(result);
        foreach (var word in new[] { "demo", "datastore", "infer", "next-sample", "train", "scoring", "batch", "model", "auth", "logs", "--server", "--json", "EXIT CODES", "130" })
        {
            Assert.Contains(word, result.Stdout);
        }

        var infer = await Mlabel.RunAsync("infer", "--help");
        Mlabel.Ok(infer);
        Assert.Contains("--image <ID>", infer.Stdout);
        Assert.Contains("--server <URL>", infer.Stdout);
    }

    [Fact]
    public async Task Global_options_work_before_between_and_after_the_command()
    {
        await using var server = await Mlabel.StartAsync();
        var url = server.Url.ToString();
        foreach (var args in new[]
                 {
                     new[] { "--server", url, "--json", "datastore", "stats" },
                     new[] { "datastore", "--json", "stats", $"--server={url}" },
                     new[] { "datastore", "stats", "--server", url, "--json" },
                 })
        {
            var result = await Mlabel.RunAsync(args);
            Mlabel.Ok(result);
            Assert.Equal(3, (int)result.Json()["total"]!);
        }
    }

    [Fact]
    [Trait("Runs", "InProcess")] // a unit of the CLI's code: not re-run against MLABEL_EXE
    public void Global_options_are_moved_after_the_command()
    {
        Assert.Equal(
            new[] { "datastore", "list", "--server", "http://h", "--json", "--", "--json" },
            GlobalOptionMover.Move(new[] { "--server", "http://h", "datastore", "--json", "list", "--", "--json" }));
    }

    [Theory]
    [Trait("Runs", "InProcess")]
    [InlineData("30", 30)]
    [InlineData("30s", 30)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("00:01:30", 90)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(GlobalSettings.TryParseDuration(text, out var value));
        Assert.Equal(seconds, value.TotalSeconds, 3);
    }
}
