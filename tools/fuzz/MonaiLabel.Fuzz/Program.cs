using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MonaiLabel.Fuzz.Core;

namespace MonaiLabel.Fuzz;

/// <summary>
/// <c>dotnet run -c Release --project tools/fuzz/MonaiLabel.Fuzz -- multipart|filenames [--seconds 60] [--seed N] [--replay N]</c>:
/// random and mutation-based inputs for a time budget, seeded and reproducible (every input has its own seed,
/// printed with any finding; <c>--replay</c> runs just that input). A finding is any exception other than
/// MonaiLabelClientException(InvalidResponse), a wrong round trip, a hang over 2 s, or an unsafe or out-of-range
/// file name; each distinct one is saved under tools/fuzz/findings/. Exit code 1 when there were findings.
/// </summary>
internal static class Program
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(2);

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("multipart" or "filenames"))
        {
            Console.Error.WriteLine("usage: MonaiLabel.Fuzz multipart|filenames [--seconds N] [--seed N] [--replay INPUT-SEED] [--findings DIR]");
            return 2;
        }

        var target = args[0];
        var seconds = double.Parse(Option(args, "--seconds") ?? "60", System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? Environment.TickCount.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) & int.MaxValue;
        var replay = Option(args, "--replay");
        var findingsDir = Option(args, "--findings") ?? DefaultFindingsDirectory();
        var run = new Run(target, findingsDir);

        if (replay != null)
        {
            var inputSeed = int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"target={target} replay input seed={inputSeed}");
            run.One(inputSeed, verbose: true);
            return run.Report(TimeSpan.Zero);
        }

        Console.WriteLine($"target={target} seed={seed} seconds={seconds} findings={findingsDir}");
        var master = new Random(seed);
        var watch = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < budget)
        {
            run.One(master.Next(), verbose: false);
        }

        return run.Report(watch.Elapsed);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string DefaultFindingsDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MonaiLabel.Generated.sln")))
            {
                return Path.Combine(dir.FullName, "tools", "fuzz", "findings");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "findings");
    }

    private sealed class Run
    {
        private readonly string _target;
        private readonly string _findingsDir;
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _distinct = new(StringComparer.Ordinal);
        private readonly string _saveRoot = Path.Combine(Path.GetTempPath(), "mlc-fuzz-harness", Guid.NewGuid().ToString("N"));
        private long _inputs;
        private long _findings;

        public Run(string target, string findingsDir)
        {
            _target = target;
            _findingsDir = findingsDir;
        }

        public void One(int inputSeed, bool verbose)
        {
            _inputs++;
            if (_target == "multipart")
            {
                Multipart(inputSeed, verbose);
            }
            else
            {
                FileNames(inputSeed, verbose);
            }
        }

        public int Report(TimeSpan elapsed)
        {
            Console.WriteLine($"inputs={_inputs} findings={_findings} distinct={_distinct.Count} elapsed={elapsed.TotalSeconds:0.0}s ({(_inputs / Math.Max(elapsed.TotalSeconds, 0.001)):0}/s)");
            foreach (var (name, count) in _counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {name}: {count}");
            }

            foreach (var (kind, count) in _distinct)
            {
                Console.WriteLine($"  finding x{count}: {kind}");
            }

            try
            {
                Directory.Delete(_saveRoot, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }

            return _findings > 0 ? 1 : 0;
        }

        private void Count(string name) => _counts[name] = _counts.TryGetValue(name, out var n) ? n + 1 : 1;

        // Three inputs in eight are well-formed bodies (exact round trip), four are damaged ones, one a Content-Type.
        private void Multipart(int inputSeed, bool verbose)
        {
            var random = new Random(inputSeed);
            var kind = random.Next(8);
            if (kind == 7)
            {
                var contentType = MultipartFuzz.RandomContentType(random);
                Record("content-type", MultipartFuzz.CheckContentType(contentType), inputSeed, verbose, () => Encoding.UTF8.GetBytes(contentType), contentType);
                return;
            }

            var c = MultipartFuzz.RandomCase(random, maxParts: 6, maxContent: random.Next(10) == 0 ? 200_000 : 3000);
            if (kind < 3)
            {
                Record("well-formed", MultipartFuzz.CheckRoundTrip(c, HangLimit), inputSeed, verbose, () => c.Body, c.ToString());
                return;
            }

            c.Body = MultipartFuzz.Mutate(c.Body, random, c.Boundary);
            Record("mutated", MultipartFuzz.CheckAnyBody(c, HangLimit, readAll: random.Next(2) == 0), inputSeed, verbose, () => c.Body, c.ToString());
        }

        private void FileNames(int inputSeed, bool verbose)
        {
            var random = new Random(inputSeed);
            var raw = FileNameFuzz.RandomName(random);
            for (var m = random.Next(3); m > 0; m--)
            {
                raw = FileNameFuzz.Mutate(raw, random);
            }

            var problem = FileNameFuzz.Violation(raw, _saveRoot) ?? FileNameFuzz.HeaderViolation(raw, _saveRoot);
            if (problem == null && random.Next(20) == 0)
            {
                // One in twenty is really written, to catch a write outside the directory or a leftover temp file.
                var root = Path.Combine(_saveRoot, inputSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(root);
                problem = FileNameFuzz.SaveViolationAsync(raw, root).GetAwaiter().GetResult();
                Count("saved to disk");
                Directory.Delete(root, recursive: true);
            }

            var outcome = problem == null ? new FuzzOutcome(FuzzVerdict.Ok, string.Empty) : new FuzzOutcome(FuzzVerdict.Finding, problem);
            Record("name", outcome, inputSeed, verbose, () => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(raw)), "name " + JsonSerializer.Serialize(raw));
        }

        private void Record(string kind, FuzzOutcome outcome, int inputSeed, bool verbose, Func<byte[]> input, string description)
        {
            Count($"{kind} {outcome.Verdict.ToString().ToLowerInvariant()}");
            if (verbose)
            {
                Console.WriteLine($"{kind}: {outcome}\n  input: {description}");
            }

            if (outcome.Verdict != FuzzVerdict.Finding)
            {
                return;
            }

            _findings++;
            var key = $"{kind}: {outcome.Detail.Split('\n')[0]}";
            key = key.Length > 160 ? key.Substring(0, 160) : key;
            _distinct[key] = _distinct.TryGetValue(key, out var n) ? n + 1 : 1;
            if (_distinct[key] > 3)
            {
                return; // Enough examples of this one.
            }

            Directory.CreateDirectory(_findingsDir);
            var stem = Path.Combine(_findingsDir, $"{_target}-{kind}-{inputSeed}");
            File.WriteAllBytes(stem + ".bin", input());
            File.WriteAllText(stem + ".txt", $"target: {_target}\nkind: {kind}\ninput seed: {inputSeed} (replay: -- {_target} --replay {inputSeed})\ninput: {description}\n{outcome.Detail}\n");
            Console.WriteLine($"FINDING (input seed {inputSeed}) {key}\n  saved to {stem}.txt");
        }
    }
}
