#if !CLIENT_NETSTANDARD
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MonaiLabel.Client.Tests.RealServer;

/// <summary>
/// Issue 11, defect 2 against MONAI Label's own server code: after each error answer uvicorn drops the kept-alive
/// connection; the good call that follows on the same client must not fail. Retries are off, so no good call can
/// be rescued by the retry policy (and none can wait for its back-off).
/// </summary>
public sealed class ReusedConnectionRealServerTests
{
    private readonly ITestOutputHelper _output;

    public ReusedConnectionRealServerTests(ITestOutputHelper output) => _output = output;

    [MlrefFact]
    public async Task Two_hundred_calls_alternating_failing_and_good_on_one_client_lose_no_good_call()
    {
        using var server = await MlrefServer.StartAsync();
        var dir = Path.Combine(Path.GetTempPath(), "mlc-mlref-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var image = Path.Combine(dir, "case.nii.gz");
            File.WriteAllBytes(image, Hostile.RawHttp.Bytes(64_000, seed: 3));
            var options = new MonaiLabelClientOptions { ServerUrl = server.Url, Timeout = TimeSpan.FromSeconds(30), ResultDirectory = Path.Combine(dir, "results") };
            options.Retry.MaxRetries = 0;
            using var client = MonaiLabelClient.Create(options);
            await client.UploadImageAsync(FileParameter.FromFile(image), "seed");

            var failing = new Func<Task>[]
            {
                () => client.InferAsync("no_such_model", new InferRequest { Image = "seed", Overwrite = true }),
                () => client.InferAsync("no_such_model", new InferRequest { File = FileParameter.FromFile(image), Overwrite = true }),
                () => client.DeleteImageAsync("no_such_image"),
                () => client.GetNextSampleAsync("no_such_strategy"),
            };
            var good = new Func<Task>[]
            {
                () => client.GetAppInfoAsync(),
                () => client.UploadImageAsync(FileParameter.FromFile(image), "case"),
                () => client.InferAsync("segmentation_spleen", new InferRequest { Image = "seed", Overwrite = true }),
                () => client.GetDatastoreStatsAsync(),
                () => client.InferAsync("segmentation_spleen", new InferRequest { File = FileParameter.FromFile(image), Overwrite = true }),
                () => client.ImageExistsAsync("seed"),
            };

            var failures = new List<string>();
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 100; i++)
            {
                var error = await Record.ExceptionAsync(failing[i % failing.Length]);
                Assert.True(error is MonaiLabelClientException { Kind: MonaiLabelErrorKind.ServerError }, $"failing call {i}: {error}");

                var watch = Stopwatch.StartNew();
                var goodError = await Record.ExceptionAsync(good[i % good.Length]);
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                if (goodError != null)
                {
                    failures.Add($"good call {i % good.Length} (round {i}): {goodError.Message}");
                }
            }

            _output.WriteLine($"200 calls, {failures.Count} good calls failed, slowest good call {slowest.TotalMilliseconds:F0} ms");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
#endif
