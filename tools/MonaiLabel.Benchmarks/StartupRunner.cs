using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>startup [--server URL] [--runs N] [--mlabel PATH] [--warm-calls N] [--packaged none]</c>: whole processes asking
/// a server for <c>/info/</c>, side by side and interleaved: the installed <c>mlabel info</c> (packed and installed into
/// a temp tool path unless --mlabel names one), the SDK's first call in a consumer app (tools/MonaiLabel.StartupProbe)
/// built against the SDK as packed (a NuGet consumer's files: on linux-x64 the ReadyToRun copy for .NET 10) and against
/// the SDK's project (IL only; the only SDK row with --packaged none), the design card's floor (the same app: a bare
/// HttpClient GET deserialised with Newtonsoft into the same AppInfo), the bare GET alone, curl, and MONAI Label's
/// Python client. The goal is on the packed row. Then warm calls: the SDK's GetAppInfoAsync on a warm client against
/// the floor's on a warm HttpClient, client CPU per call. Medians of N runs (default 9) after one unmeasured run each.
/// Without --server it starts the reference server (../shared/mlref) on 127.0.0.1.
/// </summary>
internal static class StartupRunner
{
    private const double CliGoal = 0.9;      // mlabel info <= 0.9x the Python client's info(), whole processes
    private const double FirstCallGoal = 1.1; // the SDK's first call <= 1.1x the floor's, in-process
    private const double WarmCallGoal = 1.2;  // a warm GetAppInfoAsync <= 1.2x the floor's client CPU per call

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = (int)(Options.Long(args, "--runs") ?? 9);
        var shared = ReferenceServer.SharedDirectory(out var searched);
        var work = Directory.CreateTempSubdirectory("monailabel-bench-startup-").FullName;
        try
        {
            // "--mlabel none": leave the CLI out (the SDK's goals only, without the three-minute AOT pack).
            var mlabel = Options.String(args, "--mlabel") ?? InstallTool(work);
            var probe = BuildProbe();
            var packaged = Options.String(args, "--packaged") == "none" ? null : BuildPackagedProbe(work);
            ReferenceServer? reference = null;
            Uri url;
            if (Options.String(args, "--server") is { } given)
            {
                url = new Uri(given.EndsWith('/') ? given : given + "/");
            }
            else
            {
                if (shared == null)
                {
                    throw new InvalidOperationException($"no --server and the reference server is absent ({searched}/mlref/start.sh): pass --server URL");
                }

                reference = await ReferenceServer.StartAsync(shared);
                url = reference.Url;
            }

            try
            {
                var entries = Entries(url, mlabel, probe, packaged, shared, searched);
                Console.WriteLine($"server {url}{(reference != null ? " (reference server, started here)" : string.Empty)}  runs {runs}  {Environment.ProcessorCount} cores  .NET {Environment.Version}  load {Tools.LoadAverage()}");
                foreach (var entry in entries)
                {
                    entry.Measure(); // unmeasured: disk cache, first connection to the server
                }

                for (var run = 0; run < runs; run++)
                {
                    // A different order each round, so no entry always follows the same neighbour.
                    for (var i = 0; i < entries.Count; i++)
                    {
                        entries[(i + run) % entries.Count].Record();
                    }
                }

                var met = Print(entries, runs);
                met &= Warm(packaged ?? probe, url, runs, (int)(Options.Long(args, "--warm-calls") ?? 50));
                Console.WriteLine($"load average at the end: {Tools.LoadAverage()} (the machine is shared; CPU times are steadier than wall times)");
                return met ? 0 : 2;
            }
            finally
            {
                if (reference != null)
                {
                    await reference.DisposeAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<Entry> Entries(Uri url, string mlabel, string probe, string? packaged, string? shared, string searched)
    {
        var info = new Uri(url, "info/").ToString();
        var entries = new List<Entry>
        {
            new("SDK first call, project build: IL only (StartupProbe sdk)", probe, new[] { "sdk", url.ToString() }, true),
            new("floor: HttpClient GET + Newtonsoft AppInfo (StartupProbe floor)", probe, new[] { "floor", url.ToString() }, true),
            new("bare HttpClient GET (StartupProbe bare)", probe, new[] { "bare", url.ToString() }, true),
            new("curl -s URL/info/", "curl", new[] { "-s", "-S", "-f", "-o", "/dev/null", info }, false),
        };
        if (packaged != null)
        {
            entries.Insert(0, new("SDK first call, as packed (StartupProbe sdk)", packaged, new[] { "sdk", url.ToString() }, true));
        }

        if (mlabel != "none")
        {
            entries.Insert(0, new("mlabel --server URL info (installed tool)", mlabel, new[] { "--server", url.ToString(), "info" }, false));
        }

        var client = shared == null ? null : Path.Combine(shared, "upstream", "monailabel", "client");
        if (client != null && File.Exists(Path.Combine(client, "client.py")) && File.Exists("/usr/bin/python3"))
        {
            const string script = "import sys; sys.path.insert(0, sys.argv[1]); from client import MONAILabelClient; MONAILabelClient(sys.argv[2]).info()";
            entries.Add(new("Python client info() (/usr/bin/python3)", "/usr/bin/python3", new[] { "-c", script, client, url.ToString() }, false));
        }
        else
        {
            Console.WriteLine($"Python client: absent ({searched}/upstream/monailabel/client/client.py or /usr/bin/python3 missing): no Python column, no CLI ratio");
        }

        return entries;
    }

    private static bool Print(List<Entry> entries, int runs)
    {
        var python = entries.FirstOrDefault(e => e.Name.StartsWith("Python", StringComparison.Ordinal));
        var pythonWall = python == null ? (double?)null : Median(python.Walls);
        var table = new Table("Process", "wall median", "wall min", "CPU median", "in-process median", "JIT'd methods", "wall vs Python");
        foreach (var e in entries)
        {
            var wall = Median(e.Walls);
            table.Add(
                e.Name,
                Format.Duration(wall),
                Format.Duration(e.Walls.Min()),
                e.Cpus.Count > 0 ? Format.Duration(Median(e.Cpus)) : "?",
                e.InProcess.Count > 0 ? Format.Duration(Median(e.InProcess) / 1000) : "-",
                e.JitMethods.Count > 0 ? Median(e.JitMethods.Select(j => (double)j)).ToString("0", CultureInfo.InvariantCulture) : "-",
                pythonWall is { } p ? Format.Ratio(wall / p) : "-");
        }

        Console.WriteLine();
        Console.WriteLine($"GET /info/ in a fresh process, median of {runs} interleaved runs. wall: the whole process as a shell sees it;");
        Console.WriteLine("CPU: its user+sys time; in-process: Stopwatch from Main to the answer (client creation included).");
        table.Print();
        Console.WriteLine();

        var met = true;
        Entry Named(string prefix) => entries.First(e => e.Name.StartsWith(prefix, StringComparison.Ordinal));
        var mlabel = entries.FirstOrDefault(e => e.Name.StartsWith("mlabel", StringComparison.Ordinal));
        if (mlabel == null)
        {
            Console.WriteLine("goal mlabel info <= 0.9x Python info(): not measured (--mlabel none)");
        }
        else if (pythonWall is { } py)
        {
            var cli = Median(mlabel.Walls);
            var ok = cli <= CliGoal * py;
            met &= ok;
            Console.WriteLine($"goal mlabel info <= {CliGoal:0.0}x Python info(): {(ok ? "met" : "MISSED")} ({Format.Ratio(cli / py)}: {Format.Duration(cli)} vs {Format.Duration(py)})");
        }
        else
        {
            Console.WriteLine("goal mlabel info <= 0.9x Python info(): not measured (no Python client)");
        }

        var floorEntry = Named("floor:");
        var project = Named("SDK first call, project build");
        var packed = entries.FirstOrDefault(e => e.Name.StartsWith("SDK first call, as packed", StringComparison.Ordinal));
        var sdkOk = FirstCallAgainstFloor(packed ?? project, floorEntry);
        met &= sdkOk;
        Console.WriteLine(
            $"goal SDK first call ({(packed != null ? "as packed" : "project build, IL only")}) <= {FirstCallGoal:0.0}x the floor (GET + Newtonsoft), in-process: {(sdkOk ? "met" : "MISSED")} " +
            $"({Describe(packed ?? project, floorEntry)}; bare GET {Median(Named("bare").InProcess):0.0} ms)");
        if (packed != null)
        {
            Console.WriteLine($"  project build, IL only (not what a consumer gets on linux-x64 with .NET 10): {Describe(project, floorEntry)}");
        }

        return met;
    }

    private static bool FirstCallAgainstFloor(Entry sdk, Entry floor) => Median(sdk.InProcess) <= FirstCallGoal * Median(floor.InProcess);

    private static string Describe(Entry sdk, Entry floor) =>
        $"{Format.Ratio(Median(sdk.InProcess) / Median(floor.InProcess))}: {Median(sdk.InProcess):0.0} ms vs {Median(floor.InProcess):0.0} ms; " +
        $"paired median {Format.Ratio(PairedMedian(sdk.InProcess, floor.InProcess))}; " +
        $"CPU {(sdk.Cpus.Count > 0 ? Format.Ratio(Median(sdk.Cpus) / Median(floor.Cpus)) : "?")}";

    // The median of per-round ratios: each round runs both within a few hundred milliseconds, under the same load.
    private static double PairedMedian(List<double> a, List<double> b) => Median(a.Zip(b, (x, y) => x / y));

    /// <summary>
    /// Warm calls: <c>StartupProbe warm</c> runs, in one process, a warm MonaiLabelClient's GetAppInfoAsync and the
    /// floor's GET + Newtonsoft on a warm HttpClient in alternating batches (after tier-up has settled), measuring the
    /// process's CPU around each batch; the goal is on the median over <paramref name="runs"/> such processes of the
    /// per-process median paired ratio.
    /// </summary>
    private static bool Warm(string probe, Uri url, int runs, int calls)
    {
        var sdk = new List<double>();
        var floor = new List<double>();
        var ratios = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (output, _) = Tools.Run(probe, new[] { "warm", url.ToString(), calls.ToString(CultureInfo.InvariantCulture) });
            double Field(string name) => double.Parse(
                output.Split('\n').First(l => l.StartsWith(name + ": ", StringComparison.Ordinal)).Substring(name.Length + 2),
                CultureInfo.InvariantCulture);
            sdk.Add(Field("sdk-cpu-us-per-call"));
            floor.Add(Field("floor-cpu-us-per-call"));
            ratios.Add(Field("paired-ratio"));
        }

        var ratio = Median(ratios);
        var ok = ratio <= WarmCallGoal;
        Console.WriteLine(
            $"goal warm GetAppInfoAsync <= {WarmCallGoal:0.0}x the floor's client CPU per call: {(ok ? "met" : "MISSED")} " +
            $"(paired {Format.Ratio(ratio)}; {Median(sdk) / 1000:0.000} ms vs {Median(floor) / 1000:0.000} ms per call, " +
            $"medians of {runs} processes, {calls}-call batches)");
        return ok;
    }

    private static double Median(IEnumerable<double> values) => E2eRunner.Median(values);

    // As a user installs it: pack the CLI as it is published (tools/pack-mlabel.sh: the linux-x64 package is Native
    // AOT), then `dotnet tool install` from that folder into a private tool path, with a private NuGet folder so a
    // cached MonaiLabel.Cli of the same version cannot stand in.
    private static string InstallTool(string work)
    {
        var pack = Path.Combine(work, "pack");
        var tools = Path.Combine(work, "tool");
        Console.WriteLine("packing and installing mlabel (about three minutes: Native AOT) ...");
        Exec("bash", Path.Combine(RepoPaths.Root, "tools", "pack-mlabel.sh"), pack);
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", Path.Combine(work, "nuget"));
        Exec("dotnet", "tool", "install", "--tool-path", tools, "--add-source", pack, "MonaiLabel.Cli");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", null);
        return Path.Combine(tools, "mlabel");
    }

    private static string BuildProbe()
    {
        var project = Path.Combine(RepoPaths.Root, "tools", "MonaiLabel.StartupProbe");
        Exec("dotnet", "build", project, "-c", "Release");
        return Path.Combine(project, "bin", "Release", "net10.0", "MonaiLabel.StartupProbe");
    }

    // As a NuGet consumer gets the SDK: MonaiLabel.Client packed (Release, as .ci/run packs it) into the work folder,
    // the probe restored from it with a private NuGet folder (a cached package of the same version must not stand in)
    // and built into its own obj/bin.
    private static string BuildPackagedProbe(string work)
    {
        var packages = Path.Combine(work, "sdk-package");
        var output = Path.Combine(work, "probe-packaged");
        Exec("dotnet", "pack", Path.Combine(RepoPaths.Root, "src", "MonaiLabel.Client"), "-c", "Release", "-o", packages);
        var version = Tools.Run("dotnet", new[] { "msbuild", Path.Combine(RepoPaths.Root, "src", "MonaiLabel.Client"), "-getProperty:Version" }).Output.Trim();
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", Path.Combine(work, "nuget"));
        try
        {
            Exec(
                "dotnet", "build", Path.Combine(RepoPaths.Root, "tools", "MonaiLabel.StartupProbe"), "-c", "Release",
                $"-p:MonaiLabelPackages={packages}", $"-p:MonaiLabelVersion={version}",
                $"-p:BaseIntermediateOutputPath={output}/obj/", $"-p:OutDir={output}/bin/");
        }
        finally
        {
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", null);
        }

        return Path.Combine(output, "bin", "MonaiLabel.StartupProbe");
    }

    private static void Exec(string file, params string[] args) => Tools.Run(file, args);

    private sealed class Entry
    {
        private const string GnuTime = "/usr/bin/time";
        private readonly string _file;
        private readonly string[] _args;
        private readonly bool _reportsInProcess;

        public Entry(string name, string file, string[] args, bool reportsInProcess)
        {
            Name = name;
            _file = file;
            _args = args;
            _reportsInProcess = reportsInProcess;
        }

        public string Name { get; }

        public List<double> Walls { get; } = new();

        public List<double> Cpus { get; } = new();

        public List<double> InProcess { get; } = new();

        public List<long> JitMethods { get; } = new();

        public (double Wall, double? Cpu, string Output) Measure()
        {
            if (!File.Exists(GnuTime))
            {
                var (output, wall) = Tools.Run(_file, _args);
                return (wall, null, output);
            }

            var usage = Path.GetTempFileName();
            try
            {
                var (output, wall) = Tools.Run(GnuTime, new[] { "-f", "%U %S", "-o", usage, _file }.Concat(_args).ToArray());
                var fields = File.ReadAllText(usage).Trim().Split('\n').Last().Split(' ');
                return (wall, double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture), output);
            }
            finally
            {
                File.Delete(usage);
            }
        }

        public void Record()
        {
            var (wall, cpu, output) = Measure();
            Walls.Add(wall);
            if (cpu is { } c)
            {
                Cpus.Add(c);
            }

            if (_reportsInProcess)
            {
                InProcess.Add(double.Parse(Field(output, "startup-ms: "), CultureInfo.InvariantCulture));
                JitMethods.Add(long.Parse(Field(output, "jit-methods: "), CultureInfo.InvariantCulture));
            }
        }

        private string Field(string output, string prefix) =>
            output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Substring(prefix.Length).Trim()
            ?? throw new InvalidOperationException($"{Name} printed no '{prefix}':\n{output}");
    }
}
