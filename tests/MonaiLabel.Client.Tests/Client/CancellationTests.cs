using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>
/// Cancelling at every stage of a call: an <see cref="OperationCanceledException"/> (never a timeout or another
/// error), no temporary or partial file, the connection closed (the raw server sees it go), and the same client
/// still works for the next call. A disposed client fails fast, naming itself.
/// </summary>
[Trait("Category", "Hostile")]
public class CancellationTests
{
    private static readonly byte[] Image = RawHttp.Bytes(300_000, seed: 21);

    /// <summary>Connection 0 runs <paramref name="first"/>; every later connection answers normally (app info or a file).</summary>
    private static RawServer FirstThenNormal(Func<RawConnection, Task> first) =>
        new(c => c.Index == 0 ? first(c) : AnswerNormally(c));

    private static async Task AnswerNormally(RawConnection c)
    {
        while (await c.ReadRequestAsync() is { } request)
        {
            await c.WriteAsync(request.Target.StartsWith("/info/", StringComparison.Ordinal)
                ? RawHttp.Json("{\"name\": \"after\", \"version\": \"1\"}")
                : RawHttp.File(Image, "attachment; filename=\"after.nii.gz\""));
        }
    }

    [Fact]
    public async Task Cancelled_before_the_call_nothing_is_sent_or_saved()
    {
        using var server = FirstThenNormal(AnswerNormally);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }, new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.DownloadLabelToAsync("lbl", "final", root.Dir, cancellationToken: new CancellationToken(canceled: true)));

        await Task.Delay(50);
        Assert.Equal(0, server.Accepted);
        root.AssertClean();
        Assert.Equal("after", (await client.GetAppInfoAsync()).Name);
    }

    [Fact]
    public async Task Cancelled_while_the_answer_headers_are_awaited()
    {
        // Cancelled once the server holds the request (not after a fixed delay: a slow first connection, e.g. on
        // Mono under load, would be cancelled before it was opened).
        using var cancel = new CancellationTokenSource();
        using var server = FirstThenNormal(async c =>
        {
            await c.ReadRequestAsync();
            cancel.Cancel();
            await c.StallAsync();
        });
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);
        var watch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => client.DownloadLabelToAsync("lbl", "final", root.Dir, cancellationToken: cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        await AssertCleanAndReusable(server, client, root);
    }

    [Fact]
    public async Task Cancelled_mid_body_of_a_download()
    {
        using var server = FirstThenNormal(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"a.nii.gz\"", "Content-Length: " + Image.Length));
            await c.WriteAsync(Image.AsSpan(0, 100_000).ToArray());
            await c.StallAsync();
        });
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAt(cancel, bytes: 1);

        var error = await Record.ExceptionAsync(() => client.DownloadLabelToAsync("lbl", "final", root.Dir, progress: progress, cancellationToken: cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(progress.Seen > 0);
        await AssertCleanAndReusable(server, client, root);
    }

    [Fact]
    public async Task Cancelled_mid_multipart_between_parts_removes_the_file_already_written()
    {
        using var server = FirstThenNormal(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: " + RawMultipart.ContentType(), "Connection: close"));
            await c.WriteAsync(RawHttp.Concat(RawMultipart.Params(), RawMultipart.File("filename=\"first.nii.gz\"", Image)));
            await c.WriteAsync("--" + RawMultipart.Boundary + "\r\n"); // the next part begins ... and never comes
            await c.StallAsync();
        });
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);
        using var cancel = new CancellationTokenSource();
        // 300 ms after the first file's last byte: it is written (under its temporary name until the answer is complete)
        // by then, and the reader waits for the next part.
        var progress = new CancelAt(cancel, bytes: Image.Length, delay: TimeSpan.FromMilliseconds(300));
        progress.Watch(root);

        var error = await Record.ExceptionAsync(() =>
            client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir, Progress = progress }, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(Image.Length, progress.Seen);
        Assert.True(progress.FileSeenBeforeCancel(root), "the first file was not written before the cancellation");
        await AssertCleanAndReusable(server, client, root);
    }

    [Fact]
    public async Task Cancelled_mid_upload_closes_the_connection_and_the_upload_stream()
    {
        using var server = FirstThenNormal(async c =>
        {
            await c.ReadHeadOnlyAsync();
            await c.HoldAsync(); // never reads the body: the upload backs up in the socket buffers
        });
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);
        using var cancel = new CancellationTokenSource();
        var upload = new MemoryStream(new byte[64 * 1024 * 1024]);
        var progress = new CancelAt(cancel, bytes: 1024 * 1024);

        var error = await Record.ExceptionAsync(() =>
            HostileClient.Within(10, () => client.UploadImageAsync(FileParameter.FromStream(upload, "big.nii.gz", progress: progress), "big", cancellationToken: cancel.Token)));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(progress.Seen >= 1024 * 1024);
        Assert.False(upload.CanRead, "the upload stream was left open");
        await AssertCleanAndReusable(server, client, root);
    }

    [Fact]
    public async Task Cancelled_while_a_JSON_answer_is_read()
    {
        using var server = FirstThenNormal(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(RawHttp.Head(200, "Content-Type: application/json", "Content-Length: 100000"));
            await c.WriteAsync("{\"name\": \"slow\", \"models\": {");
            await c.StallAsync();
        });
        using var client = HostileClient.For(server, o => o.ReadTimeout = TimeSpan.FromSeconds(1));
        using var root = new TempResultDir(create: false);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Record.ExceptionAsync(() => HostileClient.Within(5, () => client.GetAppInfoAsync(cancel.Token)));

