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
        var sizeMiB = Options.Long(args, "--size-mib");
        var runs = (int)(Options.Long(args, "--runs") ?? 3);
        var only = Options.String(args, "--only");
        var inferBytes = sizeMiB * MiB ?? 512 * MiB;
        var ioBytes = sizeMiB * MiB ?? 1024 * MiB;

        Tools.RequireCurl();
        var work = Path.Combine(Path.GetTempPath(), $"monailabel-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        Tools.RequireFreeSpace(work, ioBytes * 3 + inferBytes);
        try
        {
            await using var server = await BenchServer.StartAsync();
            server.InferLabelLength = inferBytes;
            server.DownloadLength = ioBytes;
            Console.WriteLine($"server {server.Url}  work dir {work}  runs {runs}  {Environment.ProcessorCount} cores  .NET {Environment.Version}  {Tools.CurlVersion()}");

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
            var expected = server.AnswerFor(model, image, InferAnswer.NewBoundary());
            var expectedHash = Pattern.Hash(expected.LabelStart, expected.LabelLength);

            var dir = Directory.CreateDirectory(Path.Combine(work, "sdk-infer-" + run)).FullName;
            var sdk = Tools.RunChild("sdk-infer", server.Url.ToString(), model, image, dir);
            Verify("SDK infer", sdk.Path!, expected.LabelLength, expectedHash, 0);
            row.AddSdk(sdk);
            Directory.Delete(dir, true);

            var raw = Path.Combine(work, "curl-infer.multipart");
            var url = $"{server.Url}infer/{model}?image={image}";
            row.AddCurl(Tools.Curl(raw, "-X", "POST", "-F", "params={}", url), Tools.Fsync(raw));
            // curl keeps the raw multipart body: check its length, then the label inside it.
            if (new FileInfo(raw).Length != expected.Length)
            {
                throw new InvalidOperationException($"curl infer: {new FileInfo(raw).Length} bytes, expected {expected.Length}");
            }

            Verify("curl infer", raw, expected.LabelLength, expectedHash, expected.Head.Length);
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
            CheckUpload("SDK upload", server, bytes, expectedHash);
            row.AddSdk(sdk);

            var url = $"{server.Url}datastore/image?image={image}";
            row.AddCurl(Tools.Curl("/dev/null", "-X", "PUT", "-F", $"file=@{source}", url), 0);
            CheckUpload("curl upload", server, bytes, expectedHash);
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
            var expectedHash = Pattern.Hash(Pattern.StartFor(image), server.DownloadLength);

            var dir = Directory.CreateDirectory(Path.Combine(work, "sdk-download-" + run)).FullName;
            var sdk = Tools.RunChild("sdk-download", server.Url.ToString(), image, dir);
            if (Path.GetFileName(sdk.Path) != image + ".nii.gz")
            {
                throw new InvalidOperationException($"SDK download saved as '{sdk.Path}', expected the server's name {image}.nii.gz");
            }

            Verify("SDK download", sdk.Path!, server.DownloadLength, expectedHash, 0);
            row.AddSdk(sdk);
            Directory.Delete(dir, true);

            var file = Path.Combine(work, "curl-download.nii.gz");
            row.AddCurl(Tools.Curl(file, $"{server.Url}datastore/image?image={image}"), Tools.Fsync(file));
            Verify("curl download", file, server.DownloadLength, expectedHash, 0);
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

    private static void CheckUpload(string what, BenchServer server, long length, ulong hash)
    {
        var got = server.LastUpload ?? throw new InvalidOperationException($"{what}: the server saw no file part");
        if (got.Length != length || got.Hash != hash || got.FileName != "upload-source.nii.gz")
        {
            throw new InvalidOperationException($"{what}: server got {got}; expected {length} bytes, hash {hash:x16}");
        }
    }

    private static void Print(List<Row> rows, int runs)
    {
        var table = new Table(
            "Scenario", "Bytes", "SDK wall", "SDK MB/s", "SDK peak WS", "curl wall", "curl MB/s", "SDK/curl",
            "curl+fsync", "SDK/(curl+fsync)", "Target (wall <= 1.3x curl, WS <= 128 MiB)");
        foreach (var row in rows)
        {
            var sdk = Median(row.Sdk.Select(r => r.Seconds));
            var curl = Median(row.Curl);
            var curlSync = Median(row.CurlFsync);
            var peak = row.Sdk.Max(r => Math.Max(r.PeakWorkingSet, r.VmHwm));
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
                row.Fsync ? Format.Duration(curl + curlSync) : "-",
                row.Fsync ? Format.Ratio(sdk / (curl + curlSync)) : "-",
                $"wall {(wallOk ? "met" : "MISSED")} ({Format.Ratio(sdk / curl)}), WS {(peakOk ? "met" : "MISSED")} ({Format.Bytes(peak)})");
        }

        Console.WriteLine();
        Console.WriteLine($"End to end, median of {runs} runs (SDK wall: the call in the child process, client creation included;");
        Console.WriteLine("curl wall: the curl process; curl+fsync adds an fsync of curl's file, which the SDK does before its rename):");
        table.Print();
        Console.WriteLine();
        Console.WriteLine("Each run (seconds): SDK call / SDK process / curl / fsync after curl; SDK peak WS; SDK bytes allocated");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Sdk.Count; i++)
            {
                var s = row.Sdk[i];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Name,-32} run {i + 1}: {s.Seconds:0.000} / {row.SdkProcess[i]:0.000} / {row.Curl[i]:0.000} / {row.CurlFsync[i]:0.000}; {Format.Bytes(Math.Max(s.PeakWorkingSet, s.VmHwm))}; {Format.Bytes(s.AllocatedBytes)}"));
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

        public List<double> Curl { get; } = new();

        public List<double> CurlFsync { get; } = new();

        public bool Met =>
            Median(Sdk.Select(r => r.Seconds)) <= WallTarget * Median(Curl) && Sdk.Max(r => Math.Max(r.PeakWorkingSet, r.VmHwm)) <= PeakTarget;

        public void AddSdk((ChildResult Result, double ProcessSeconds) run)
        {
            Sdk.Add(run.Result);
            SdkProcess.Add(run.ProcessSeconds);
        }

        public void AddCurl(double seconds, double fsyncSeconds)
        {
            Curl.Add(seconds);
            CurlFsync.Add(fsyncSeconds);
        }
    }
}

