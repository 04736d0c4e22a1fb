using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

using static MonaiLabel.Client.Tests.Support.TestTimes;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>Cancelling an upload mid-stream ends the call and releases the file.</summary>
public class CancelledUploadTests
{
    private const int TwentyMiB = 20 * 1024 * 1024;

    [Fact]
    public async Task Cancelling_a_streaming_upload_throws_and_closes_the_file()
    {
        long received = 0;
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new RawTcpServer(async (connection, stop) =>
        {
            // A slow server: reads 16 KiB every 10 ms and never answers.
            var stream = connection.GetStream();
            var buffer = new byte[16 * 1024];
            while (!stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, stop);
                if (read == 0)
                {
                    return;
                }

                if (Interlocked.Add(ref received, read) > 256 * 1024)
                {
                    started.TrySetResult(true);
                }

                await Task.Delay(10, stop);
            }
        });
        using var files = new TempResultDir();
        var path = files.File("big.nii.gz", TwentyMiB);
        var progress = new RecordingProgress();
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = server.BaseUrl });
        using var cancel = new CancellationTokenSource();

        var upload = client.UploadImageAsync(FileParameter.FromFile(path, progress: progress), "big", cancellationToken: cancel.Token);
        Assert.True(await Task.WhenAny(started.Task, Task.Delay(5000)) == started.Task, "the upload did not start");
        var watch = Stopwatch.StartNew();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);

        Assert.True(watch.Elapsed < HangBound, "took " + watch.Elapsed);
        Assert.True(Interlocked.Read(ref received) < TwentyMiB, "the whole file was sent before the cancellation");
        Assert.InRange(progress.Reports[progress.Reports.Count - 1], 1, TwentyMiB - 1);
        // The upload's file stream is closed: the file can be opened exclusively, then deleted.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Delete(path);
        Assert.False(File.Exists(path));
    }
}
