using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// The SDK side of an end-to-end scenario, run in a child process of the tool so that its peak working set is its
/// own: <c>sdk-infer URL MODEL IMAGE DIR [reference]</c>, <c>sdk-upload URL FILE IMAGE</c>, <c>sdk-download URL IMAGE DIR</c>, <c>sdk-download-label URL IMAGE DIR</c> (tag final).
/// Makes the call twice on one client: cold (the first call of a fresh process: JIT, connection) and warm (the
/// image id gets a <c>-warm</c> suffix). Prints one line, <c>RESULT {json}</c>. Touches nothing of Kestrel or
/// BenchmarkDotNet, so neither is loaded.
/// </summary>
internal static class SdkChild
{
    public const string ResultPrefix = "RESULT ";

    public const string WarmSuffix = "-warm";

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var stopwatch = Stopwatch.StartNew();
        var seconds = new List<double>();
        var paths = new List<string>();
        long bytes = 0;
        using (var client = new MonaiLabelClient(new Uri(args[0])))
        {
            foreach (var suffix in new[] { string.Empty, WarmSuffix })
            {
                switch (mode)
                {
                    case "sdk-infer":
                    {
                        var image = args[2] + suffix;
                        var answer = await client.InferAsync(args[1], new InferRequest { ImageId = image, ResultDirectory = args[3] });
                        var file = answer.Files.Single();
                        // BenchServer names the image in its params; the reference server's app sends its label names.
                        var reference = args.Length > 4 && args[4] == "reference";
                        if (reference ? answer.Params?["label_names"] == null : (string?)answer.Params?["image"] != image)
                        {
                            throw new InvalidOperationException("the params part is not the server's");
                        }

                        paths.Add(file.Path);
                        bytes = file.Length;
                        break;
                    }

                    case "sdk-upload":
                    {
                        var image = args[2] + suffix;
                        var added = await client.UploadImageAsync(FileParameter.FromFile(args[1]), image);
                        if (added.Image != image)
                        {
                            throw new InvalidOperationException($"the server stored '{added.Image}', not '{image}'");
                        }

                        bytes = new FileInfo(args[1]).Length;
                        break;
                    }

                    case "sdk-download":
                    {
                        var saved = await client.DownloadImageToAsync(args[1] + suffix, args[2]);
                        paths.Add(saved.Path);
                        bytes = saved.Length;
                        break;
                    }

                    case "sdk-download-label":
                    {
                        var saved = await client.DownloadLabelToAsync(args[1] + suffix, "final", args[2]);
                        paths.Add(saved.Path);
                        bytes = saved.Length;
                        break;
                    }

                    default:
                        throw new ArgumentException("unknown mode " + mode);
                }

                seconds.Add(stopwatch.Elapsed.TotalSeconds);
                stopwatch.Restart();
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var result = new ChildResult(
            seconds[0], seconds[1], bytes, paths.ToArray(), process.PeakWorkingSet64, VmHwm(), GC.GetTotalAllocatedBytes(precise: true),
            process.TotalProcessorTime.TotalSeconds);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>Peak resident set size from /proc/self/status (VmHWM), in bytes; 0 where there is none.</summary>
    public static long VmHwm()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}

/// <summary>
/// What a child reports: wall time of the cold call (client creation included) and of the warm one, bytes moved per
/// call, the files saved, peak memory, managed bytes allocated, and the CPU time (user + system) of the whole process,
/// runtime start-up and both calls included.
/// </summary>
internal sealed record ChildResult(
    double Seconds, double WarmSeconds, long Bytes, string[] Paths, long PeakWorkingSet, long VmHwm, long AllocatedBytes, double CpuSeconds)
{
    public long Peak => Math.Max(PeakWorkingSet, VmHwm);
}
