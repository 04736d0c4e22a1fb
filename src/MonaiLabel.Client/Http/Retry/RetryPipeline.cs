using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MonaiLabel.Client;

/// <summary>The retry and attempt-timeout pipeline built from <see cref="MonaiLabelRetryOptions"/>.</summary>
internal static class RetryPipeline
{
    /// <summary>The name the pipeline's telemetry carries.</summary>
    public const string PipelineName = "MonaiLabel.Client-MonaiLabel.Retry";

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, MonaiLabelRetryOptions retry)
    {
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
                    IsTransient(args.Outcome) && IsRetryable(args.Context.GetRequestMessage(), retry)),
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
    }

    /// <summary>
    /// The pipeline; with <paramref name="telemetry"/> Polly's own events (attempts, retries) are logged through it, as
    /// IHttpClientFactory's resilience handler does for the DI client.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(MonaiLabelRetryOptions retry, ILoggerFactory? telemetry = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName };
        if (telemetry != null)
        {
            builder.ConfigureTelemetry(telemetry);
        }

        Configure(builder, retry);
        return builder.Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception != null)
        {
            // Connection failures and attempt timeouts; a caller's cancellation is never retried.
            return outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException;
        }

        var status = outcome.Result!.StatusCode;
        return status == HttpStatusCode.BadGateway || status == HttpStatusCode.ServiceUnavailable ||
               status == HttpStatusCode.GatewayTimeout || (int)status == 429;
    }

    /// <summary>
    /// Idempotent calls only (as their operation declared them, see <see cref="Idempotency"/>), unless the caller
    /// opted in to retrying every call.
    /// </summary>
    internal static bool IsRetryable(HttpRequestMessage? request, MonaiLabelRetryOptions retry) =>
        request != null && (retry.RetryNonIdempotent || Idempotency.IsIdempotent(request));

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
}
