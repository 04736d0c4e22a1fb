using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>The call's time limit is a typed Timeout error; a caller's own cancellation stays a cancellation.</summary>
public class TimeoutTests
{
    [Fact]
    public async Task A_server_that_never_answers_fails_with_Kind_Timeout()
    {
        using var server = RawTcpServer.NeverAnswers();
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions
        {
            ServerUrl = server.BaseUrl,
            Timeout = TimeSpan.FromMilliseconds(200),
        });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetImageInfoAsync("secret-case-id"));

        Assert.Equal(MonaiLabelErrorKind.Timeout, error.Kind);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        Assert.Contains("/datastore/image/info", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-case-id", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task The_timeout_from_DI_configuration_applies()
    {
        using var server = RawTcpServer.NeverAnswers();
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = server.BaseUrl;
            o.Timeout = TimeSpan.FromMilliseconds(200);
        });
        using var provider = services.BuildServiceProvider();
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Timeout, error.Kind);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
    }

    [Fact]
    public async Task The_timeout_covers_retries_and_their_backoff()
    {
        // Retry-After fixes the backoff at 30 s (the policy's own delay is jittered and can be short).
        using var server = new ScriptedServer(_ => Reply.Status503.With("Retry-After", "30"));
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            // Long enough for a cold first request to reach the server on a loaded machine, far below the backoff.
            o.Timeout = TimeSpan.FromSeconds(3);
            o.Retry.Delay = TimeSpan.FromSeconds(30);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        }));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Timeout, error.Kind);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_is_an_OperationCanceledException_not_a_timeout()
    {
        using var server = RawTcpServer.NeverAnswers();
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions
        {
            ServerUrl = server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => client.GetAppInfoAsync(cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
    }

    [Fact]
    public async Task An_already_cancelled_token_never_reaches_the_server()
    {
        using var server = RawTcpServer.NeverAnswers();
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = server.BaseUrl });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAppInfoAsync(new CancellationToken(canceled: true)));

        await Task.Delay(50);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task Attempt_timeouts_are_retried_and_end_as_Kind_Timeout()
    {
        using var server = RawTcpServer.NeverAnswers();
        var options = new MonaiLabelClientOptions { ServerUrl = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        using var logs = new CapturingLoggerProvider();
        using var client = MonaiLabelClient.Create(options, logs.CreateFactory());
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.Timeout, error.Kind);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);

        // Attempts are counted where they start (one "Sending" event each), not as accepted connections: under load
        // the first attempt can time out while its connection is still being set up, and SocketsHttpHandler then
        // pools that connection for the second attempt, so one accept can carry both.
        Assert.Equal(2, logs.Lines.Count(l => l.EventId.Id == 1));
        Assert.InRange(server.Accepted, 1, 2);
    }
}
