using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// The HTTP pipeline of a client created without dependency injection — the same handlers, in the same order, as
/// <c>AddMonaiLabelClient</c> registers: connection errors → timeout → user agent → retry → auth → redirect → logging → replay on a reused connection → socket.
/// </summary>
internal static class MonaiLabelHttp
{
    public static HttpClient CreateHttpClient(MonaiLabelClientOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(MonaiLabelClient).FullName!);
        HttpMessageHandler handler = CreatePrimaryHandler(options, logger, pooled: true);
        handler = new ReusedConnectionReplayHandler(logger) { InnerHandler = handler };
        handler = new LoggingHandler(logger) { InnerHandler = handler };
        handler = new RedirectHandler { InnerHandler = handler };
        handler = new AuthenticationHandler(new AccessTokenSource(options), logger, options.ServerUrl) { InnerHandler = handler };
        handler = new ResilienceHandler(MonaiLabelResilience.Build(options.Retry)) { InnerHandler = handler };
        handler = new UserAgentHandler { InnerHandler = handler };
        handler = new TimeoutHandler(options.Timeout) { InnerHandler = handler };
        handler = new ConnectionErrorHandler { InnerHandler = handler };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = BaseUrl(options.ServerUrl!),
            // TimeoutHandler enforces the limit with a typed error.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// The socket handler: TLS validation on unless the options turn it off (which is logged), and no automatic
    /// redirects — <see cref="RedirectHandler"/> follows them so that credentials stay with their origin.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler(MonaiLabelClientOptions options, ILogger logger, bool pooled)
    {
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            // A long-lived client must still notice DNS changes; IHttpClientFactory rotates handlers itself.
            PooledConnectionLifetime = pooled ? TimeSpan.FromMinutes(5) : System.Threading.Timeout.InfiniteTimeSpan,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            // Each connection's stream tells ReusedConnectionReplayHandler whether a request rode a reused connection.
            ConnectCallback = ExchangeTrackingStream.ConnectCallback,
        };
        if (options.DangerousAcceptAnyServerCertificate)
        {
            Log.CertificateValidationOff(logger, Redaction.Url(options.ServerUrl));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (options.DangerousAcceptAnyServerCertificate)
        {
            Log.CertificateValidationOff(logger, Redaction.Url(options.ServerUrl));
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        }
#endif
        return handler;
    }

    /// <summary>The server URL with a trailing '/', so relative request paths keep a path prefix.</summary>
    public static Uri BaseUrl(Uri serverUrl)
    {
        if (serverUrl == null)
        {
            throw new ArgumentNullException(nameof(serverUrl));
        }

        if (!serverUrl.IsAbsoluteUri || (serverUrl.Scheme != Uri.UriSchemeHttp && serverUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server URL must be an absolute http or https URL; got '{Redaction.Url(serverUrl)}'.", nameof(serverUrl));
        }

        var text = serverUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }
}
