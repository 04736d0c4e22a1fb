using System.Net;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// Which outcomes and requests are retried, for <see cref="RetryHandler"/> and <see cref="RetryPipeline"/>. Apart from
/// the pipeline, whose static Polly property key would otherwise load Polly.Core on a first call that needs no retry.
/// </summary>
internal static class RetryRules
{
    /// <summary>502, 503, 504 and 429: worth another attempt.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.BadGateway || status == HttpStatusCode.ServiceUnavailable ||
        status == HttpStatusCode.GatewayTimeout || (int)status == 429;

    /// <summary>
    /// Idempotent calls only (as their operation declared them, see <see cref="RequestContext"/>), unless the caller
    /// opted in to retrying every call.
    /// </summary>
    public static bool IsRetryable(HttpRequestMessage? request, MonaiLabelRetryOptions retry) =>
        request != null && (retry.RetryNonIdempotent || RequestContext.IsIdempotent(request));
}
