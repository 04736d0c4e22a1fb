using System;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

internal static class HostileClient
{
    /// <summary>A client for <paramref name="server"/>: no retries (one attempt, one connection), short limits.</summary>
    public static MonaiLabelClient For(RawServer server, Action<MonaiLabelClientOptions>? configure = null)
    {
        var options = new MonaiLabelClientOptions
        {
            ServerUrl = server.BaseUrl,
            Timeout = TimeSpan.FromSeconds(10),
            ReadTimeout = TimeSpan.FromSeconds(5),
        };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return MonaiLabelClient.Create(options);
    }

    /// <summary>Fails the test when <paramref name="call"/> takes longer than <paramref name="seconds"/>: nothing may hang.</summary>
    public static async Task<T> Within<T>(double seconds, Func<Task<T>> call)
    {
        var task = call();
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"The call did not finish within {seconds} s");
        return await task;
    }

    public static async Task<MonaiLabelClientException> Fails(MonaiLabelErrorKind kind, Func<Task> call, double seconds = 10)
    {
        var task = Record.ExceptionAsync(call);
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"The call did not fail within {seconds} s: it hangs");
        var error = await task;
        Assert.NotNull(error);
        var typed = Assert.IsAssignableFrom<MonaiLabelClientException>(error);
        Assert.True(kind == typed.Kind, $"Expected Kind {kind}, got {typed.Kind}: {typed.Message}");
        return typed;
    }
}
