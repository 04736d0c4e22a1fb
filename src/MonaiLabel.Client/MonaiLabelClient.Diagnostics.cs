using System;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Traces and metrics: every public operation runs inside one span and one duration measurement (Diagnostics/).
public partial class MonaiLabelClient
{
    /// <summary>
    /// Runs <paramref name="body"/> as the operation <paramref name="method"/> names, given as <c>nameof</c> of the
    /// public method, without its <c>Async</c> suffix (span <c>MonaiLabel Infer</c> for <see cref="InferAsync(string, InferRequest, System.Threading.CancellationToken)"/>):
    /// explicit, so that the span name is part of the code a reviewer sees (as Azure's ClientDiagnostics scopes), not a
    /// compiler default that a refactoring changes silently. Argument checks stay outside, so they still throw before a
    /// task exists. Only app configuration (model, strategy, task kind) is passed as tags, never ids.
    /// </summary>
    private Task<T> Traced<T>(
        string method, Func<Task<T>> body, string? model = null, string? strategy = null, BackgroundTaskKind? task = null) =>
        OperationScope.RunAsync(method, _rest?.ServerUrl, body, model, strategy, task);

    private Task Traced(string method, Func<Task> body, string? model = null) =>
        OperationScope.RunAsync(method, _rest?.ServerUrl, body, model);
}
