using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Training, scoring and batch inference: background tasks, started as an operation to follow.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Starts training <paramref name="model"/>, or every trainer of the app when it is null (the Python client's
    /// <c>train_start</c>), and answers the operation to follow it.
    /// </summary>
    /// <param name="model">The model to train; null trains every model (the operation follows the latest training task).</param>
    /// <param name="parameters">Training params (e.g. <c>max_epochs</c>); the client id is added.</param>
    /// <param name="enqueue">Queue behind a running training instead of failing with <see cref="MonaiLabelErrorKind.TaskAlreadyRunning"/> (one model only).</param>
    /// <param name="cancellationToken">Cancels the request (not the training).</param>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.TaskAlreadyRunning"/> (HTTP 429) when a training task already runs.</exception>
    public virtual Task<BackgroundTaskOperation> StartTrainingAsync(
        string? model = null, IDictionary<string, object?>? parameters = null, bool enqueue = false, CancellationToken cancellationToken = default)
    {
        var body = RequestParams.WithClientId(Settings, parameters);
        return StartAsync(nameof(StartTrainingAsync),
            BackgroundTaskKind.Training,
            () => string.IsNullOrEmpty(model)
                ? StartAllAsync(body, cancellationToken) // POST /train/: hidden by the server, but what "all models" means
                : Rest.StartTrainAsync(model!, null, enqueue ? true : null, body, cancellationToken),
            model);
    }

    /// <summary>Stops the running training (the Python client's <c>train_stop</c>): answers the stopped task, or null when none ran.</summary>
    public virtual Task<BackgroundTask?> StopTrainingAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(StopTrainingAsync), async () => StoppedTask(await Rest.StopTrainAsync(cancellationToken).ConfigureAwait(false)), task: BackgroundTaskKind.Training);

    /// <summary>The latest training task (the Python client's <c>train_status</c>).</summary>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.NotFound"/> when no training ever ran.</exception>
    public virtual Task<BackgroundTask> GetTrainingStatusAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetTrainingStatusAsync),
            () => ReadFreeFormAsAsync<BackgroundTask>("training status", rest => rest.GetTrainStatusAsync(false, false, cancellationToken)),
            task: BackgroundTaskKind.Training);

    /// <summary>Whether a training task is running (the Python client's <c>train_status(check_if_running=True)</c>).</summary>
    public virtual Task<bool> IsTrainingRunningAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(IsTrainingRunningAsync), () => IsRunningAsync(() => Rest.GetTrainStatusAsync(null, true, cancellationToken)), task: BackgroundTaskKind.Training);

    /// <summary>Starts scoring with <paramref name="method"/> (e.g. <c>dice</c>), and answers the operation to follow it.</summary>
    /// <param name="method">The scoring method of the app.</param>
    /// <param name="parameters">Scoring params; the client id is added.</param>
    /// <param name="cancellationToken">Cancels the request (not the scoring).</param>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.TaskAlreadyRunning"/> (HTTP 429) when a scoring task already runs.</exception>
    public virtual Task<BackgroundTaskOperation> StartScoringAsync(
        string method, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        StartAsync(nameof(StartScoringAsync), BackgroundTaskKind.Scoring, () => Rest.StartScoringAsync(method, null, RequestParams.Body(Settings, parameters), cancellationToken), null);

    /// <summary>Stops the running scoring task: answers the stopped task, or null when none ran.</summary>
    public virtual Task<BackgroundTask?> StopScoringAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(StopScoringAsync), async () => StoppedTask(await Rest.StopScoringAsync(cancellationToken).ConfigureAwait(false)), task: BackgroundTaskKind.Scoring);

    /// <summary>The latest scoring task.</summary>
    public virtual Task<BackgroundTask> GetScoringStatusAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetScoringStatusAsync),
            () => ReadFreeFormAsAsync<BackgroundTask>("scoring status", rest => rest.GetScoringStatusAsync(false, false, cancellationToken)),
            task: BackgroundTaskKind.Scoring);

    /// <summary>Whether a scoring task is running.</summary>
    public virtual Task<bool> IsScoringRunningAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(IsScoringRunningAsync), () => IsRunningAsync(() => Rest.GetScoringStatusAsync(null, true, cancellationToken)), task: BackgroundTaskKind.Scoring);

    /// <summary>Starts inference of <paramref name="model"/> on the datastore's <paramref name="images"/>, and answers the operation to follow it.</summary>
    /// <param name="model">The model to run.</param>
    /// <param name="images">Which images: all, labeled or unlabeled (the server's default: all).</param>
    /// <param name="parameters">Batch params (e.g. <c>max_workers</c>); the client id is added.</param>
    /// <param name="cancellationToken">Cancels the request (not the batch).</param>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.TaskAlreadyRunning"/> (HTTP 429) when a batch already runs.</exception>
    public virtual Task<BackgroundTaskOperation> StartBatchInferAsync(
        string model, BatchInferImages? images = null, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        StartAsync(nameof(StartBatchInferAsync), BackgroundTaskKind.BatchInfer, () => Rest.StartBatchInferAsync(model, images, null, RequestParams.Body(Settings, parameters), cancellationToken), model);

    /// <summary>Stops the running batch inference: answers the stopped task, or null when none ran.</summary>
    public virtual Task<BackgroundTask?> StopBatchInferAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(StopBatchInferAsync), async () => StoppedTask(await Rest.StopBatchInferAsync(cancellationToken).ConfigureAwait(false)), task: BackgroundTaskKind.BatchInfer);

    /// <summary>The latest batch-infer task.</summary>
    public virtual Task<BackgroundTask> GetBatchInferStatusAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetBatchInferStatusAsync),
            () => ReadFreeFormAsAsync<BackgroundTask>("batch infer status", rest => rest.GetBatchInferStatusAsync(false, false, cancellationToken)),
            task: BackgroundTaskKind.BatchInfer);

    /// <summary>Whether a batch-infer task is running.</summary>
    public virtual Task<bool> IsBatchInferRunningAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(IsBatchInferRunningAsync), () => IsRunningAsync(() => Rest.GetBatchInferStatusAsync(null, true, cancellationToken)), task: BackgroundTaskKind.BatchInfer);

    /// <summary>
    /// An operation following the task <paramref name="taskId"/> of <paramref name="kind"/>, or the latest one when
    /// null — for a task started elsewhere (another client, the CLI). Sends nothing until it is polled.
    /// </summary>
    public virtual BackgroundTaskOperation GetOperation(BackgroundTaskKind kind, string? taskId = null) =>
        new BackgroundTaskOperation(Rest, kind, taskId, null, null);

