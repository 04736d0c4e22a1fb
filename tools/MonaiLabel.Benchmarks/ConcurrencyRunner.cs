using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>concurrency [--calls N] [--size-mib N] [--rounds N]</c>: N (default 64) concurrent InferAsync calls on one
/// client against the loopback server, each answered with its own label (default 1 MiB), every result checked
/// (params, size, checksum). Several rounds (default 3); the first pays for JIT and new connections.
/// </summary>
internal static class ConcurrencyRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = (int)(Options.Long(args, "--calls") ?? 64);
        var sizeMiB = Options.Long(args, "--size-mib") ?? 1;
        var rounds = (int)(Options.Long(args, "--rounds") ?? 3);
        const string model = "segmentation_spleen";

        var work = Path.Combine(Path.GetTempPath(), $"monailabel-bench-concurrency-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            await using var server = await BenchServer.StartAsync();
            server.InferLabelLength = sizeMiB << 20;
            Console.WriteLine($"server {server.Url}  {calls} concurrent InferAsync calls on one client, {sizeMiB} MiB label each, {rounds} rounds, {Environment.ProcessorCount} cores, load {Tools.LoadAverage()}");
            using var client = new MonaiLabelClient(server.Url);
            var table = new Table("Round", "Calls", "Label", "Total wall", "Calls/s", "MB/s", "Slowest call", "Verified");
            var walls = new double[rounds];
            for (var round = 1; round <= rounds; round++)
            {
                var dir = Directory.CreateDirectory(Path.Combine(work, "round-" + round)).FullName;
                var total = Stopwatch.StartNew();
                var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
                {
                    var image = $"r{round}_image_{i}";
                    var started = Stopwatch.StartNew();
                    var result = await client.InferAsync(model, new InferRequest { ImageId = image, ResultDirectory = dir });
                    return (Image: image, Result: result, Seconds: started.Elapsed.TotalSeconds);
                }));
                total.Stop();
                walls[round - 1] = total.Elapsed.TotalSeconds;

                foreach (var (image, result, _) in results)
                {
                    var expected = server.AnswerFor(model, image, InferAnswer.NewBoundary());
                    if ((string?)result.Params?["image"] != image || result.Files.Count != 1 || result.Files[0].FileName != image + "_label.nii.gz")
                    {
                        throw new InvalidOperationException($"call for {image}: wrong params or file ({result.Params?["image"]}, {string.Join(", ", result.Files.Select(f => f.Path))})");
                    }

                    var (length, hash) = Pattern.HashFile(result.Files[0].Path);
                    if (length != expected.LabelLength || hash != Pattern.Hash(expected.LabelStart, expected.LabelLength))
                    {
                        throw new InvalidOperationException($"call for {image}: label of {length} bytes does not match what the server sent");
                    }
                }

                var bytes = calls * (sizeMiB << 20);
                table.Add(
                    round.ToString(),
                    calls.ToString(),
                    Format.Bytes(sizeMiB << 20),
                    Format.Duration(walls[round - 1]),
                    (calls / walls[round - 1]).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    Format.MBps(bytes, walls[round - 1]),
                    Format.Duration(results.Max(r => r.Seconds)),
                    $"{results.Length}/{calls} ok");
                Directory.Delete(dir, true);
            }

            var median = E2eRunner.Median(walls);
            table.Add("median", calls.ToString(), Format.Bytes(sizeMiB << 20), Format.Duration(median),
                (calls / median).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), Format.MBps(calls * (sizeMiB << 20), median), "-", "-");
            Console.WriteLine();
            table.Print();
            Console.WriteLine($"load average at the end: {Tools.LoadAverage()}. Each call saves its label with an fsync; round 1 pays for JIT and 64 new connections.");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
