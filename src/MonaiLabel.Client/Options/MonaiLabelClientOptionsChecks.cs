using System;
using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>What is wrong with <see cref="MonaiLabelClientOptions"/>, with messages that say what to fix.</summary>
internal static class MonaiLabelClientOptionsChecks
{
    // The ranges Polly's RetryStrategyOptions and TimeoutStrategyOptions accept.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The problems with <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(MonaiLabelClientOptions options)
    {
        var errors = new List<string>();
        if (options == null)
        {
            errors.Add("MonaiLabelClientOptions are missing.");
            return errors;
        }

        if (options.ServerUrl == null)
        {
            errors.Add("MonaiLabelClientOptions.ServerUrl is required (e.g. http://127.0.0.1:8000/).");
        }
        else if (!options.ServerUrl.IsAbsoluteUri)
        {
            errors.Add($"MonaiLabelClientOptions.ServerUrl must be an absolute URL; got '{Redaction.Url(options.ServerUrl)}'.");
        }
        else if (options.ServerUrl.Scheme != Uri.UriSchemeHttp && options.ServerUrl.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"MonaiLabelClientOptions.ServerUrl must use http or https; got '{options.ServerUrl.Scheme}'.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add("MonaiLabelClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.ReadTimeout <= TimeSpan.Zero && options.ReadTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add("MonaiLabelClientOptions.ReadTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.MaxJsonAnswerBytes <= 0)
        {
            errors.Add("MonaiLabelClientOptions.MaxJsonAnswerBytes must be greater than zero.");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add("MonaiLabelClientOptions.Username and Password go together: set both or neither.");
        }

        var sources = (string.IsNullOrEmpty(options.AccessToken) ? 0 : 1) + (string.IsNullOrEmpty(options.Username) ? 0 : 1) +
                      (options.TokenProvider == null ? 0 : 1);
        if (sources > 1)
        {
            errors.Add("Set only one of MonaiLabelClientOptions.AccessToken, Username/Password and TokenProvider.");
        }

        var retry = options.Retry;
        if (retry == null)
        {
            errors.Add("MonaiLabelClientOptions.Retry is required.");
        }
        else
        {
            if (retry.MaxRetries < 0)
            {
                errors.Add("MonaiLabelClientOptions.Retry.MaxRetries must be 0 or more.");
            }

            if (retry.Delay < TimeSpan.Zero || retry.MaxDelay < retry.Delay)
            {
                errors.Add("MonaiLabelClientOptions.Retry.Delay must be 0 or more and not above MaxDelay.");
            }

            // Polly's own limits, checked here so that the pipeline (built on a retry's first need, see
            // RetryHandler) can never reject the options after the client was created.
            if (retry.MaxDelay > MaxRetryDelay)
            {
                errors.Add("MonaiLabelClientOptions.Retry.MaxDelay must be at most 1 day.");
            }

            if (retry.AttemptTimeout is { } attempt && attempt <= TimeSpan.Zero)
            {
                errors.Add("MonaiLabelClientOptions.Retry.AttemptTimeout must be positive when set.");
            }
            else if (retry.AttemptTimeout is { } limit && (limit < MinAttemptTimeout || limit > MaxRetryDelay))
            {
                errors.Add("MonaiLabelClientOptions.Retry.AttemptTimeout must be at least 10 ms and at most 1 day when set.");
            }
        }

        return errors;
    }
}
