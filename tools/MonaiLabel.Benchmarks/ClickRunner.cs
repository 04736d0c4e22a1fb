using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>clicks [--server URL] [--clicks 300] [--model sam_3d] [--size-mib 1] [--warm 100] [--rounds 3]</c>: the per-click cost of
/// interactive annotation against MONAI Label's real server code (without --server: ../shared/mlref started with
/// --interactive). One image of --size-mib in one session; each client warm (--warm clicks not counted: the .NET
/// clients' JIT tiers settle), then --clicks clicks, one after another (SDK and bare HttpClient in alternating
/// --rounds, so that load drifts hit both; Python after 20 warm clicks in its own process), each answered with the label (the fake SAM2 answers the image XOR 0xFF,
/// so a 1 MiB label per click): the SDK (typed ClickPrompt through InteractiveSession, checked against the model's
/// capabilities, label parsed from the multipart answer and saved atomically with fsync), a bare HttpClient sending
/// the same params JSON to the same route and copying the whole answer to a file, and MONAI Label's Python client
/// (<c>infer(model, "", params, session_id=...)</c>, which saves the label to its tmpdir). Per click: p50 and p95
/// wall time, and client CPU (process CPU time over the measured clicks / clicks).
/// </summary>
internal static class ClickRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clicks = (int)(Options.Long(args, "--clicks") ?? 300);
        var warm = (int)(Options.Long(args, "--warm") ?? 100);
        var rounds = (int)(Options.Long(args, "--rounds") ?? 3);
        var model = Options.String(args, "--model") ?? "sam_3d";
        var bytes = (Options.Long(args, "--size-mib") ?? 1) << 20;
        var shared = ReferenceServer.SharedDirectory(out var searched);
        var python = shared == null ? null : Path.Combine(shared, "upstream", "monailabel", "client");
        var work = Directory.CreateTempSubdirectory("monailabel-bench-clicks-").FullName;
        ReferenceServer? reference = null;
        try
        {
            Uri url;
            if (Options.String(args, "--server") is { } given)
            {
                url = new Uri(given.EndsWith('/') ? given : given + "/");
            }
            else
            {
                reference = await ReferenceServer.StartAsync(
                    shared ?? throw new InvalidOperationException($"the reference server is absent ({searched}/mlref/start.sh)"), interactive: true);
                url = reference.Url;
            }

            var image = Path.Combine(work, "click_image.nii.gz");
            var content = new byte[bytes];
            new Random(22).NextBytes(content);
            await File.WriteAllBytesAsync(image, content);
            Console.WriteLine($"server {url}  model {model}  image {Format.Bytes(bytes)}  {clicks} clicks (+{warm} warm)  {Environment.ProcessorCount} cores  .NET {Environment.Version}  load {Tools.LoadAverage()}");

            var rows = new List<(string Name, Stats Stats)>();
            using var client = new MonaiLabelClient(url);
            var capabilities = await client.GetModelCapabilitiesAsync(model);
            await using var session = await client.StartInteractiveSessionAsync(image);

            Func<int, Task> sdkClick = async i =>
            {
                var prompt = new ClickPrompt { Foreground = { Point(i) } };
                var result = await session.InferAsync(capabilities, new InferRequest { Prompt = prompt, ResultDirectory = work, Overwrite = true });
                Check(result.Label!.Length == bytes, "SDK label size");
            };

            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
            var bareFile = Path.Combine(work, "bare_answer.bin");
            Func<int, Task> bareClick = async i =>
            {
                using var form = new MultipartFormDataContent();
                form.Add(new StringContent(ParamsJson(i), Encoding.UTF8), "params");
                var route = $"infer/{Uri.EscapeDataString(model)}?image=&session_id={Uri.EscapeDataString(session.SessionId)}";
                using var answer = await http.PostAsync(route, form);
                answer.EnsureSuccessStatusCode();
                await using (var file = new FileStream(bareFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await answer.Content.CopyToAsync(file);
                }

                Check(new FileInfo(bareFile).Length > bytes, "bare answer size");
            };

            // Both warm (JIT tiers settled), then alternating rounds so that load drifts hit both alike.
            await MeasureAsync(warm, 0, sdkClick);
            await MeasureAsync(warm, 0, bareClick);
            var sdkParts = new List<Stats>();
            var bareParts = new List<Stats>();
            for (var round = 0; round < rounds; round++)
            {
                sdkParts.Add(await MeasureAsync(0, clicks / rounds, i => sdkClick(warm + (round * clicks) + i)));
                bareParts.Add(await MeasureAsync(0, clicks / rounds, i => bareClick(warm + (round * clicks) + i)));
            }

            rows.Add(("SDK (InteractiveSession + ClickPrompt)", Stats.Merge(sdkParts)));
            rows.Add(("bare HttpClient (same request)", Stats.Merge(bareParts)));

            if (python != null && File.Exists(Path.Combine(python, "client.py")))
            {
                rows.Add(("Python client (MONAILabelClient.infer)", Python(python, url, work, model, session.SessionId, 20, clicks, bytes)));
            }
            else
            {
                Console.WriteLine($"Python client: absent ({searched}/upstream/monailabel/client/client.py): no Python row");
            }

            Check(session.Recreations == 0, "the session stayed alive");
            var sdk = rows[0].Stats;
            var table = new Table("client", "p50 / click", "p95 / click", "CPU / click", "p50 vs SDK");
            foreach (var (name, stats) in rows)
            {
                table.Add(name, Ms(stats.P50), Ms(stats.P95), Ms(stats.CpuPerClick), Format.Ratio(stats.P50 / sdk.P50));
            }

            table.Print();
            var bare = rows[1].Stats;
            Console.WriteLine($"SDK p50 / bare HttpClient p50 = {Format.Ratio(sdk.P50 / bare.P50)} (goal <= 1.00x)" +
                              (rows.Count > 2 ? $"; SDK p50 / Python p50 = {Format.Ratio(sdk.P50 / rows[2].Stats.P50)} (goal <= 0.60x)" : string.Empty));
            return 0;
        }
        finally
        {
            if (reference != null)
            {
                await reference.DisposeAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static VoxelPoint Point(int i) => new(10 + (i % 50), 20, 3);

    private static string ParamsJson(int i) =>
        string.Format(CultureInfo.InvariantCulture, "{{\"foreground\":[[{0},20,3]],\"background\":[]}}", 10 + (i % 50));

    private static async Task<Stats> MeasureAsync(int warm, int clicks, Func<int, Task> click)
    {
        for (var i = 0; i < warm; i++)
        {
            await click(i);
        }

        if (clicks == 0)
        {
            return new Stats(Array.Empty<double>(), 0);
        }

        GC.Collect();
        var times = new double[clicks];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        for (var i = 0; i < clicks; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await click(warm + i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        process.Refresh();
        return new Stats(times, (process.TotalProcessorTime - cpu0).TotalSeconds / clicks);
    }

    // The Python client in /usr/bin/python3: warm clicks, then timed ones; its own process CPU over the timed clicks.
    private static Stats Python(string clientDir, Uri url, string work, string model, string sessionId, int warm, int clicks, long bytes)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(work, "python-tmp")).FullName;
        var script = string.Join("\n",
            "import json, os, sys, time",
            "sys.path.insert(0, sys.argv[1])",
            "from client import MONAILabelClient",
            "c = MONAILabelClient(sys.argv[2], tmpdir=sys.argv[3])",
            "model, sid, warm, n, size = sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])",
            "def click(i):",
            "    f, _ = c.infer(model, '', {'foreground': [[10 + i % 50, 20, 3]], 'background': []}, session_id=sid)",
            "    assert os.path.getsize(f) == size, os.path.getsize(f)",
            "    os.remove(f)",
            "for i in range(warm): click(i)",
            "times = []",
            "cpu0 = time.process_time()",
            "for i in range(n):",
            "    t0 = time.perf_counter(); click(warm + i); times.append(time.perf_counter() - t0)",
            "print(json.dumps({'times': times, 'cpu': (time.process_time() - cpu0) / n}))");
        var output = Tools.Run("/usr/bin/python3", new[]
        {
            "-c", script, clientDir, url.ToString(), tmp, model, sessionId, warm.ToString(CultureInfo.InvariantCulture),
            clicks.ToString(CultureInfo.InvariantCulture), bytes.ToString(CultureInfo.InvariantCulture),
        }).Output;
        var json = Newtonsoft.Json.Linq.JObject.Parse(output.Trim().Split('\n').Last());
        return new Stats(json["times"]!.Select(t => (double)t).ToArray(), (double)json["cpu"]!);
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException("unexpected: " + what);
        }
    }

    private sealed class Stats
    {
        public Stats(double[] times, double cpuPerClick)
        {
            Times = times;
            var sorted = times.OrderBy(t => t).ToArray();
            P50 = sorted.Length == 0 ? 0 : sorted[(int)Math.Round(0.50 * (sorted.Length - 1))];
            P95 = sorted.Length == 0 ? 0 : sorted[(int)Math.Round(0.95 * (sorted.Length - 1))];
            CpuPerClick = cpuPerClick;
        }

        public double[] Times { get; }

        public static Stats Merge(List<Stats> parts) =>
            new(parts.SelectMany(p => p.Times).ToArray(), parts.Average(p => p.CpuPerClick));

        public double P50 { get; }

        public double P95 { get; }

        public double CpuPerClick { get; }
    }
}
