using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace MonaiLabel.Benchmarks;

/// <summary><c>parser</c>: runs <see cref="ParserBenchmarks"/> and prints throughput and allocations side by side.</summary>
internal static class ParserRunner
{
    public static int Run(string[] args)
    {
        // A short job: one launch, a warm-up and five measured iterations per case. Extra arguments go to
        // BenchmarkDotNet (e.g. --filter, or --job to override).
        var job = Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Short5");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.JoinSummary)
            .WithSummaryStyle(BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(20));
        var summaries = args.Contains("--filter")
            ? BenchmarkSwitcher.FromTypes(new[] { typeof(ParserBenchmarks) }).Run(args, config).ToArray()
            : new[] { BenchmarkRunner.Run(typeof(ParserBenchmarks), config, args) };

        var table = new Table("Body", "Buffer", "Reader", "Mean", "MB/s", "vs ASP.NET", "Allocated");
        foreach (var summary in summaries)
        {
            var byCase = summary.Reports
                .Where(r => r.ResultStatistics != null)
                .GroupBy(r => (Body: (ParserBenchmarks.BodyKind)r.BenchmarkCase.Parameters["Body"], Buffer: (int)r.BenchmarkCase.Parameters["BufferKiB"]))
                .OrderBy(g => g.Key.Body).ThenBy(g => g.Key.Buffer);
            foreach (var group in byCase)
            {
                var length = ParserBenchmarks.BodyLength(group.Key.Body);
                var baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics!.Mean;
                foreach (var report in group.OrderByDescending(r => r.BenchmarkCase.Descriptor.Baseline))
                {
                    var mean = report.ResultStatistics!.Mean; // ns
                    var mbps = length / 1e6 / (mean / 1e9);
                    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                    var isBaseline = report.BenchmarkCase.Descriptor.Baseline;
                    table.Add(
                        group.Key.Body.ToString(),
                        isBaseline ? "4 KiB (its default)" : group.Key.Buffer + " KiB",
                        report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                        Format.Duration(mean / 1e9),
                        mbps.ToString("N0", CultureInfo.InvariantCulture),
                        baseline is { } b ? (b / mean).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-",
                        allocated is { } a ? Format.Bytes(a) : "?");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Parser throughput (MB/s = body bytes / Mean; 'vs ASP.NET' = ASP.NET Mean / this Mean, > 1 is faster):");
        table.Print();
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
