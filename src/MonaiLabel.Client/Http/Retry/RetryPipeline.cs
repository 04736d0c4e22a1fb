using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MonaiLabel.Client;

/// <summary>
/// The retry and attempt-timeout pipeline built from <see cref="MonaiLabelRetryOptions"/>, and how a request runs in
/// it (for <see cref="RetryHandler"/>, which builds it on its first need).
/// </summary>
internal sealed class RetryPipeline
{
    /// <summary>The name the pipeline's telemetry carries.</summary>
    public const string PipelineName = "MonaiLabel.Client-MonaiLabel.Retry";

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>
    /// The pipeline; with <paramref name="telemetry"/> Polly's own events (attempts, retries) are logged through it, as
    /// IHttpClientFactory's resilience handler does for the DI client.
    /// </summary>
    public RetryPipeline(MonaiLabelRetryOptions retry, ILoggerFactory? telemetry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName };
        if (telemetry != null)
        {
            builder.ConfigureTelemetry(telemetry);
        }

        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.Delay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => new ValueTask<bool>(
                    IsTransient(args.Outcome) && RetryRules.IsRetryable(args.Context.Properties.GetValue(Keys.Request, null!), retry)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, retry.MaxDelay)),
                OnRetry = args =>
                {
                    // AttemptNumber counts from 0 (the first retry); telemetry counts retries from 1.
                    OperationScope.Retrying(args.AttemptNumber + 1, RetryReason(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        if (retry.AttemptTimeout is { } attemptTimeout)
        {
            builder.AddTimeout(attemptTimeout);
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="request"/> in the pipeline, each attempt sent by <paramref name="send"/>. When the first
    /// attempt was already made (its <paramref name="firstResponse"/> or <paramref name="firstError"/>), the pipeline
    /// takes that outcome as its first attempt instead of sending it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpResponseMessage? firstResponse, Exception? firstError,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Keys.Request, request);
        try
        {
            var attempts = new Attempts(request, send, firstResponse, firstError);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.NextAsync(ctx.CancellationToken), context, attempts).ConfigureAwait(false);
            if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
            {
                // The last attempt hit MonaiLabelRetryOptions.AttemptTimeout: the same failure as the overall timeout, not a Polly type.
                throw new MonaiLabelClientException(
                    MonaiLabelErrorKind.Timeout,
                    $"{request.Method} {RequestPaths.Of(request)} got no answer within {timeout.Timeout.TotalSeconds:0.###} s (per attempt).", timeout);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception != null)
        {
            // Connection failures and attempt timeouts; a caller's cancellation is never retried.
            return outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException;
        }

        return RetryRules.IsTransient(outcome.Result!.StatusCode);
    }

    /// <summary>Why an attempt is retried, for telemetry: the HTTP status, or <c>Timeout</c> / <c>ConnectionFailed</c>.</summary>
    internal static string RetryReason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception switch
        {
            null => ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeoutRejectedException => nameof(MonaiLabelErrorKind.Timeout),
            _ => nameof(MonaiLabelErrorKind.ConnectionFailed),
        };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter == null)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date.HasValue ? retryAfter.Date.Value - DateTimeOffset.UtcNow : (TimeSpan?)null);
        if (delay == null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > maxDelay ? maxDelay : delay.Value;
    }

    /// <summary>The attempts of one request: the one already made, if any, then each sent anew.</summary>
    private sealed class Attempts
    {
        private readonly HttpRequestMessage _request;
        private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _send;
        private HttpResponseMessage? _firstResponse;
        private Exception? _firstError;

        public Attempts(
            HttpRequestMessage request, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send,
            HttpResponseMessage? firstResponse, Exception? firstError)
        {
            _request = request;
            _send = send;
            _firstResponse = firstResponse;
            _firstError = firstError;
        }

        public async ValueTask<Outcome<HttpResponseMessage>> NextAsync(CancellationToken cancellationToken)
        {
            if (_firstResponse is { } response)
            {
                _firstResponse = null;
                return Outcome.FromResult(response);
            }

            if (_firstError is { } error)
            {
                _firstError = null;
                return Outcome.FromException<HttpResponseMessage>(error);
            }

            try
            {
                return Outcome.FromResult(await _send(_request, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                return Outcome.FromException<HttpResponseMessage>(e);
            }
        }
    }

    // Not a static field of this class: a struct of Polly's there would load Polly.Core whenever this type is loaded
    // (as RetryHandler's methods are JIT-compiled), not only when a pipeline is built.
    private static class Keys
    {
        // The request of the run, for ShouldHandle (whether the operation may be retried).
        public static readonly ResiliencePropertyKey<HttpRequestMessage> Request = new("MonaiLabel.Request");
    }
}
