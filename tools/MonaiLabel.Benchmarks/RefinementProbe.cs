using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>refinements warm|up|down|replay|infer1 URL ...</c>: one measurement of the README's "What each refinement is
/// worth today" per process, against a server started by hand (mlref). The variants without a refinement are a
/// throwaway local patch (never committed); run this alternately with and without it. <c>LISTEN=1</c> adds an
/// ActivityListener and a MeterListener on the SDK and prints the spans, the I/O counter and the size tags.
/// </summary>
internal static class RefinementProbe
{
    private static long s_ioBytes;
    private static int s_spans;
    private static int s_clientSpans;
    private static readonly List<string> Tags = new();

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("refinements warm URL [calls] | up URL FILE ID | down URL ID DIR | replay URL [rounds] | infer1 URL");
            return 64;
        }

        var listen = Environment.GetEnvironmentVariable("LISTEN") == "1";
        using var activities = listen ? Listen() : null;
        using var meter = listen ? Meter() : null;
        using var client = new MonaiLabelClient(new Uri(args[1]));
        switch (args[0])
        {
            case "warm":
                await WarmAsync(client, args.Length > 2 ? int.Parse(args[2]) : 200);
                break;
            case "up":
                await TimedAsync("upload", () => client.UploadImageAsync(FileParameter.FromFile(args[2]), args[3]));
                break;
            case "down":
                await TimedAsync("download", () => client.DownloadImageToAsync(args[2], args[3], overwrite: true));
                break;
            case "replay":
                await ReplayAsync(client, args.Length > 2 ? int.Parse(args[2]) : 20);
                break;
            case "infer1":
                await InferTwiceAsync(client);
                break;
            default:
                Console.Error.WriteLine("unknown: " + args[0]);
                return 64;
        }

        if (listen)
        {
            Console.WriteLine($"spans {s_spans} client_spans {s_clientSpans} io_bytes {Interlocked.Read(ref s_ioBytes)} tags [{string.Join("; ", Tags)}]");
        }

        return 0;
    }

    // CPU (getrusage via Process) and managed allocation per warm GetAppInfoAsync, median of 5 batches.
    private static async Task WarmAsync(MonaiLabelClient client, int calls)
    {
        for (var i = 0; i < 400; i++)
        {
            await client.GetAppInfoAsync();
        }

        var cpu = new List<double>();
        var allocated = new List<double>();
        for (var batch = 0; batch < 5; batch++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await client.GetAppInfoAsync();
            }

            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocated0) / (double)calls);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / calls);
        }

        cpu.Sort();
        allocated.Sort();
        Console.WriteLine($"warm_cpu_ms_per_call {cpu[2]:F4} alloc_bytes_per_call {allocated[2]:F0}");
    }

    private static async Task TimedAsync(string what, Func<Task> call)
    {
        var wall = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        await call();
        Console.WriteLine($"{what}_wall_s {wall.Elapsed.TotalSeconds:F3} cpu_s {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F3}");
    }

    // Rounds of (an infer the server answers 500, then at once another call on the same client): uvicorn closes the
    // connection just after the 500, so the next request may meet a reset.
    private static async Task ReplayAsync(MonaiLabelClient client, int rounds)
    {
        var dir = Directory.CreateTempSubdirectory("refinements-replay").FullName;
        try
        {
            var image = Path.Combine(dir, "rp.nii.gz");
            File.WriteAllBytes(image, new byte[4096]);
            await client.UploadImageAsync(FileParameter.FromFile(image), "rp");
            var request = new InferRequest { ImageId = "rp", ResultDirectory = dir, Overwrite = true };
            var inferFailed = 0;
            var getFailed = 0;
            var wall = Stopwatch.StartNew();
            for (var r = 0; r < rounds; r++)
            {
                await FailAsync(client, request);
                inferFailed += await FailsAsync(() => client.InferAsync("segmentation_spleen", request));
            }

            var inferWall = wall.Elapsed.TotalSeconds;
            wall.Restart();
            for (var r = 0; r < rounds; r++)
            {
                await FailAsync(client, request);
                getFailed += await FailsAsync(() => client.GetAppInfoAsync());
            }

            Console.WriteLine($"rounds {rounds} next_infer_failed {inferFailed} infer_rounds_wall_s {inferWall:F2} next_get_failed {getFailed} get_rounds_wall_s {wall.Elapsed.TotalSeconds:F2}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task FailAsync(MonaiLabelClient client, InferRequest request)
    {
        if (await FailsAsync(() => client.InferAsync("no_such_model", request)) != 1)
        {
            throw new InvalidOperationException("The server did not fail the infer of an unknown model.");
        }
    }

    private static async Task<int> FailsAsync(Func<Task> call)
    {
        try
        {
            await call();
            return 0;
        }
        catch (MonaiLabelClientException e)
        {
            Console.Error.WriteLine("failed: " + e.Kind);
            return 1;
        }
    }

    // Two operations (an infer answered 500, an infer sending a file) for counting spans.
    private static async Task InferTwiceAsync(MonaiLabelClient client)
    {
        var dir = Directory.CreateTempSubdirectory("refinements-spans").FullName;
        try
        {
            var image = Path.Combine(dir, "sp.nii.gz");
            File.WriteAllBytes(image, new byte[4096]);
            await FailsAsync(() => client.InferAsync("no_such_model", new InferRequest { File = FileParameter.FromFile(image), ResultDirectory = dir }));
            await client.InferAsync("segmentation_spleen", new InferRequest { File = FileParameter.FromFile(image), ResultDirectory = dir, Overwrite = true });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MonaiLabel.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref s_spans);
                if (activity.Kind == ActivityKind.Client)
                {
                    Interlocked.Increment(ref s_clientSpans);
                }

                var sent = activity.GetTagItem("monailabel.request.body.size");
                var received = activity.GetTagItem("monailabel.response.body.size");
                if (sent != null || received != null)
                {
                    lock (Tags)
                    {
                        Tags.Add($"{activity.DisplayName}: sent={sent} received={received}");
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener Meter()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MonaiLabel.Client")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "monailabel.client.io")
            {
                Interlocked.Add(ref s_ioBytes, value);
            }
        });
        listener.Start();
        return listener;
    }
}
