using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Shows a bulk run: a progress bar on a terminal (n/N, rate, ETA), each failure on stderr, one JSON line per item
/// with --json, then one summary line and the failed ids. Exit 0 only when every item succeeded or was done before;
/// 1 when any failed; 130 when stopped (Ctrl+C) before the end.
/// </summary>
internal static class BulkDisplay
{
    public static async Task<int> RunAsync<T>(
        Output output, string verb, Func<IProgress<BulkProgress>, CancellationToken, IAsyncEnumerable<T>> start, Func<T, JObject> details,
        CancellationToken cancellationToken, IReadOnlyList<T>? rejected = null)
        where T : BulkItemOutcome
    {
        var cli = output.Cli;
        rejected ??= Array.Empty<T>();
        cli.Interrupts.GentleStopInUse = true;
        using var said = cli.Interrupts.StopToken.Register(() =>
            cli.Note("stopping: no new item starts; the ones in flight finish (Ctrl+C again aborts them). Run the same command again to finish the rest."));
        using var aborting = cancellationToken.Register(() =>
            cli.Note("aborting the items in flight (nothing half-written is kept); what finished stays done."));
        var clock = Stopwatch.StartNew();
        var failed = new List<string>();
        BulkProgress last = new(null, 0, 0, 0, 0);
        var cancelled = false;

        void Show(T outcome)
        {
            if (outcome.Status == BulkItemStatus.Failed)
            {
                failed.Add(outcome.ImageId);
                cli.Note($"failed {outcome.ImageId}: {outcome.Error!.Kind}: {OneLine(outcome.Error.Message)}");
            }

            if (output.Json)
            {
                output.Cli.Stdout.WriteLine(Line(outcome, details(outcome)).ToString(Newtonsoft.Json.Formatting.None));
            }
        }

        // Items refused before the run (not sent) come first, as failures.
        foreach (var outcome in rejected)
        {
            Show(outcome);
        }

        async Task Consume(Action<BulkProgress>? show)
        {
            var progress = new Sink(p =>
            {
                last = p;
                show?.Invoke(p);
            });
            try
            {
                await foreach (var outcome in start(progress, cli.Interrupts.StopToken).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    Show(outcome);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
        }

        if (output.Json || !cli.CanShowLive)
        {
            await Consume(null).ConfigureAwait(false);
        }
        else
        {
            await output.Console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new RateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Output.Esc(verb), maxValue: 1);
                    task.IsIndeterminate = true;
                    await Consume(p =>
                    {
                        if (p.Total is { } total)
                        {
                            task.IsIndeterminate = false;
                            task.MaxValue = Math.Max(1, total);
                        }

                        task.Value = p.Done;
                    }).ConfigureAwait(false);
                    task.StopTask();
                }).ConfigureAwait(false);
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        last = new BulkProgress(last.Total + rejected.Count, last.Succeeded, last.Skipped, last.Failed + rejected.Count, last.Bytes);
        var stopped = cancelled || (cli.Interrupts.StopToken.IsCancellationRequested && (last.Total == null || last.Done < last.Total));
        var summary = new JObject
        {
            ["summary"] = new JObject
            {
                ["total"] = last.Total, ["succeeded"] = last.Succeeded, ["skipped"] = last.Skipped, ["failed"] = last.Failed,
                ["bytes"] = last.Bytes, ["seconds"] = Math.Round(seconds, 3), ["stopped"] = stopped, ["failed_ids"] = new JArray(failed),
            },
        };
        var line = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} done, {2} skipped (done before), {3} failed{4} in {5:0.0} s ({6:0.0}/s, {7})",
            verb, last.Succeeded, last.Skipped, last.Failed, last.Total is { } n ? $" of {n}" : string.Empty, seconds,
            last.Succeeded / seconds, Output.Bytes(last.Bytes));
        if (stopped)
        {
            line += last.Total is { } all ? $"; stopped with {all - last.Done} not done" : "; stopped";
        }

        if (output.Json)
        {
            output.Cli.Stdout.WriteLine(summary.ToString(Newtonsoft.Json.Formatting.None));
        }
        else
        {
            output.Cli.Stdout.WriteLine(line);
            if (failed.Count > 0)
            {
                output.Cli.Stdout.WriteLine("failed: " + string.Join(" ", failed));
            }
        }

        if (stopped)
        {
            if (!output.Json)
            {
                cli.Note("stopped; run the same command again to finish the rest (what is done is skipped).");
            }

            return ExitCodes.Cancelled;
        }

        return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.ServerError;
    }

    private static JObject Line(BulkItemOutcome outcome, JObject details)
    {
        var line = new JObject
        {
            ["image"] = outcome.ImageId,
            ["status"] = outcome.Status.ToString().ToLowerInvariant(),
        };
        line.Merge(details);
        if (outcome.Error is { } error)
        {
            line["error"] = new JObject
            {
                ["kind"] = error.Kind.ToString(),
                ["status_code"] = error.StatusCode == 0 ? null : error.StatusCode,
                ["message"] = OneLine(error.Message),
            };
        }

        return line;
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    // Synchronous: the SDK reports on the enumerating thread, so counts are seen in order.
    private sealed class Sink : IProgress<BulkProgress>
    {
        private readonly Action<BulkProgress> report;

        public Sink(Action<BulkProgress> report) => this.report = report;

        public void Report(BulkProgress value) => report(value);
    }

    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.IsIndeterminate
                ? task.Value.ToString("0", CultureInfo.InvariantCulture)
                : $"{task.Value.ToString("0", CultureInfo.InvariantCulture)}/{task.MaxValue.ToString("0", CultureInfo.InvariantCulture)}");
    }

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? speed.ToString("0.0", CultureInfo.InvariantCulture) + "/s" : "-/s");
    }
}
