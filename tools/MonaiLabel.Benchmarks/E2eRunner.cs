using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>e2e [--size-mib N] [--runs R] [--only infer|upload|download]</c>: each scenario against the loopback
/// <see cref="BenchServer"/>, by the SDK in a child process and by curl, R times each (default 3), alternating;
/// prints medians. Default sizes: infer label 512 MiB, upload and download 1 GiB; --size-mib sets all three.
/// </summary>
internal static class E2eRunner
{
    private const long MiB = 1L << 20;
    private const double WallTarget = 1.3;
    private const long PeakTarget = 128 * MiB;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--server") || args.Contains("--reference"))
        {
            return await E2eReference.RunAsync(args);
        }

        var sizeMiB = Options.Long(args, "--size-mib");
        var runs = (int)(Options.Long(args, "--runs") ?? 3);
        var only = Options.String(args, "--only");
        var inferBytes = sizeMiB * MiB ?? 512 * MiB;
        var ioBytes = sizeMiB * MiB ?? 1024 * MiB;

        Tools.RequireCurl();
        var work = Path.Combine(Path.GetTempPath(), $"monailabel-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        Tools.RequireFreeSpace(work, ioBytes * 3 + inferBytes * 2);
        try
        {
            await using var server = await BenchServer.StartAsync();
            server.InferLabelLength = inferBytes;
            server.DownloadLength = ioBytes;
            Console.WriteLine($"server {server.Url}  work dir {work}  runs {runs}  {Environment.ProcessorCount} cores  .NET {Environment.Version}  {Tools.CurlVersion()}  load {Tools.LoadAverage()}");

            var rows = new List<Row>();
            if (only is null or "infer")
            {
                rows.Add(Infer(server, work, runs));
            }

            if (only is null or "upload")
            {
                rows.Add(Upload(server, work, runs, ioBytes));
            }

            if (only is null or "download")
            {
                rows.Add(Download(server, work, runs));
            }

            Print(rows, runs);
            Console.WriteLine($"load average at the end: {Tools.LoadAverage()} (other processes compete for the {Environment.ProcessorCount} cores; CPU times are steadier than wall times)");
            return rows.All(r => r.Met) ? 0 : 2;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Row Infer(BenchServer server, string work, int runs)
    {
        const string model = "segmentation_spleen";
        var row = new Row("infer (multipart label)", server.InferLabelLength, Fsync: true);
        for (var run = 1; run <= runs; run++)
        {
            var image = $"spleen_{run}";
            var dir = Directory.CreateDirectory(Path.Combine(work, "sdk-infer-" + run)).FullName;
            var sdk = Tools.RunChild("sdk-infer", server.Url.ToString(), model, image, dir);
            var images = new[] { image, image + SdkChild.WarmSuffix };
            for (var i = 0; i < images.Length; i++)
            {
                var expected = server.AnswerFor(model, images[i], InferAnswer.NewBoundary());
                if (Path.GetFileName(sdk.Result.Paths[i]) != images[i] + "_label.nii.gz")
                {
                    throw new InvalidOperationException($"SDK infer saved '{sdk.Result.Paths[i]}', expected the server's name {images[i]}_label.nii.gz");
                }

                Verify("SDK infer", sdk.Result.Paths[i], expected.LabelLength, Pattern.Hash(expected.LabelStart, expected.LabelLength), 0);
            }

            row.AddSdk(sdk);
            Directory.Delete(dir, true);

            var raw = Path.Combine(work, "curl-infer.multipart");
            var url = $"{server.Url}infer/{model}?image={image}";
            row.AddCurl(Tools.Curl(raw, "-X", "POST", "-F", "params={}", url), Tools.Fsync(raw));
            // curl keeps the raw multipart body: check its length, then the label inside it.
            var answer = server.AnswerFor(model, image, InferAnswer.NewBoundary());
            if (new FileInfo(raw).Length != answer.Length)
            {
                throw new InvalidOperationException($"curl infer: {new FileInfo(raw).Length} bytes, expected {answer.Length}");
            }

            Verify("curl infer", raw, answer.LabelLength, Pattern.Hash(answer.LabelStart, answer.LabelLength), answer.Head.Length);
            File.Delete(raw);
        }

        return row;
    }

    private static Row Upload(BenchServer server, string work, int runs, long bytes)
    {
        var source = Path.Combine(work, "upload-source.nii.gz");
        Pattern.WriteFile(source, bytes);
        var expectedHash = Pattern.Hash(0, bytes);
        var row = new Row("upload (PUT datastore/image)", bytes, Fsync: false);
        for (var run = 1; run <= runs; run++)
        {
            var image = $"upload_{run}";
            var sdk = Tools.RunChild("sdk-upload", server.Url.ToString(), source, image);
            CheckUploads("SDK upload", server, 2, bytes, expectedHash);
            row.AddSdk(sdk);

            var url = $"{server.Url}datastore/image?image={image}";
            row.AddCurl(Tools.Curl("/dev/null", "-X", "PUT", "-F", $"file=@{source}", url), 0);
            CheckUploads("curl upload", server, 1, bytes, expectedHash);
        }

        File.Delete(source);
        return row;
    }

    private static Row Download(BenchServer server, string work, int runs)
    {
        var row = new Row("download (GET datastore/image)", server.DownloadLength, Fsync: true);
        for (var run = 1; run <= runs; run++)
        {
            var image = $"image_{run}";
            var dir = Directory.CreateDirectory(Path.Combine(work, "sdk-download-" + run)).FullName;
            var sdk = Tools.RunChild("sdk-download", server.Url.ToString(), image, dir);
            var images = new[] { image, image + SdkChild.WarmSuffix };
            for (var i = 0; i < images.Length; i++)
            {
                if (Path.GetFileName(sdk.Result.Paths[i]) != images[i] + ".nii.gz")
                {
                    throw new InvalidOperationException($"SDK download saved '{sdk.Result.Paths[i]}', expected the server's name {images[i]}.nii.gz");
                }

                Verify("SDK download", sdk.Result.Paths[i], server.DownloadLength, Pattern.Hash(Pattern.StartFor(images[i]), server.DownloadLength), 0);
            }

            row.AddSdk(sdk);
            Directory.Delete(dir, true);

            var file = Path.Combine(work, "curl-download.nii.gz");
            row.AddCurl(Tools.Curl(file, $"{server.Url}datastore/image?image={image}"), Tools.Fsync(file));
            Verify("curl download", file, server.DownloadLength, Pattern.Hash(Pattern.StartFor(image), server.DownloadLength), 0);
            File.Delete(file);
        }

        return row;
    }

    private static void Verify(string what, string path, long length, ulong hash, long offset)
    {
        var (fileLength, fileHash) = offset == 0 ? Pattern.HashFile(path) : HashRange(path, offset, length);
        if (fileLength != length || fileHash != hash)
        {
            throw new InvalidOperationException($"{what}: got {fileLength} bytes, hash {fileHash:x16}; expected {length} bytes, hash {hash:x16}");
        }
    }

    private static (long, ulong) HashRange(string path, long offset, long length)
    {
        var hash = new System.IO.Hashing.XxHash3();
        var buffer = new byte[1 << 20];
        using var file = File.OpenRead(path);
        file.Position = offset;
        long done = 0;
        int read;
        while (done < length && (read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, length - done))) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
            done += read;
        }

        return (done, hash.GetCurrentHashAsUInt64());
    }

