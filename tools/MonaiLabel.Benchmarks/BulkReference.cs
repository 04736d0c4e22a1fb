using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>bulk [--files 1000] [--size-kib 64] [--images 200] [--concurrency 8] [--mlabel PATH] [--only upload|resume|infer] [--port N]</c>:
/// bulk work against MONAI Label's real server code (../shared/mlref, a fresh server per scenario, started here):
/// <list type="bullet">
/// <item>upload: N files of K KiB from one folder: <c>mlabel datastore upload DIR</c> (one process) vs a shell loop of
/// curl (one process per file) vs a loop of MONAI Label's Python client in one process; the server's CPU use during each.</item>
/// <item>resume: the same mlabel upload stopped by SIGINT (one Ctrl+C) at about half, then run again: PUTs the server
/// logged in all, time of each run.</item>
/// <item>infer: <c>mlabel infer segmentation_spleen --all --save-as TAG</c> over M images, stopped at about half and run
/// again: infers the server logged, and every result and saved label checked (the reference model's label is the input XOR 0xFF).</item>
/// </list>
/// Every uploaded image is compared byte for byte with its source.
/// </summary>
internal static class BulkReference
{
    private const string Model = "segmentation_spleen";
    private const string Tag = "bench";

    private static int? Port { get; set; }

    public static async Task<int> RunAsync(string[] args)
    {
        var files = (int)(Options.Long(args, "--files") ?? 1000);
        var size = (int)(Options.Long(args, "--size-kib") ?? 64) * 1024;
        var images = (int)(Options.Long(args, "--images") ?? 200);
        var concurrency = (int)(Options.Long(args, "--concurrency") ?? 8);
        var only = Options.String(args, "--only");
        Port = (int?)Options.Long(args, "--port"); // one server at a time, so one port does

        var shared = ReferenceServer.SharedDirectory(out var searched) ?? throw new InvalidOperationException($"the reference server is absent ({searched}/mlref/start.sh)");
        var python = Path.Combine(shared, "upstream", "monailabel", "client");
        Tools.RequireCurl();
        var work = Directory.CreateTempSubdirectory("monailabel-bench-bulk-").FullName;
        try
        {
            var mlabel = Options.String(args, "--mlabel") is { } given ? new[] { given } : BuildMlabel(work);
            var source = Directory.CreateDirectory(Path.Combine(work, "source")).FullName;
            var random = new Random(23);
            for (var i = 0; i < Math.Max(files, images); i++)
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(source, $"case_{i:D4}.nii.gz"), bytes);
            }

            var uploadDir = Directory.CreateDirectory(Path.Combine(work, "upload")).FullName;
            foreach (var file in Directory.GetFiles(source).OrderBy(f => f, StringComparer.Ordinal).Take(files))
            {
                File.Copy(file, Path.Combine(uploadDir, Path.GetFileName(file)));
            }

            Console.WriteLine($"bulk: {files} files of {Format.Bytes(size)}, {images} images to infer, mlabel --concurrency {concurrency}, {Environment.ProcessorCount} cores, load {Tools.LoadAverage()}");
            Console.WriteLine($"mlabel: {string.Join(' ', mlabel)}");
            if (only is null or "upload")
            {
                await UploadSideBySideAsync(shared, python, mlabel, uploadDir, files, concurrency);
            }

            if (only is null or "resume")
            {
                await UploadResumeAsync(shared, mlabel, uploadDir, files, concurrency);
            }

            if (only is null or "infer")
            {
                await InferResumeAsync(shared, mlabel, source, images, work);
            }

