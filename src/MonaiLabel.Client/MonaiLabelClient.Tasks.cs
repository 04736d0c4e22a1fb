using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Active learning, training, scoring and batch conveniences: params with the client id, typed status.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Starts training <paramref name="model"/>, or every model when it is null (the Python client's <c>train_start</c>).
    /// A training already running fails with <see cref="MonaiLabelErrorKind.Conflict"/> (HTTP 429).
    /// </summary>
    public virtual Task<object?> StartTrainingAsync(
        string? model = null, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        // The client id is added to the JSON body by PrepareRequest, as for every JSON params call.
        var body = parameters ?? new Dictionary<string, object?>();
        if (string.IsNullOrEmpty(model))
        {
#pragma warning disable CS0612, CS0618 // POST /train/ is hidden by the server but is what "all models" means.
            return StartTrainAllAsync(null, body, cancellationToken)!;
#pragma warning restore CS0612, CS0618
        }

        return StartTrainAsync(model!, null, null, body, cancellationToken);
    }

    /// <summary>Whether a training task is running (the Python client's <c>train_status(check_if_running=True)</c>).</summary>
    public virtual Task<bool> IsTrainingRunningAsync(CancellationToken cancellationToken = default) =>
        IsRunningAsync(() => GetTrainStatusAsync(null, true, cancellationToken));

    /// <summary>The latest training task, typed (<c>GET /train/</c>).</summary>
    public virtual async Task<BackgroundTask> GetTrainTaskAsync(CancellationToken cancellationToken = default) =>
        ConvertAnswer<BackgroundTask>(await GetTrainStatusAsync(false, false, cancellationToken).ConfigureAwait(false), "train status");

    /// <summary>The latest scoring task, typed (<c>GET /scoring/</c>).</summary>
    public virtual async Task<BackgroundTask> GetScoringTaskAsync(CancellationToken cancellationToken = default) =>
        ConvertAnswer<BackgroundTask>(await GetScoringStatusAsync(false, false, cancellationToken).ConfigureAwait(false), "scoring status");

    /// <summary>The latest batch-infer task, typed (<c>GET /batch/infer</c>).</summary>
    public virtual async Task<BackgroundTask> GetBatchInferTaskAsync(CancellationToken cancellationToken = default) =>
        ConvertAnswer<BackgroundTask>(await GetBatchInferStatusAsync(false, false, cancellationToken).ConfigureAwait(false), "batch infer status");

    /// <summary>Whether a scoring task is running.</summary>
    public virtual Task<bool> IsScoringRunningAsync(CancellationToken cancellationToken = default) =>
        IsRunningAsync(() => GetScoringStatusAsync(null, true, cancellationToken));

    /// <summary>Whether a batch-infer task is running.</summary>
    public virtual Task<bool> IsBatchInferRunningAsync(CancellationToken cancellationToken = default) =>
        IsRunningAsync(() => GetBatchInferStatusAsync(null, true, cancellationToken));

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
