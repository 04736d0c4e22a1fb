using System;
using System.Diagnostics;
using static MonaiLabel.Client.MonaiLabelDiagnostics;

namespace MonaiLabel.Client;

/// <summary>
/// What <see cref="BackgroundTaskOperation"/> reports: each status poll (counter, by task kind and the state the
/// server answered) and each wait for completion (histogram of the time waited, tags on the wait's span). The task's
/// id is never a tag: it is the server's, but it names a run on someone's data. States are the server's fixed set.
/// </summary>
internal sealed class TaskTelemetry
{
    private readonly BackgroundTaskKind _kind;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _polls;

    private TaskTelemetry(BackgroundTaskKind kind, Activity? activity)
    {
        _kind = kind;
        _activity = activity;
    }

    /// <summary>A status poll of a <paramref name="kind"/> task answered <paramref name="status"/>.</summary>
    public static void Polled(BackgroundTaskKind kind, string? status)
    {
        if (TaskPolls.Enabled)
        {
            TaskPolls.Add(1, Tags(TaskKindTag, OperationScope.TaskKindName(kind), TaskStatusTag, status?.ToUpperInvariant()));
        }
    }

    /// <summary>Starts timing a wait, inside its operation scope (whose span gets the poll count and final state).</summary>
    public static TaskTelemetry? StartWait(BackgroundTaskKind kind) =>
        IsEnabled ? new TaskTelemetry(kind, OperationScope.Current?.Activity) : null;

    public void Poll() => _polls++;

    /// <summary>The wait ended: with the task's final <paramref name="status"/>, or with <paramref name="error"/>.</summary>
    public void Stop(string? status, Exception? error)
    {
        var state = status?.ToUpperInvariant();
        var errorType = error == null ? null : OperationScope.ErrorType(error);
        if (_activity != null && _activity.IsAllDataRequested)
        {
            _activity.SetTag(PollsTag, _polls);
            _activity.SetTag(TaskStatusTag, state);
        }

        if (TaskDuration.Enabled)
        {
            var elapsed = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            TaskDuration.Record(elapsed, Tags(TaskKindTag, OperationScope.TaskKindName(_kind), TaskStatusTag, state, ErrorTypeTag, errorType));
        }
    }
}
