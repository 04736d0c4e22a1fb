using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// The SDK side of an end-to-end scenario, run in a child process of the tool so that its peak working set is its
/// own: <c>sdk-infer URL MODEL IMAGE DIR</c>, <c>sdk-upload URL FILE IMAGE</c>, <c>sdk-download URL IMAGE DIR</c>.
/// Prints one line, <c>RESULT {json}</c>. Touches nothing of Kestrel or BenchmarkDotNet, so neither is loaded.
/// </summary>
internal static class SdkChild
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var stopwatch = Stopwatch.StartNew();
        string? path = null;
        long bytes;
        using (var client = new MonaiLabelClient(new Uri(args[0])))
        {
            switch (mode)
            {
                case "sdk-infer":
                {
                    var result = await client.InferAsync(args[1], new InferRequest { Image = args[2], ResultDirectory = args[3] });
                    var file = result.Files.Single();
                    if ((string?)result.Params?["image"] != args[2])
                    {
                        throw new InvalidOperationException("the params part does not name the image asked for");
                    }

                    path = file.Path;
                    bytes = file.Length;
                    break;
                }

                case "sdk-upload":
                {
                    var added = await client.UploadImageAsync(FileParameter.FromFile(args[1]), args[2]);
                    if (added.Image != args[2])
                    {
                        throw new InvalidOperationException($"the server stored '{added.Image}', not '{args[2]}'");
                    }

                    bytes = new FileInfo(args[1]).Length;
                    break;
                }

                case "sdk-download":
                {
                    var saved = await client.DownloadImageToAsync(args[1], args[2]);
                    path = saved.Path;
                    bytes = saved.Length;
                    break;
                }

                default:
                    throw new ArgumentException("unknown mode " + mode);
            }
        }

        stopwatch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var result = new ChildResult(
            stopwatch.Elapsed.TotalSeconds, bytes, path, process.PeakWorkingSet64, VmHwm(), GC.GetTotalAllocatedBytes(precise: true));
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

/// <summary>What a child reports: wall time of the SDK call (client creation included), bytes moved, memory.</summary>
internal sealed record ChildResult(double Seconds, long Bytes, string? Path, long PeakWorkingSet, long VmHwm, long AllocatedBytes);
