using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolLimitCollection
{
    public const string Name = "Thread pool limits (process-wide)";
}

/// <summary>
/// Issue 21: a JSON answer is read without blocking a thread-pool thread. The SDK used to hand the body to
/// Newtonsoft's synchronous reader, whose every refill blocked a pool thread on the body's async read; the read's
/// completion needs a pool thread too. With every pool thread so blocked nothing can complete: on Mono, whose pool
/// grows slowly, that is what froze tests that had started. Here the pool is capped and more calls are in flight than
/// it has threads, each answer arriving in two pieces: a blocking reader deadlocks, a non-blocking one completes.
/// </summary>
[Collection(ThreadPoolLimitCollection.Name)]
public sealed class StarvedThreadPoolTests
{
    // A deadlock detector, not a speed assertion: the calls take milliseconds; only a deadlock reaches this.
    private static readonly TimeSpan Deadlock = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Json_answers_complete_when_more_calls_wait_for_their_bodies_than_the_pool_has_threads(bool large)
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        // Threads the test host itself keeps busy (a runner's message loop may block one) are not there for the calls.
        ThreadPool.GetAvailableThreads(out var availableWorkers, out _);
        var busy = maxWorkers - availableWorkers;
        var cap = Math.Max(Math.Max(minWorkers, Environment.ProcessorCount), busy + 2);
        var calls = cap - busy + 2;

        // The first piece of each answer goes out at once, the rest only when every call has sent its request: by then
        // each call waits for the rest of its body, however it waits.
        var allAsked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        var json = Encoding.UTF8.GetBytes(AppInfoJson(large ? 2 * 1024 * 1024 : 0));
        var split = json.Length / 2;
        using var server = new RawServer(async c =>
        {
            while (await c.ReadRequestAsync() is { })
            {
                await c.WriteAsync(RawHttp.Concat(
                    RawHttp.Head(200, "Content-Type: application/json", "Content-Length: " + json.Length),
                    json.Take(split).ToArray()));
                if (Interlocked.Increment(ref asked) == calls)
                {
                    allAsked.TrySetResult(true);
                }

                await allAsked.Task;
                await c.WriteAsync(json.Skip(split).ToArray());
            }
        });
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = server.BaseUrl });

        Assert.True(ThreadPool.SetMaxThreads(cap, maxIo), $"could not cap the thread pool at {cap} workers");
        var released = 0;
        Task<AppInfo>[] running = Array.Empty<Task<AppInfo>>();
        try
        {
            running = Enumerable.Range(0, calls).Select(_ => Task.Run(() => client.GetAppInfoAsync())).ToArray();
            var all = Task.WhenAll(running);

            // The watchdog is a thread of its own: a timer would need the very pool that is starved.
            var watchdog = new Thread(() =>
            {
                if (!((IAsyncResult)all).AsyncWaitHandle.WaitOne(Deadlock))
                {
                    Interlocked.Exchange(ref released, 1);
                    ThreadPool.SetMaxThreads(maxWorkers, maxIo);
                }
            }) { IsBackground = true, Name = "starved-pool watchdog" };
            watchdog.Start();
            try
            {
                await all;
            }
            finally
            {
                allAsked.TrySetResult(true);
                watchdog.Join();
            }
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }

        Assert.True(released == 0, $"{calls} calls over a pool of {cap} threads ({busy} busy before) deadlocked: their answers were read by blocking pool threads");
        Assert.All(running, t => Assert.Equal("fake", t.Result.Name));
    }

    private static string AppInfoJson(int padding) =>
        "{\"name\":\"fake\",\"version\":\"0.8\",\"labels\":[\"spleen\"],\"models\":{},\"trainers\":{},\"strategies\":{},\"scoring\":{}," +
        "\"train_stats\":{},\"datastore\":{\"total\":0,\"completed\":0},\"padding\":\"" + new string('x', padding) + "\"}";
}
