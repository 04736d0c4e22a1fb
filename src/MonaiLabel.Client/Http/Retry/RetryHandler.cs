using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// Retries transient failures of requests that may be sent again, through the Polly pipeline of
/// <see cref="RetryPipeline"/>, built on its first need. A request's first attempt goes straight to the inner handler;
/// only a transient failure of a retryable request hands its outcome to the pipeline, as the pipeline's own first
/// attempt, so it decides, waits, retries and reports exactly as if it had sent that attempt itself. A call that needs
/// no retry — nearly every call — never touches Polly: a fresh process's first call does not build and JIT-compile it,
/// and a warm call does not pay for its context (tools/MonaiLabel.Benchmarks/README.md, startup).
/// Every attempt runs in the pipeline when it has to see them all: with an attempt timeout (it limits the first attempt
/// too) and when Polly's telemetry is logged (under dependency injection its per-attempt events are in the logs).
/// This class names no Polly type, so that Polly's assemblies load only when the pipeline is built.
/// </summary>
internal sealed class RetryHandler : AnswerHandler
{
    private static readonly object PipelineTookOver = new();

    private readonly MonaiLabelRetryOptions _retry;
    private readonly bool _everyAttemptInPipeline;
    private readonly bool _passThrough;
    private readonly Lazy<RetryPipeline> _pipeline;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _sendInner;

    /// <param name="retry">The retry options; copied, so a later change to them does not reach this handler.</param>
    /// <param name="telemetry">Where Polly logs its own events (see <see cref="HandlerPipeline.Create"/>); null: nowhere.</param>
    public RetryHandler(MonaiLabelRetryOptions retry, ILoggerFactory? telemetry)
    {
        _retry = retry.Snapshot();
        _passThrough = _retry.MaxRetries == 0 && _retry.AttemptTimeout == null;
        _everyAttemptInPipeline = _retry.AttemptTimeout != null || telemetry != null;
        _pipeline = new Lazy<RetryPipeline>(() => new RetryPipeline(_retry, telemetry), LazyThreadSafetyMode.ExecutionAndPublication);
        _sendInner = SendInnerAsync;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_passThrough)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return _everyAttemptInPipeline
            ? _pipeline.Value.SendAsync(request, null, null, _sendInner, cancellationToken)
            : FollowAsync(request, null, cancellationToken);
    }

    // The first attempt went straight to the inner handler (state null); a transient outcome of a retryable request
    // is handed to the pipeline (state PipelineTookOver), whose outcome is final.
    protected override Task<HttpResponseMessage>? Answered(
        HttpRequestMessage request, HttpResponseMessage response, ref object? state, CancellationToken cancellationToken)
    {
        if (state != null || !RetryRules.IsTransient(response.StatusCode) || !RetryRules.IsRetryable(request, _retry))
        {
            return null;
        }

        state = PipelineTookOver;
        return _pipeline.Value.SendAsync(request, response, null, _sendInner, cancellationToken);
    }

    // A connection failure (the only transient exception without an attempt timeout).
    protected override Task<HttpResponseMessage>? Failed(
        HttpRequestMessage request, Exception failure, ref object? state, CancellationToken cancellationToken)
    {
        if (state != null || failure is not HttpRequestException || !RetryRules.IsRetryable(request, _retry))
        {
            return null;
        }

        state = PipelineTookOver;
        return _pipeline.Value.SendAsync(request, null, failure, _sendInner, cancellationToken);
    }
}