#pragma warning disable CS0612, CS0618
    private async Task<object?> StartAllAsync(object body, CancellationToken cancellationToken) =>
        await Rest.StartTrainAllAsync(null, body, cancellationToken).ConfigureAwait(false);
#pragma warning restore CS0612, CS0618

    // The request starts inside the span of the public method (named after it).
    private Task<BackgroundTaskOperation> StartAsync(string method, BackgroundTaskKind kind, Func<Task<object?>> start, string? model) =>
        Traced(method, () => StartCoreAsync(kind, start), model, task: kind);

    private async Task<BackgroundTaskOperation> StartCoreAsync(BackgroundTaskKind kind, Func<Task<object?>> start)
    {
        object? answer;
        try
        {
            answer = await start().ConfigureAwait(false);
        }
        catch (MonaiLabelClientException e) when (e.StatusCode == 429)
        {
            var what = BackgroundTaskOperation.Describe(kind);
            throw MonaiLabelClientException.Wrapping(
                MonaiLabelErrorKind.TaskAlreadyRunning,
                $"A {what} task is already running (HTTP 429){(string.IsNullOrEmpty(e.Detail) ? "." : ": " + e.Detail)}",
                e);
        }

        var json = answer as JToken ?? (answer == null ? null : JToken.FromObject(answer));
        var models = ModelStartsOf(json);
        var task = json is JObject map && (map.ContainsKey("id") || map.ContainsKey("status"))
            ? ConvertAnswer<BackgroundTask>(map, "started task")
            : models.Select(m => m.Task).FirstOrDefault(t => t?.Id != null); // "every model": follow the first started
        return new BackgroundTaskOperation(Rest, kind, null, task, json, models);
    }

    // A single start answers the task; "every model" answers {model: {"result": task, "detail": ...}, ...}.
    private IReadOnlyList<ModelTaskStart> ModelStartsOf(JToken? json)
    {
        if (!(json is JObject map) || map.ContainsKey("id") || map.ContainsKey("status"))
        {
            return Array.Empty<ModelTaskStart>();
        }

        return map.Properties()
            .Select(p => new ModelTaskStart(
                p.Name,
                p.Value is JObject entry && entry["result"] is JObject task && task.ContainsKey("id")
                    ? ConvertAnswer<BackgroundTask>(task, "started task")
                    : null,
                p.Value is JObject withDetail && withDetail["detail"] is JToken detail && detail.Type != JTokenType.Null
                    ? detail.Type == JTokenType.String ? (string?)detail : detail.ToString(Newtonsoft.Json.Formatting.None)
                    : null))
            .ToList();
    }

    private BackgroundTask? StoppedTask(object? answer) =>
        answer is JObject task ? ConvertAnswer<BackgroundTask>(task, "stopped task") : null;

    private static async Task<bool> IsRunningAsync(Func<Task<object>> status)
    {
        try
        {
            await status().ConfigureAwait(false);
            return true;
        }
        catch (MonaiLabelClientException e) when (e.StatusCode == 404)
        {
            // The server answers 404 "No ... Tasks Found" / "not running" when nothing runs.
            return false;
        }
    }
}