/// <summary>Child processes: the SDK side, curl, sync.</summary>
internal static class Tools
{
    public static void RequireCurl()
    {
        try
        {
            Run("curl", new[] { "--version" });
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("curl is needed for the e2e comparison: apt-get install -y curl", e);
        }
    }

    public static string CurlVersion() => Run("curl", new[] { "--version" }).Output.Split('\n')[0].Split(' ').Take(2).Aggregate((a, b) => a + " " + b);

    public static void RequireFreeSpace(string directory, long bytes)
    {
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < bytes + (1L << 30))
        {
            throw new InvalidOperationException($"{directory} has {Format.Bytes(free)} free; the benchmark needs {Format.Bytes(bytes)} and 1 GiB to spare");
        }
    }

    /// <summary>Runs <c>dotnet tool.dll MODE ARGS</c>; returns its result line and the process's wall time.</summary>
    public static (ChildResult Result, double ProcessSeconds) RunChild(string mode, params string[] args)
    {
        Settle();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var (output, seconds) = Run(dotnet, new[] { typeof(Tools).Assembly.Location, mode }.Concat(args).ToArray());
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(SdkChild.ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{mode} printed no result:\n{output}");
        var result = JsonSerializer.Deserialize<ChildResult>(line.Substring(SdkChild.ResultPrefix.Length))!;
        return (result, seconds);
    }

    /// <summary>Runs curl saving the answer to <paramref name="output"/>; returns its wall time.</summary>
    public static double Curl(string output, params string[] args)
    {
        Settle();
        return Run("curl", new[] { "-s", "-S", "-f", "-o", output }.Concat(args).ToArray()).Seconds;
    }

    /// <summary>fsync(2) of one file (coreutils <c>sync FILE</c>); returns its wall time.</summary>
    public static double Fsync(string path) => Run("sync", new[] { path }).Seconds;

    // Flushes earlier runs' dirty pages so that their write-back does not land inside the next measurement.
    private static void Settle() => Run("sync", Array.Empty<string>());

    private static (string Output, double Seconds) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{stderr.Result}");
        }

        return (output, stopwatch.Elapsed.TotalSeconds);
    }
}

internal static class Options
{
    public static string? String(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static long? Long(string[] args, string name) =>
        String(args, name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
