using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Shows a train, scoring or batch-infer task, and watches one until it ends (<c>status --watch</c>).</summary>
internal static class TaskWatcher
{
    public static bool Failed(BackgroundTask task) => task.Status == BackgroundTaskState.Error || task.Status == "FAILED";

    /// <summary>The exit code a task's final state gives: 1 when it failed.</summary>
    public static int ExitCode(BackgroundTask task) => Failed(task) ? ExitCodes.ServerError : ExitCodes.Ok;

    /// <summary>Follows <paramref name="operation"/> (polled every <paramref name="interval"/>) until the task is DONE, STOPPED or FAILED/ERROR.</summary>
    public static async Task<BackgroundTask> WatchAsync(
        Output output, string title, BackgroundTaskOperation operation, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (output.Json)
        {
            return await operation.WaitForCompletionAsync(interval, null, cancellationToken).ConfigureAwait(false);
        }

        if (output.Cli.CanShowLive)
        {
            return await WatchWithBarAsync(output, title, operation, interval, cancellationToken).ConfigureAwait(false);
        }

        // Plain lines: a status change or a new line of the task's output, one line each.
        BackgroundTaskState? lastStatus = null;
        return await operation.WaitForCompletionAsync(interval, new Reported(poll =>
        {
            var task = poll.Task;
            var final = operation.HasCompleted;
            if (task.Status != lastStatus && !final)
            {
                output.PlainLine($"{title}: {task.Status}");
                lastStatus = task.Status;
            }

            foreach (var line in poll.NewLines)
            {
                output.PlainLine("  " + line);
            }

            if (final)
            {
                output.PlainLine($"{title}: {task.Status}");
            }
        }), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BackgroundTask> WatchWithBarAsync(
        Output output, string title, BackgroundTaskOperation operation, TimeSpan interval, CancellationToken cancellationToken)
    {
        BackgroundTask last = new();
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Output.Esc(title), maxValue: 1);
                bar.IsIndeterminate = true;
                last = await operation.WaitForCompletionAsync(interval, new Reported(poll =>
                {
                    foreach (var line in poll.NewLines)
                    {
                        output.Console.MarkupLine("[grey]" + Output.Esc(line) + "[/]");
                    }

                    bar.Description = Output.Esc($"{title}: {poll.Task.Status}");
                    if (poll.Epoch is { } epoch && poll.TotalEpochs is { } total)
                    {
                        bar.IsIndeterminate = false;
                        bar.MaxValue = total;
                        bar.Value = epoch;
                    }
                }), cancellationToken).ConfigureAwait(false);
                if (last.Status == BackgroundTaskState.Done)
                {
                    bar.IsIndeterminate = false;
                    bar.Value = bar.MaxValue;
                }

                bar.StopTask();
            }).ConfigureAwait(false);
        return last;
    }

    /// <summary>Told each poll on the polling thread (System.Progress would post it elsewhere, out of order).</summary>
    private sealed class Reported : IProgress<BackgroundTaskProgress>
    {
        private readonly Action<BackgroundTaskProgress> _report;

        public Reported(Action<BackgroundTaskProgress> report) => _report = report;

        public void Report(BackgroundTaskProgress value) => _report(value);
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
                ("status", task.Status?.ToString()),
                ("started", task.StartTs),
                ("ended", task.EndTs),
                ("request", request),
                ("last output", task.Details?.LastOrDefault()),
            },
            title);
    }
}
