using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using MonaiLabel.Client;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Shows a train, scoring or batch-infer task, and watches one until it ends (<c>status --watch</c>).</summary>
internal static partial class TaskWatcher
{
    private static readonly HashSet<string> Final = new(StringComparer.OrdinalIgnoreCase) { "DONE", "STOPPED", "FAILED", "ERROR" };

    public static bool IsFinal(string? status) => status != null && Final.Contains(status);

    public static bool Failed(BackgroundTask task) => task.Status is "FAILED" or "ERROR";

    /// <summary>The exit code a task's final state gives: 1 when it failed.</summary>
    public static int ExitCode(BackgroundTask task) => Failed(task) ? ExitCodes.ServerError : ExitCodes.Ok;

    /// <summary>A task status answer (free-form JSON in the API) read as <see cref="BackgroundTask"/>.</summary>
    public static BackgroundTask Read(object? answer) =>
        (answer as JToken ?? JToken.FromObject(answer ?? new JObject())).ToObject<BackgroundTask>() ?? new BackgroundTask();

    /// <summary>Polls <paramref name="poll"/> every <paramref name="interval"/> until the task is DONE, STOPPED, FAILED or ERROR.</summary>
    public static async Task<BackgroundTask> WatchAsync(
        Output output, string title, Func<CancellationToken, Task<BackgroundTask>> poll, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (output.Json)
        {
            while (true)
            {
                var task = await poll(cancellationToken).ConfigureAwait(false);
                if (IsFinal(task.Status))
                {
                    return task;
                }

                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }

        if (output.Cli.CanShowLive)
        {
            return await WatchWithBarAsync(output, title, poll, interval, cancellationToken).ConfigureAwait(false);
        }

        // Plain lines: a status change or a new line of the task's output, one line each.
        var seen = new List<string>();
        string? lastStatus = null;
        while (true)
        {
            var task = await poll(cancellationToken).ConfigureAwait(false);
            var fresh = NewLines(seen, task.Details);
            if (task.Status != lastStatus && !IsFinal(task.Status))
            {
                output.Console.WriteLine($"{title}: {task.Status}");
                lastStatus = task.Status;
            }

            foreach (var line in fresh)
            {
                output.Console.WriteLine("  " + line);
            }

            if (IsFinal(task.Status))
            {
                output.Console.WriteLine($"{title}: {task.Status}");
            }

            if (IsFinal(task.Status))
            {
                return task;
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<BackgroundTask> WatchWithBarAsync(
        Output output, string title, Func<CancellationToken, Task<BackgroundTask>> poll, TimeSpan interval, CancellationToken cancellationToken)
    {
        BackgroundTask last = new();
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Output.Esc(title), maxValue: 1);
                bar.IsIndeterminate = true;
                var seen = new List<string>();
                while (true)
                {
                    last = await poll(cancellationToken).ConfigureAwait(false);
                    foreach (var line in NewLines(seen, last.Details))
                    {
                        output.Console.MarkupLine("[grey]" + Output.Esc(line) + "[/]");
                    }

                    bar.Description = Output.Esc($"{title}: {last.Status}");
                    if (LatestEpoch(last.Details) is { } epoch)
                    {
                        bar.IsIndeterminate = false;
                        bar.MaxValue = epoch.Total;
                        bar.Value = epoch.Current;
                    }

                    if (IsFinal(last.Status))
                    {
                        if (last.Status == "DONE")
                        {
                            bar.IsIndeterminate = false;
                            bar.Value = bar.MaxValue;
                        }

                        bar.StopTask();
                        return;
                    }

                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return last;
    }

    /// <summary>A task as a table: id, status, times, what was asked, its last output line.</summary>
    public static Table Describe(BackgroundTask task, string title)
    {
        var request = task.Request == null
            ? null
            : string.Join(", ", task.Request.Where(kv => kv.Key is not "client_id").Select(kv => $"{kv.Key}={Output.Compact(kv.Value)}"));
        return Output.KeyValues(
            new (string, string?)[]
            {
                ("id", task.Id),
                ("status", task.Status),
                ("started", task.StartTs),
                ("ended", task.EndTs),
                ("request", request),
                ("last output", task.Details?.LastOrDefault()),
            },
            title);
    }

    /// <summary>The lines of <paramref name="details"/> not seen yet (the server keeps a rolling window of the last ones).</summary>
    internal static IReadOnlyList<string> NewLines(List<string> seen, IList<string>? details)
    {
        if (details == null || details.Count == 0)
        {
            return Array.Empty<string>();
        }

        // The longest tail of what was seen that the new window starts with.
        var overlap = 0;
        for (var k = Math.Min(seen.Count, details.Count); k > 0; k--)
        {
            if (seen.Skip(seen.Count - k).SequenceEqual(details.Take(k)))
            {
                overlap = k;
                break;
            }
        }

        var fresh = details.Skip(overlap).ToList();
        seen.AddRange(fresh);
        return fresh;
    }

    internal static (int Current, int Total)? LatestEpoch(IList<string>? details)
    {
        if (details == null)
        {
            return null;
        }

        for (var i = details.Count - 1; i >= 0; i--)
        {
            var match = EpochPattern().Match(details[i]);
            if (match.Success && int.TryParse(match.Groups[1].Value, out var current) && int.TryParse(match.Groups[2].Value, out var total) && total > 0)
            {
                return (Math.Min(current, total), total);
            }
        }

        return null;
    }

    [GeneratedRegex(@"Epoch:?\s*(\d+)\s*/\s*(\d+)")]
    private static partial Regex EpochPattern();
}
