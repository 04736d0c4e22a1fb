using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>e2e --server URL | --reference [--size-mib 256] [--runs N] [--only infer|upload|download] [--mlabel PATH]</c>: the transfers
/// against MONAI Label's real server code (--reference starts ../shared/mlref on 127.0.0.1), each the first call of a
/// fresh process: the SDK (child process), curl, and MONAI Label's Python client. infer = POST /infer/segmentation_spleen
/// (the reference app answers the input XOR 0xFF as the label), upload = PUT /datastore/, download = GET
/// /datastore/label (tag final). Medians of N runs (default 5). With --mlabel (an installed mlabel, Native AOT on
/// linux-x64) the same transfers as whole mlabel processes, a column of their own: what a one-shot script gets.
/// </summary>
internal static class E2eReference
{
    private const long MiB = 1L << 20;
    private const long PeakGoal = 128 * MiB;
    private const string Model = "segmentation_spleen";
    private const string Image = "e2e_image";

    public static async Task<int> RunAsync(string[] args)
    {
        var bytes = (Options.Long(args, "--size-mib") ?? 256) * MiB;
        var runs = (int)(Options.Long(args, "--runs") ?? 5);
        var only = Options.String(args, "--only");
        var mlabel = Options.String(args, "--mlabel");
        var shared = ReferenceServer.SharedDirectory(out var searched);
        var python = shared == null ? null : Path.Combine(shared, "upstream", "monailabel", "client");
        if (python != null && !File.Exists(Path.Combine(python, "client.py")))
        {
            python = null;
        }

        Tools.RequireCurl();
        var work = Directory.CreateTempSubdirectory("monailabel-bench-e2e-ref-").FullName;
        Tools.RequireFreeSpace(work, bytes * 8);
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
                reference = await ReferenceServer.StartAsync(shared ?? throw new InvalidOperationException($"--reference: the reference server is absent ({searched}/mlref/start.sh)"));
                url = reference.Url;
            }

            Console.WriteLine($"server {url}  {Format.Bytes(bytes)}  runs {runs}  {Environment.ProcessorCount} cores  .NET {Environment.Version}  {Tools.CurlVersion()}  load {Tools.LoadAverage()}");
            if (python == null)
            {
                Console.WriteLine($"Python client: absent ({searched}/upstream/monailabel/client/client.py): no Python column");
            }

            var source = Path.Combine(work, "e2e-source.nii.gz");
            Pattern.WriteFile(source, bytes);
            using var seed = new MonaiLabelClient(url);
            // What infer and download read: the image (and its -warm twin for the SDK child's second call) with a label.
            foreach (var id in new[] { Image, Image + SdkChild.WarmSuffix })
            {
                await seed.UploadImageAsync(FileParameter.FromFile(source), id);
                await seed.UploadLabelAsync(id, FileParameter.FromFile(source), "final");
            }

            var rows = new List<Row>();
            if (only is null or "infer")
            {
                rows.Add(Scenario("infer", 1.1, runs, work, run =>
                {
                    var dir = Directory.CreateDirectory(Path.Combine(work, $"sdk-infer-{run}")).FullName;
                    var sdk = Tools.RunChild("sdk-infer", url.ToString(), Model, Image, dir, "reference");
                    CheckSizes("SDK infer", sdk.Result.Paths, bytes);
                    Directory.Delete(dir, true);
                    return sdk;
                }, () =>
                {
                    var raw = Path.Combine(work, "curl-infer.multipart");
                    var curl = Tools.Curl(raw, "-X", "POST", "-F", "params={}", $"{url}infer/{Model}?image={Image}");
                    var fsync = Tools.Fsync(raw);
                    Expect("curl infer", new FileInfo(raw).Length > bytes);
                    File.Delete(raw);
                    return (curl.Seconds, fsync);
                }, python == null ? null : () => Python(python, url, work, $"f, _ = c.infer('{Model}', '{Image}', {{}}); ok(f)", bytes),
                mlabel == null ? null : run => Mlabel(mlabel, url, work, bytes, "infer", Model, "--image", Image)));
            }

