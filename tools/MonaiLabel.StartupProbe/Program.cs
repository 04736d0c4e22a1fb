using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.StartupProbe;

/// <summary>
/// <c>sdk URL</c>: <c>new MonaiLabelClient(url)</c> + <c>GetAppInfoAsync()</c>, the first call of a fresh process;
/// <c>bare URL</c>: one <c>HttpClient</c> GET of <c>/info/</c>, the floor. Prints <c>startup-ms: T</c> (Stopwatch from
/// Main to the answer) and <c>jit-methods: N</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || (args[0] != "sdk" && args[0] != "bare"))
        {
            Console.Error.WriteLine("usage: MonaiLabel.StartupProbe sdk|bare URL");
            return 64;
        }

        var stopwatch = Stopwatch.StartNew();
        var url = new Uri(args[1]);
        var models = args[0] == "sdk" ? await SdkAsync(url) : await BareAsync(url);
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
    private static async Task<string> BareAsync(Uri url)
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri(url, "info/")).ConfigureAwait(false);
        return $"{body.Length} bytes";
    }
}