            Console.WriteLine($"load average at the end: {Tools.LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task UploadSideBySideAsync(string shared, string python, string[] mlabel, string dir, int files, int concurrency)
    {
        var table = new Table("Upload of the folder", "wall", "per file", "vs curl loop", "server CPU", "server CPU / wall", "images right");
        double? curlWall = null;
        var rows = new List<(string Name, double Wall, double Cpu, string Check)>();
        foreach (var who in new[] { "curl loop (a process per file)", "Python client loop (one process)", $"mlabel datastore upload DIR (--concurrency {concurrency})" })
        {
            await using var server = await ReferenceServer.StartAsync(shared, port: Port);
            var cpu0 = server.CpuSeconds();
            var clock = Stopwatch.StartNew();
            if (who.StartsWith("curl", StringComparison.Ordinal))
            {
                Tools.Run("bash", new[] { "-c", "set -e; for f in \"$1\"/*; do b=$(basename \"$f\"); curl -s -S -f -o /dev/null -X PUT -F \"file=@$f\" \"$2datastore/?image=${b%%.*}\"; done", "bash", dir, server.Url.ToString() });
            }
            else if (who.StartsWith("Python", StringComparison.Ordinal))
            {
                var script = string.Join("\n",
                    "import os, sys",
                    "sys.path.insert(0, sys.argv[1])",
                    "from client import MONAILabelClient",
                    "c = MONAILabelClient(sys.argv[2])",
                    "for n in sorted(os.listdir(sys.argv[3])):",
                    "    r = c.upload_image(os.path.join(sys.argv[3], n), n.split('.')[0])",
                    "    assert r['image'] == n.split('.')[0], r");
                Tools.Run("/usr/bin/python3", new[] { "-c", script, python, server.Url.ToString(), dir });
            }
            else
            {
                Tools.Run(mlabel[0], mlabel.Skip(1).Concat(new[] { "--server", server.Url.ToString(), "datastore", "upload", dir, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture) }).ToArray());
            }

            var wall = clock.Elapsed.TotalSeconds;
            var cpu = server.CpuSeconds() - cpu0;
            var check = CheckImages(server.Studies, dir, files);
            curlWall ??= wall;
            rows.Add((who, wall, cpu, check));
        }

        foreach (var (name, wall, cpu, check) in rows)
        {
            table.Add(name, Format.Duration(wall), Format.Duration(wall / files), Format.Ratio(wall / curlWall!.Value), Format.Duration(cpu), $"{cpu / wall:0.00} cores", check);
        }

        Console.WriteLine();
        Console.WriteLine($"{files} files uploaded from one folder, each to a fresh reference server (wall of the whole process or loop; server CPU = its process group's user+sys during the run):");
        table.Print();
    }