            if (only is null or "upload")
            {
                rows.Add(Scenario("upload", 1.2, runs, work, run =>
                {
                    var id = $"up_sdk_{run}";
                    var sdk = Tools.RunChild("sdk-upload", url.ToString(), source, id);
                    DeleteAsync(seed, id, id + SdkChild.WarmSuffix).GetAwaiter().GetResult();
                    return sdk;
                }, () =>
                {
                    var id = $"up_curl_{Guid.NewGuid():N}";
                    var curl = Tools.Curl("/dev/null", "-X", "PUT", "-F", "params={}", "-F", $"file=@{source}", $"{url}datastore/?image={id}");
                    DeleteAsync(seed, id).GetAwaiter().GetResult();
                    return (curl.Seconds, 0);
                }, python == null ? null : () =>
                {
                    var id = $"up_py_{Guid.NewGuid():N}";
                    var seconds = Python(python, url, work, $"r = c.upload_image('{source}', '{id}'); assert r['image'] == '{id}', r", bytes);
                    DeleteAsync(seed, id).GetAwaiter().GetResult();
                    return seconds;
                }, mlabel == null ? null : run =>
                {
                    var id = $"up_mlabel_{run}";
                    var seconds = Mlabel(mlabel, url, work, null, "datastore", "upload", source, "--id", id);
                    DeleteAsync(seed, id).GetAwaiter().GetResult();
                    return seconds;
                }));
            }

            if (only is null or "download")
            {
                rows.Add(Scenario("download (label)", 1.2, runs, work, run =>
                {
                    var dir = Directory.CreateDirectory(Path.Combine(work, $"sdk-download-{run}")).FullName;
                    var sdk = Tools.RunChild("sdk-download-label", url.ToString(), Image, dir);
                    CheckSizes("SDK download", sdk.Result.Paths, bytes);
                    Directory.Delete(dir, true);
                    return sdk;
                }, () =>
                {
                    var file = Path.Combine(work, "curl-label.nii.gz");
                    var curl = Tools.Curl(file, $"{url}datastore/label?label={Image}&tag=final");
                    var fsync = Tools.Fsync(file);
                    Expect("curl download", new FileInfo(file).Length == bytes);
                    File.Delete(file);
                    return (curl.Seconds, fsync);
                }, python == null ? null : () => Python(python, url, work, $"f = c.download_label('{Image}', 'final'); ok(f)", bytes),
                mlabel == null ? null : run => Mlabel(mlabel, url, work, bytes, "label", "download", Image, "--tag", "final"), againstFsync: true));
            }

            await DeleteAsync(seed, Image, Image + SdkChild.WarmSuffix);
            return Print(rows, runs) ? 0 : 2;
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

    private static Row Scenario(
        string name, double goal, int runs, string work, Func<int, (ChildResult Result, double ProcessSeconds)> sdk,
        Func<(double Seconds, double Fsync)> curl, Func<double>? python, Func<int, double>? mlabel, bool againstFsync = false)
    {
        var row = new Row(name, goal, againstFsync);
        for (var run = 1; run <= runs; run++)
        {
            var child = sdk(run);
            row.Sdk.Add(child.Result.Seconds);
            row.SdkProcess.Add(child.ProcessSeconds);
            row.Peak = Math.Max(row.Peak, child.Result.Peak);
            var (curlSeconds, fsync) = curl();
            row.Curl.Add(curlSeconds);
            row.CurlFsync.Add(curlSeconds + fsync);
            if (python != null)
            {
                row.Python.Add(python());
            }

            if (mlabel != null)
            {
                row.Mlabel.Add(mlabel(run));
            }
        }

        return row;
    }

    // The Python client in a fresh /usr/bin/python3, its tmpdir inside the work directory; ok(f) checks the saved size.
    private static double Python(string clientDir, Uri url, string work, string call, long bytes)
    {
        var tmp = Directory.CreateDirectory(Path.Combine(work, "python-tmp")).FullName;
        var script = string.Join("\n",
            "import os, sys",
            "sys.path.insert(0, sys.argv[1])",
            "from client import MONAILabelClient",
            "c = MONAILabelClient(sys.argv[2], tmpdir=sys.argv[3])",
            $"def ok(f):\n    assert os.path.getsize(f) == {bytes.ToString(CultureInfo.InvariantCulture)}, os.path.getsize(f)",
            call);
        var seconds = Tools.Run("/usr/bin/python3", new[] { "-c", script, clientDir, url.ToString(), tmp }).Seconds;
        Directory.Delete(tmp, true);
        return seconds;
    }

