using System;

namespace MonaiLabel.Client;

/// <summary>
/// Retries of transient failures (connection errors, 429 with its Retry-After, 502, 503, 504, attempt timeouts).
/// Only idempotent calls are retried by default — GET, HEAD, DELETE and the PUT of image/label info — never an
/// infer, a training start or an upload, which could run twice.
/// </summary>
public sealed class MonaiLabelRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay, doubled each retry with jitter. Default 1 s.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before one retry, including a server's Retry-After. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one attempt; null: only the overall <see cref="MonaiLabelClientOptions.Timeout"/> applies.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// Also retry non-idempotent calls (POST, PUT uploads). Opt in only when running a call twice is harmless;
    /// a body that was streamed cannot be sent again, so such a retry fails rather than sending a partial body.
    /// </summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>A copy (all values), for a handler that must not see later changes; one call, not one per setter.</summary>
    internal MonaiLabelRetryOptions Snapshot() => (MonaiLabelRetryOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        $"MaxRetries={MaxRetries}, Delay={Delay}, MaxDelay={MaxDelay}, AttemptTimeout={AttemptTimeout}, RetryNonIdempotent={RetryNonIdempotent}";
}
