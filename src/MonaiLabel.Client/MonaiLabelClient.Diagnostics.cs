using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Traces and metrics: every public operation runs inside one span and one duration measurement (Diagnostics/).
public partial class MonaiLabelClient
{
    /// <summary>
    /// Runs <paramref name="body"/> as the operation named after the calling method without its <c>Async</c> suffix
    /// (span <c>MonaiLabel Infer</c> for <see cref="InferAsync(string, InferRequest, System.Threading.CancellationToken)"/>). Argument checks stay outside, so they still throw
    /// before a task exists. Only app configuration (model, strategy, task kind) is passed as tags, never ids.
    /// </summary>
    private Task<T> Traced<T>(
        Func<Task<T>> body, string? model = null, string? strategy = null, BackgroundTaskKind? task = null,
        [CallerMemberName] string method = "") =>
        OperationScope.RunAsync(method, _rest?.ServerUrl, body, model, strategy, task);

    private Task Traced(Func<Task> body, string? model = null, [CallerMemberName] string method = "") =>
        OperationScope.RunAsync(method, _rest?.ServerUrl, body, model);
}
