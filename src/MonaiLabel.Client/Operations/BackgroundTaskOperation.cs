using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// A training, scoring or batch-infer task running on the server, in the manner of Azure's <c>Operation&lt;T&gt;</c>:
/// <see cref="Value"/> is the task as last seen, <see cref="UpdateStatusAsync"/> asks again,
/// <see cref="WaitForCompletionAsync(TimeSpan, IProgress{BackgroundTaskProgress}?, CancellationToken)"/> polls until
/// it is DONE, STOPPED or ERROR, and <see cref="StopAsync"/> stops it. Returned by
/// <see cref="MonaiLabelClient.StartTrainingAsync"/>, <see cref="MonaiLabelClient.StartScoringAsync"/>,
/// <see cref="MonaiLabelClient.StartBatchInferAsync"/> and <see cref="MonaiLabelClient.GetOperation"/>. Not
/// thread-safe: poll one operation from one caller at a time.
/// </summary>
public class BackgroundTaskOperation
{
    /// <summary>The poll interval of <see cref="WaitForCompletionAsync(CancellationToken)"/>.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    // The handle's operations are named BackgroundTask.{Method}: span "MonaiLabel BackgroundTask.WaitForCompletion".
    private const string OperationPrefix = "BackgroundTask.";

    private static readonly Regex EpochPattern = new(@"Epoch:?\s*(\d+)\s*/\s*(\d+)", RegexOptions.CultureInvariant);
    // FAILED is no state MONAI Label sets; taken as a failure in case a server or a proxy in front of one does.
    private static readonly BackgroundTaskState Failed = new("FAILED");

    private readonly MonaiLabelRestClient? _rest;
    private readonly List<string> _seen = new();
    private BackgroundTask _value = new();
    private string? _id;

    /// <summary>For test doubles (mocking).</summary>
    protected BackgroundTaskOperation()
    {
    }

    internal BackgroundTaskOperation(
        MonaiLabelRestClient rest, BackgroundTaskKind kind, string? id, BackgroundTask? value, JToken? startAnswer,
        IReadOnlyList<ModelTaskStart>? modelStarts = null)
    {
        ModelStarts = modelStarts ?? Array.Empty<ModelTaskStart>();
        _rest = rest;
        Kind = kind;
        _id = id ?? value?.Id;
        _value = value ?? new BackgroundTask { Id = _id };
        StartAnswer = startAnswer;
    }

    /// <summary>Training, scoring or batch inference.</summary>
    public virtual BackgroundTaskKind Kind { get; }

    /// <summary>The task's id; null when the server did not say (then the latest task of <see cref="Kind"/> is followed).</summary>
    public virtual string? Id => _id;

    /// <summary>The task as last seen (at the start, or at the last <see cref="UpdateStatusAsync"/>).</summary>
    public virtual BackgroundTask Value => _value;

    /// <summary>The task's state as last seen (<see cref="BackgroundTaskState"/>); null when the server gave none.</summary>
    public virtual BackgroundTaskState? Status => _value.Status;

    /// <summary>Whether the task has ended (DONE, STOPPED or ERROR) as last seen.</summary>
    public virtual bool HasCompleted => IsFinal(_value.Status);

    /// <summary>Whether the task ended in error (ERROR or FAILED) as last seen.</summary>
    public virtual bool HasFailed => _value.Status is { } s && (s == BackgroundTaskState.Error || s == Failed);

    /// <summary>
    /// What the start answered, as JSON: the task, or for "every model" an object with one entry per model. Null for
    /// an operation not started by this client.
    /// </summary>
    public virtual JToken? StartAnswer { get; }

    /// <summary>
    /// For a start of "every model", what it answered per model (the task started, or why none was); empty for the
    /// start of one model and for an operation not started by this client.
    /// </summary>
    public virtual IReadOnlyList<ModelTaskStart> ModelStarts { get; } = Array.Empty<ModelTaskStart>();

    /// <summary>Asks the server for the task's state and updates <see cref="Value"/>.</summary>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.NotFound"/> when the server knows no such task.</exception>
    public virtual Task<BackgroundTask> UpdateStatusAsync(CancellationToken cancellationToken = default) =>
        OperationScope.RunAsync(OperationPrefix + nameof(UpdateStatusAsync), _rest?.ServerUrl, () => UpdateStatusCoreAsync(cancellationToken), taskKind: Kind);

    private async Task<BackgroundTask> UpdateStatusCoreAsync(CancellationToken cancellationToken)
    {
        var rest = Rest;
        var latest = JsonAnswer.Convert<BackgroundTask>(await StatusAsync(rest, all: false, cancellationToken).ConfigureAwait(false), "task status", rest.SerializerSettings);
        var id = _id;
        if (id != null && latest.Id != null && latest.Id != id)
        {
            // A later task of the same kind is the latest one: find ours among all of them.
            var all = await StatusAsync(rest, all: true, cancellationToken).ConfigureAwait(false);
            var tasks = all is JArray ? JsonAnswer.Convert<List<BackgroundTask>>(all, "task list", rest.SerializerSettings) : new List<BackgroundTask> { latest };
            latest = tasks.LastOrDefault(t => t.Id == id)
                ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.NotFound, $"The server no longer knows the {Describe(Kind)} task '{id}'.");
        }