    private static async Task UploadResumeAsync(string shared, string[] mlabel, string dir, int files, int concurrency)
    {
        await using var server = await ReferenceServer.StartAsync(shared, port: Port);
        var command = new[] { "--server", server.Url.ToString(), "--json", "datastore", "upload", dir, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture) };
        var first = Interrupted(mlabel, command, files / 2);
        var second = Interrupted(mlabel, command, null);
        var puts = server.Logged(ReferenceServer.AddedImage);
        Console.WriteLine();
        Console.WriteLine($"upload of {files} files stopped by one SIGINT after {files / 2} had ended, then run again (images stored, as the server's log says: Adding Image):");
        var table = new Table("Run", "exit", "wall", "uploaded", "skipped (done before)", "failed");
        table.Add("1 (SIGINT at half)", first.Exit.ToString(CultureInfo.InvariantCulture), Format.Duration(first.Seconds), first.Count("succeeded"), first.Count("skipped"), first.Count("failed"));
        table.Add("2 (same command)", second.Exit.ToString(CultureInfo.InvariantCulture), Format.Duration(second.Seconds), second.Count("succeeded"), second.Count("skipped"), second.Count("failed"));
        table.Print();
        Console.WriteLine($"images the server stored: {puts} for {files} files ({puts - files} sent twice); images right: {CheckImages(server.Studies, dir, files)}; time to finish: {Format.Duration(first.Seconds + second.Seconds)}");
    }

    private static async Task InferResumeAsync(string shared, string[] mlabel, string source, int images, string work)
    {
        await using var server = await ReferenceServer.StartAsync(shared, port: Port);
        var inputs = Directory.GetFiles(source).OrderBy(f => f, StringComparer.Ordinal).Take(images).ToList();
        using (var client = new MonaiLabelClient(server.Url))
        {
            await foreach (var o in client.UploadManyAsync(inputs.Select(BulkUploadItem.FromFile).ToList(), new BulkUploadOptions { MaxConcurrency = 4 }))
            {
                if (o.Status == BulkItemStatus.Failed)
                {
                    throw new InvalidOperationException($"seeding {o.ImageId}: {o.Error!.Message}");
                }
            }
        }

        var results = Directory.CreateDirectory(Path.Combine(work, "infer-results")).FullName;
        var command = new[] { "--server", server.Url.ToString(), "--json", "infer", Model, "--all", "--save-as", Tag, "--out", results, "--concurrency", "2" };
        var first = Interrupted(mlabel, command, images / 2);
        var second = Interrupted(mlabel, command, null);
        var infers = server.Logged(ReferenceServer.InferRequest);
        var labelPuts = server.Logged(ReferenceServer.AddedLabel);

        // Every result file and every saved label is the input XOR 0xFF (the reference model).
        var right = 0;
        foreach (var input in inputs)
        {
            var id = Path.GetFileName(input).Split('.')[0];
            var expected = File.ReadAllBytes(input).Select(b => (byte)(b ^ 0xFF)).ToArray();
            var result = Path.Combine(results, $"{id}_{Model}.nii.gz");
            var label = Path.Combine(server.Studies, "labels", Tag, id + ".nii.gz");
            if (File.Exists(result) && File.Exists(label) && File.ReadAllBytes(result).AsSpan().SequenceEqual(expected) && File.ReadAllBytes(label).AsSpan().SequenceEqual(expected))
            {
                right++;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"infer {Model} --all --save-as {Tag} over {images} images (--concurrency 2), stopped by one SIGINT after {images / 2} had ended, then run again:");
        var table = new Table("Run", "exit", "wall", "done", "skipped (done before)", "failed");
        table.Add("1 (SIGINT at half)", first.Exit.ToString(CultureInfo.InvariantCulture), Format.Duration(first.Seconds), first.Count("succeeded"), first.Count("skipped"), first.Count("failed"));
        table.Add("2 (same command)", second.Exit.ToString(CultureInfo.InvariantCulture), Format.Duration(second.Seconds), second.Count("succeeded"), second.Count("skipped"), second.Count("failed"));
        table.Print();
        Console.WriteLine($"infers the server ran (its log: \"Infer Request\"): {infers} for {images} images ({infers - images} run twice); labels stored: {labelPuts} ({labelPuts - images} twice); results and labels right (input XOR 0xFF): {right}/{images}");
    }

    // One mlabel process with --json; SIGINT (one Ctrl+C) once `stopAfter` items have ended. It starts through a
    // python exec that resets SIGINT to its default: a benchmark started in the background (nohup ... &) ignores
    // SIGINT, its children inherit that, and a real Ctrl+C is what is measured.
    private static RunResult Interrupted(string[] mlabel, string[] command, int? stopAfter)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])" }.Concat(mlabel).Concat(command))
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var statuses = new List<string>();
        var signalled = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var json = JObject.Parse(line);
            if (json["status"]?.ToString() is { } status)
            {
                statuses.Add(status);
            }

            if (!signalled && stopAfter is { } n && statuses.Count >= n)
            {
                signalled = true;
                using var kill = Process.Start(new ProcessStartInfo("kill", $"-INT {process.Id}") { UseShellExecute = false })!;
                kill.WaitForExit();
            }
        }

        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        var expected = stopAfter == null ? 0 : 130;
        if (process.ExitCode != expected)
        {
            throw new InvalidOperationException($"mlabel {string.Join(' ', command)} exited {process.ExitCode}, expected {expected}:\n{stderr.Result}");
        }

        return new RunResult(process.ExitCode, seconds, statuses);
    }

    // Every source file is on the server, byte for byte (by SHA-256), and nothing else is.
    private static string CheckImages(string studies, string dir, int files)
    {
        var right = 0;
        foreach (var file in Directory.GetFiles(dir))
        {
            var stored = Path.Combine(studies, Path.GetFileName(file));
            if (File.Exists(stored) && SHA256.HashData(File.ReadAllBytes(stored)).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(file))))
            {
                right++;
            }
        }

        var extra = Directory.GetFiles(studies, "*.nii.gz").Length - right;
        if (right != files || extra != 0)
        {
            throw new InvalidOperationException($"{right}/{files} images right on the server, {extra} other");
        }

        return $"{right}/{files}";
    }

    // The CLI as built here (Release, JIT): `dotnet MonaiLabel.Cli.dll`. --mlabel PATH runs an installed one instead.
    private static string[] BuildMlabel(string work)
    {
        var output = Path.Combine(work, "mlabel");
        Console.WriteLine("building mlabel (Release) ...");
        Tools.Run("dotnet", new[] { "build", "-c", "Release", "-v", "q", "--nologo", Path.Combine(RepoPaths.Root, "src", "MonaiLabel.Cli", "MonaiLabel.Cli.csproj"), "-o", output });
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return new[] { dotnet, Path.Combine(output, "MonaiLabel.Cli.dll") };
    }

    private sealed record RunResult(int Exit, double Seconds, List<string> Statuses)
    {
        public string Count(string status) => Statuses.Count(s => s == status).ToString(CultureInfo.InvariantCulture);
    }
}