#if CLIENT_NETSTANDARD
        // The netstandard2.0 build of the generated code reads JSON bodies synchronously without the caller's token
        // (HttpContent.ReadAsStreamAsync has no token there), so a stalled JSON body ends at ReadTimeout instead.
        Assert.True(
            error is OperationCanceledException or MonaiLabelClientException { Kind: MonaiLabelErrorKind.Timeout },
            error?.ToString());
#else
        Assert.IsAssignableFrom<OperationCanceledException>(error);
#endif
        await AssertCleanAndReusable(server, client, root);
    }

    [Fact]
    public async Task A_disposed_client_fails_fast_with_ObjectDisposedException_naming_the_client()
    {
        using var server = FirstThenNormal(AnswerNormally);
        using var root = new TempResultDir(create: false);
        var client = HostileClient.For(server);
        client.Dispose();
        var watch = Stopwatch.StartNew();

        var calls = new Func<Task>[]
        {
            () => client.GetAppInfoAsync(),
            () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }),
            () => client.DownloadLabelToAsync("lbl", "final", root.Dir),
            () => client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(new byte[10]), "a.nii.gz"), "a"),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<ObjectDisposedException>(call);
            Assert.Equal(nameof(MonaiLabelClient), error.ObjectName);
            Assert.Contains(nameof(MonaiLabelClient), error.Message, StringComparison.Ordinal);
        }

        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        await Task.Delay(50);
        Assert.Equal(0, server.Accepted);
        root.AssertClean();
    }

    // The cancelled connection is closed by the client, nothing is left on disk, and the same client works again.
    private static async Task AssertCleanAndReusable(RawServer server, MonaiLabelClient client, TempResultDir root)
    {
        root.AssertClean();
        await server.AssertClientClosedAsync(0);
        Assert.Equal("after", (await HostileClient.Within(10, () => client.GetAppInfoAsync())).Name);
        var saved = await HostileClient.Within(10, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));
        HostileFileNameTests.AssertSaved(root, saved, "after.nii.gz", Image);
    }

    /// <summary>Cancels once at least <c>bytes</c> were reported (synchronously, on the reporting thread).</summary>
    private sealed class CancelAt : IProgress<long>
    {
        private readonly CancellationTokenSource _cancel;
        private readonly long _bytes;
        private readonly TimeSpan _delay;
        private volatile bool _sawFile;

        public CancelAt(CancellationTokenSource cancel, long bytes, TimeSpan delay = default)
        {
            _cancel = cancel;
            _bytes = bytes;
            _delay = delay;
        }

        public long Seen { get; private set; }

        public void Report(long value)
        {
            Seen = value;
            if (value < _bytes)
            {
                return;
            }

            if (_delay == TimeSpan.Zero)
            {
                _cancel.Cancel();
                return;
            }

            _ = Task.Delay(_delay).ContinueWith(_ => _cancel.Cancel(), TaskScheduler.Default);
        }

        /// <summary>Whether a finished (non-hidden) file appeared in the result directory before the cancel.</summary>
        public bool FileSeenBeforeCancel(TempResultDir root) => _sawFile;

        /// <summary>Polls the result directory for a written file (final or still temporary) until the cancel.</summary>
        public void Watch(TempResultDir root) =>
            _ = Task.Run(async () =>
            {
                while (!_cancel.IsCancellationRequested)
                {
                    if (root.FileNames.Length > 0)
                    {
                        _sawFile = true;
                    }

                    await Task.Delay(5);
                }
            });
    }
}