        _id ??= latest.Id;
        _value = latest;
        TaskTelemetry.Polled(Kind, latest.Status?.ToString());
        return latest;
    }

    /// <summary>Polls every <see cref="DefaultPollInterval"/> until the task has ended; answers its final state.</summary>
    public virtual Task<BackgroundTask> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(DefaultPollInterval, null, cancellationToken);

    /// <summary>
    /// Polls every <paramref name="pollInterval"/> until the task is DONE, STOPPED or ERROR and answers its final
    /// state (a failed task is answered, not thrown: see <see cref="HasFailed"/>). After each poll
    /// <paramref name="progress"/> is told the task, its output lines not reported before and the latest epoch.
    /// Cancelling stops the waiting, not the task (see <see cref="StopAsync"/>).
    /// </summary>
    public virtual Task<BackgroundTask> WaitForCompletionAsync(
        TimeSpan pollInterval, IProgress<BackgroundTaskProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (pollInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "Must not be negative.");
        }

        return OperationScope.RunAsync(
            OperationPrefix + nameof(WaitForCompletionAsync), _rest?.ServerUrl, () => WaitCoreAsync(pollInterval, progress, cancellationToken), taskKind: Kind);
    }

    private async Task<BackgroundTask> WaitCoreAsync(TimeSpan pollInterval, IProgress<BackgroundTaskProgress>? progress, CancellationToken cancellationToken)
    {
        var telemetry = TaskTelemetry.StartWait(Kind);
        try
        {
            var task = await PollUntilFinalAsync(pollInterval, progress, telemetry, cancellationToken).ConfigureAwait(false);
            telemetry?.Stop(task.Status?.ToString(), null);
            return task;
        }
        catch (Exception e)
        {
            telemetry?.Stop(null, e);
            throw;
        }
    }

    private async Task<BackgroundTask> PollUntilFinalAsync(
        TimeSpan pollInterval, IProgress<BackgroundTaskProgress>? progress, TaskTelemetry? telemetry, CancellationToken cancellationToken)
    {
        while (true)
        {
            var task = await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
            telemetry?.Poll();
            if (progress != null)
            {
                var epoch = LatestEpoch(task.Details);
                progress.Report(new BackgroundTaskProgress(task, NewLines(_seen, task.Details), epoch?.Current, epoch?.Total));
            }

            if (IsFinal(task.Status))
            {
                return task;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the running task of <see cref="Kind"/> (the server runs one at a time) and updates <see cref="Value"/> with what it answered.</summary>
    public virtual Task StopAsync(CancellationToken cancellationToken = default) =>
        OperationScope.RunAsync(OperationPrefix + nameof(StopAsync), _rest?.ServerUrl, () => StopCoreAsync(cancellationToken), taskKind: Kind);

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var rest = Rest;
        var answer = Kind switch
        {
            BackgroundTaskKind.Training => await rest.StopTrainAsync(cancellationToken).ConfigureAwait(false),
            BackgroundTaskKind.Scoring => await rest.StopScoringAsync(cancellationToken).ConfigureAwait(false),
            _ => await rest.StopBatchInferAsync(cancellationToken).ConfigureAwait(false),
        };
        if (answer is JObject stopped && (_id == null || stopped["id"]?.ToString() == _id))
        {
            _value = JsonAnswer.Convert<BackgroundTask>(stopped, "stopped task", rest.SerializerSettings);
        }
    }

    /// <summary>"training", "scoring", "batch infer".</summary>
    internal static string Describe(BackgroundTaskKind kind) => kind switch
    {
        BackgroundTaskKind.Training => "training",
        BackgroundTaskKind.Scoring => "scoring",
        _ => "batch infer",
    };

    internal static bool IsFinal(BackgroundTaskState? status) => status is { } s && (s.IsFinal || s == Failed);

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
            var match = EpochPattern.Match(details[i]);
            if (match.Success && int.TryParse(match.Groups[1].Value, out var current) && int.TryParse(match.Groups[2].Value, out var total) && total > 0)
            {
                return (Math.Min(current, total), total);
            }
        }

        return null;
    }

    private MonaiLabelRestClient Rest =>
        _rest ?? throw new InvalidOperationException("This BackgroundTaskOperation was created for a test double.");

    private Task<object> StatusAsync(MonaiLabelRestClient rest, bool all, CancellationToken cancellationToken) => Kind switch
    {
        BackgroundTaskKind.Training => rest.GetTrainStatusAsync(all, false, cancellationToken),
        BackgroundTaskKind.Scoring => rest.GetScoringStatusAsync(all, false, cancellationToken),
        _ => rest.GetBatchInferStatusAsync(all, false, cancellationToken),
    };
}
