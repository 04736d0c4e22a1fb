using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
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
/// Warm calls, <c>warm-sdk|warm-floor URL [CALLS]</c>: the same call on one warm client, 50 unmeasured then CALLS
/// (default 400) measured one after another; prints <c>cpu-us-per-call: C</c> (the process's user+sys CPU over the
/// measured calls) and <c>wall-us-per-call: W</c>.
/// </summary>
internal static class Program
{
    private const int WarmUpCalls = 50;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || Array.IndexOf(new[] { "sdk", "floor", "bare", "warm-sdk", "warm-floor" }, args[0]) < 0)
        {
            Console.Error.WriteLine("usage: MonaiLabel.StartupProbe sdk|floor|bare URL | warm-sdk|warm-floor URL [CALLS]");
            return 64;
        }

        var url = new Uri(args[1]);
        if (args[0].StartsWith("warm-", StringComparison.Ordinal))
        {
            var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 400;
            return await (args[0] == "warm-sdk" ? WarmSdkAsync(url, calls) : WarmFloorAsync(url, calls));
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> WarmSdkAsync(Uri url, int calls)
    {
        using var client = new MonaiLabelClient(url);
        return await MeasureAsync(calls, async () => (await client.GetAppInfoAsync().ConfigureAwait(false)).Models?.Count ?? 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> WarmFloorAsync(Uri url, int calls)
    {
        using var http = new HttpClient();
        var info = new Uri(url, "info/");
        return await MeasureAsync(calls, async () =>
            JsonConvert.DeserializeObject<AppInfo>(await http.GetStringAsync(info).ConfigureAwait(false))!.Models?.Count ?? 0);
    }

    private static async Task<int> MeasureAsync(int calls, Func<Task<int>> call)
    {
        for (var i = 0; i < WarmUpCalls; i++)
        {
            await call().ConfigureAwait(false);
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var models = 0;
        for (var i = 0; i < calls; i++)
        {
            models = await call().ConfigureAwait(false);
        }

        stopwatch.Stop();
        process.Refresh();
        var cpuUs = (process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu-us-per-call: {cpuUs:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall-us-per-call: {stopwatch.Elapsed.TotalMilliseconds * 1000 / calls:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer: {models} models"));
        return 0;
    }
}