    // The last `count` uploads must each have brought the whole file.
    private static void CheckUploads(string what, BenchServer server, int count, long length, ulong hash)
    {
        for (var i = 0; i < count; i++)
        {
            if (!server.Uploads.TryDequeue(out var got))
            {
                throw new InvalidOperationException($"{what}: the server saw {i} uploads, expected {count}");
            }

            if (got.Length != length || got.Hash != hash || got.FileName != "upload-source.nii.gz")
            {
                throw new InvalidOperationException($"{what}: server got {got}; expected {length} bytes, hash {hash:x16}");
            }
        }

        if (!server.Uploads.IsEmpty)
        {
            throw new InvalidOperationException($"{what}: the server saw more uploads than the {count} made");
        }
    }

    private static void Print(List<Row> rows, int runs)
    {
        var table = new Table(
            "Scenario", "Bytes", "SDK wall", "SDK MB/s", "SDK peak WS", "curl wall", "curl MB/s", "SDK/curl",
            "SDK warm", "warm/curl", "curl+fsync", "SDK/(curl+fsync)", "Target (wall <= 1.3x curl, WS <= 128 MiB)");
        foreach (var row in rows)
        {
            var sdk = Median(row.Sdk.Select(r => r.Seconds));
            var warm = Median(row.Sdk.Select(r => r.WarmSeconds));
            var curl = Median(row.Curl.Select(c => c.Seconds));
            var curlSync = Median(row.Curl.Select(c => c.Seconds + c.FsyncSeconds));
            var peak = row.Sdk.Max(r => r.Peak);
            var wallOk = sdk <= WallTarget * curl;
            var peakOk = peak <= PeakTarget;
            table.Add(
                row.Name,
                Format.Bytes(row.Bytes),
                Format.Duration(sdk),
                Format.MBps(row.Bytes, sdk),
                Format.Bytes(peak),
                Format.Duration(curl),
                Format.MBps(row.Bytes, curl),
                Format.Ratio(sdk / curl),
                Format.Duration(warm),
                Format.Ratio(warm / curl),
                row.Fsync ? Format.Duration(curlSync) : "-",
                row.Fsync ? Format.Ratio(sdk / curlSync) : "-",
                $"wall {(wallOk ? "met" : "MISSED")} ({Format.Ratio(sdk / curl)}), WS {(peakOk ? "met" : "MISSED")} ({Format.Bytes(peak)})");
        }

        Console.WriteLine();
        Console.WriteLine($"End to end, median of {runs} runs. SDK wall: the first call in a fresh child process (client creation, JIT and");
        Console.WriteLine("connection included); SDK warm: the same call again on that client. curl wall: the curl process. curl+fsync adds an");
        Console.WriteLine("fsync of curl's file, which the SDK does before it renames a result into place. Peak WS: the child's, both calls.");
        table.Print();
        Console.WriteLine();
        Console.WriteLine("Each run, seconds: SDK cold / warm / process / process CPU | curl / curl CPU / fsync after curl; SDK peak WS, curl max RSS; SDK managed bytes allocated (both calls)");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Sdk.Count; i++)
            {
                var s = row.Sdk[i];
                var c = row.Curl[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Name,-32} run {i + 1}: {s.Seconds:0.000} / {s.WarmSeconds:0.000} / {row.SdkProcess[i]:0.000} / {s.CpuSeconds:0.000} | {c.Seconds:0.000} / {c.CpuSeconds:0.000} / {c.FsyncSeconds:0.000}; {Format.Bytes(s.Peak)}, {(c.MaxRss is { } rss ? Format.Bytes(rss) : "?")}; {Format.Bytes(s.AllocatedBytes)}"));
            }
        }
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record Row(string Name, long Bytes, bool Fsync)
    {
        public List<ChildResult> Sdk { get; } = new();

        public List<double> SdkProcess { get; } = new();

        public List<CurlRun> Curl { get; } = new();

        public bool Met =>
            Median(Sdk.Select(r => r.Seconds)) <= WallTarget * Median(Curl.Select(c => c.Seconds)) && Sdk.Max(r => r.Peak) <= PeakTarget;

        public void AddSdk((ChildResult Result, double ProcessSeconds) run)
        {
            Sdk.Add(run.Result);
            SdkProcess.Add(run.ProcessSeconds);
        }

        public void AddCurl(CurlRun run, double fsyncSeconds) => Curl.Add(run with { FsyncSeconds = fsyncSeconds });
    }
}