    // One whole mlabel process; what it saved (into a fresh --out folder) must be the label, byte count checked.
    private static double Mlabel(string mlabel, Uri url, string work, long? bytes, params string[] command)
    {
        var dir = Path.Combine(work, "mlabel-out");
        Directory.CreateDirectory(dir);
        var args = new[] { "--server", url.ToString() }.Concat(command).Concat(bytes == null ? Array.Empty<string>() : new[] { "--out", dir });
        var seconds = Tools.Run(mlabel, args.ToArray()).Seconds;
        if (bytes != null)
        {
            Expect("mlabel " + command[0], Directory.GetFiles(dir).Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max() == bytes);
        }

        Directory.Delete(dir, true);
        return seconds;
    }

    private static async Task DeleteAsync(MonaiLabelClient client, params string[] ids)
    {
        foreach (var id in ids)
        {
            await client.DeleteImageAsync(id);
        }
    }

    private static void CheckSizes(string what, string[] paths, long bytes)
    {
        foreach (var path in paths)
        {
            Expect($"{what} ({Path.GetFileName(path)}: {new FileInfo(path).Length} bytes)", new FileInfo(path).Length == bytes);
        }
    }

    private static void Expect(string what, bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException(what + ": unexpected size");
        }
    }

    private static bool Print(List<Row> rows, int runs)
    {
        var table = new Table("Scenario", "SDK first call", "SDK process", "SDK peak WS", "curl", "curl+fsync", "Python client", "mlabel process", "SDK/curl", "SDK/(curl+fsync)", "mlabel/goal basis", "Goal");
        var met = true;
        foreach (var r in rows)
        {
            var sdk = E2eRunner.Median(r.Sdk);
            var curl = E2eRunner.Median(r.Curl);
            var curlFsync = E2eRunner.Median(r.CurlFsync);
            var basis = r.AgainstFsync ? curlFsync : curl;
            var ok = sdk <= r.Goal * basis && r.Peak <= PeakGoal;
            met &= ok;
            table.Add(
                r.Name, Format.Duration(sdk), Format.Duration(E2eRunner.Median(r.SdkProcess)), Format.Bytes(r.Peak), Format.Duration(curl),
                Format.Duration(curlFsync), r.Python.Count > 0 ? Format.Duration(E2eRunner.Median(r.Python)) : "-",
                r.Mlabel.Count > 0 ? Format.Duration(E2eRunner.Median(r.Mlabel)) : "-",
                Format.Ratio(sdk / curl), Format.Ratio(sdk / curlFsync),
                r.Mlabel.Count > 0 ? Format.Ratio(E2eRunner.Median(r.Mlabel) / basis) : "-",
                $"<= {r.Goal:0.0}x curl{(r.AgainstFsync ? "+fsync" : string.Empty)}, WS <= 128 MiB: {(ok ? "met" : "MISSED")}");
        }

        Console.WriteLine();
        Console.WriteLine($"Against the reference server, median of {runs} runs, each the first call of a fresh process. SDK first call: in the");
        Console.WriteLine("child, client creation and JIT included; SDK process: the child's whole process (it makes a second, warm call too);");
        Console.WriteLine("curl, Python and mlabel (--mlabel): whole processes. The SDK fsyncs what it saves; curl+fsync adds `sync FILE`");
        Console.WriteLine("after curl. The goal is the SDK's (JIT, as a consumer app runs it); mlabel's ratio is against the same basis.");
        table.Print();
        Console.WriteLine($"load average at the end: {Tools.LoadAverage()}");
        return met;
    }

    private sealed class Row
    {
        public Row(string name, double goal, bool againstFsync)
        {
            Name = name;
            Goal = goal;
            AgainstFsync = againstFsync;
        }

        public string Name { get; }

        public double Goal { get; }

        public bool AgainstFsync { get; }

        public long Peak { get; set; }

        public List<double> Sdk { get; } = new();

        public List<double> SdkProcess { get; } = new();

        public List<double> Curl { get; } = new();

        public List<double> CurlFsync { get; } = new();

        public List<double> Python { get; } = new();

        public List<double> Mlabel { get; } = new();
    }
}
