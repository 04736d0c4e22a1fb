using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// The one ordered list of the client's handlers, outermost first: timeout and connection errors → user agent → retry →
/// auth → redirect → logging → replay on a reused connection → body byte count (telemetry) → attempt span (Mono only) → socket. <see cref="MonaiLabelHttp.CreateHttpClient"/>
/// (no dependency injection) chains it, <c>AddMonaiLabelClient</c> hands it to IHttpClientFactory; nothing else
/// lists handlers, so the two paths cannot drift apart.
/// </summary>
internal static class HandlerPipeline
{
    /// <param name="options">The client's options.</param>
    /// <param name="tokens">The token cache (one per application under DI).</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="resilienceTelemetry">Where Polly logs its own events: the DI container's logger factory (as
    /// <c>AddResilienceHandler</c> did), none without DI.</param>
    public static IReadOnlyList<DelegatingHandler> Create(
        MonaiLabelClientOptions options, AccessTokenSource tokens, ILogger logger, ILoggerFactory? resilienceTelemetry) =>
        new DelegatingHandler[]
        {
            new TransportErrorHandler(options.Timeout),
            new UserAgentHandler(),
            new RetryHandler(options.Retry, resilienceTelemetry),
            new AuthenticationHandler(tokens, logger, options.ServerUrl),
            new RedirectHandler(),
            new LoggingHandler(logger),
            new ReusedConnectionReplayHandler(logger),
            new TransferCountingHandler(),
            new AttemptSpanHandler(),
        };

    /// <summary>Chains <paramref name="handlers"/> (outermost first) in front of <paramref name="primary"/>.</summary>
    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler primary)
    {
        var inner = primary;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}
