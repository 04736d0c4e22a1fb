using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Newtonsoft.Json;

namespace MonaiLabel.StartupProbe;

/// <summary>
/// First call of a fresh process, <c>MODE URL</c>: <c>sdk</c> is <c>new MonaiLabelClient(url)</c> +
/// <c>GetAppInfoAsync()</c>; <c>floor</c> is what a consumer without the SDK does for the same answer, one
/// <c>HttpClient</c> GET of <c>/info/</c> deserialised with Newtonsoft into the same <see cref="AppInfo"/> (the design
/// card's floor: the SDK's goal is a ratio to it); <c>bare</c> is the GET alone. Prints <c>startup-ms: T</c>
/// (Stopwatch from Main to the answer) and <c>jit-methods: N</c>.
/// Warm calls, <c>warm URL [CALLS] [ROUNDS]</c>: a warm MonaiLabelClient's GetAppInfoAsync against the floor's call
/// on a warm HttpClient, in one process, ROUNDS (default 21) batches of CALLS (default 50) each, alternating; prints
/// the medians of the client CPU per call (<c>sdk-cpu-us-per-call</c>, <c>floor-cpu-us-per-call</c>) and of the
/// per-round ratio (<c>paired-ratio</c>).
/// </summary>
internal static class Program
{
    private const int WarmUpCalls = 100;
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || Array.IndexOf(new[] { "sdk", "floor", "bare", "warm" }, args[0]) < 0)
        {
            Console.Error.WriteLine("usage: MonaiLabel.StartupProbe sdk|floor|bare URL | warm URL [CALLS] [ROUNDS]");
            return 64;
        }

        var url = new Uri(args[1]);
        if (args[0] == "warm")
        {
            return await WarmAsync(
                url,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 21);
        }

        var stopwatch = Stopwatch.StartNew();
        var models = args[0] switch
        {
            "sdk" => await SdkAsync(url),
            "floor" => await FloorAsync(url),
            _ => await BareAsync(url),
        };
        stopwatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup-ms: {stopwatch.Elapsed.TotalMilliseconds:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jit-methods: {System.Runtime.JitInfo.GetCompiledMethodCount()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer: {models}"));
        return 0;
    }

    // Separate methods, not inlined: the bare mode must not load the SDK's assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> SdkAsync(Uri url)
    {
        using var client = new MonaiLabelClient(url);
        var info = await client.GetAppInfoAsync().ConfigureAwait(false);
        return $"{info.Models?.Count ?? 0} models";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> FloorAsync(Uri url)
    {
        using var http = new HttpClient();
        var info = JsonConvert.DeserializeObject<AppInfo>(await http.GetStringAsync(new Uri(url, "info/")).ConfigureAwait(false))!;
        return $"{info.Models?.Count ?? 0} models";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> BareAsync(Uri url)
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri(url, "info/")).ConfigureAwait(false);
        return $"{body.Length} bytes";
    }

    /// <summary>
    /// Both warm, in one process: batches of CALLS calls, SDK and floor alternating (the order swapped each round), the
    /// process's CPU (getrusage, microseconds) measured around each batch, so both see the same load.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> WarmAsync(Uri url, int calls, int rounds)
    {
        using var client = new MonaiLabelClient(url);
        using var http = new HttpClient();
        var info = new Uri(url, "info/");
        Func<Task<int>> sdk = async () => (await client.GetAppInfoAsync().ConfigureAwait(false)).Models?.Count ?? 0;
        Func<Task<int>> floor = async () =>
            JsonConvert.DeserializeObject<AppInfo>(await http.GetStringAsync(info).ConfigureAwait(false))!.Models?.Count ?? 0;
        // Warm: past tiered compilation's tier-up of both paths (call counting, then tier-1 JIT on a background
        // thread, which would otherwise be counted as the calls' CPU), not just past the first calls: until a whole
        // warm-up batch compiles no method (on a loaded machine the background JIT lags far behind the calls).
        var warming = Stopwatch.StartNew();
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < WarmUpCalls; i++)
            {
                await sdk().ConfigureAwait(false);
                await floor().ConfigureAwait(false);
            }

            await Task.Delay(200).ConfigureAwait(false); // the call-counting delay (100 ms) and a tier-1 batch
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != compiled && warming.Elapsed < WarmUpLimit);

        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var sdkCpu = new List<double>();
        var floorCpu = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            double s, f;
            if (round % 2 == 0)
            {
                s = await BatchCpuAsync(sdk, calls).ConfigureAwait(false);
                f = await BatchCpuAsync(floor, calls).ConfigureAwait(false);
            }
            else
            {
                f = await BatchCpuAsync(floor, calls).ConfigureAwait(false);
                s = await BatchCpuAsync(sdk, calls).ConfigureAwait(false);
            }

            sdkCpu.Add(s);
            floorCpu.Add(f);
            ratios.Add(s / f);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sdk-cpu-us-per-call: {Median(sdkCpu):0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor-cpu-us-per-call: {Median(floorCpu):0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired-ratio: {Median(ratios):0.000}"));
        // Methods JIT-compiled while measuring: should be near 0, else tier-up was still under way.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jit-while-measuring: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore}"));
        return 0;
    }

    private static async Task<double> BatchCpuAsync(Func<Task<int>> call, int calls)
    {
        var before = CpuMicroseconds();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        return (CpuMicroseconds() - before) / (double)calls;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    // getrusage(RUSAGE_SELF): user+sys of the whole process (every thread the calls ran on), in microseconds;
    // Process.TotalProcessorTime reads clock ticks (10 ms) on Linux, too coarse for a batch.
    private static long CpuMicroseconds()
    {
        if (GetRusage(0, out var usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed");
        }

        return (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}
