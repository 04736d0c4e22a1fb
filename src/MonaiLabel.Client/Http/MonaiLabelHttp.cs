using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// The HttpClient of a client created without dependency injection: the handlers of <see cref="HandlerPipeline"/>
/// (the same list <c>AddMonaiLabelClient</c> registers) in front of the socket handler made here for both paths.
/// </summary>
internal static class MonaiLabelHttp
{
    /// <param name="options">The client's options.</param>
    /// <param name="tokens">The client's token cache (<see cref="MonaiLabelClient.CreateTokenSource"/>).</param>
    /// <param name="logger">Where the client logs (a logger named after <see cref="MonaiLabelClient"/>).</param>
    public static HttpClient CreateHttpClient(MonaiLabelClientOptions options, AccessTokenSource tokens, ILogger logger)
    {
        var handler = HandlerPipeline.Chain(
            HandlerPipeline.Create(options, tokens, logger, resilienceTelemetry: null),
            CreatePrimaryHandler(options, logger, pooled: true));
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = BaseUrl(options.ServerUrl!),
            // TransportErrorHandler enforces the limit with a typed error.
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
            PlaintextStreamFilter = ExchangeTrackingStream.Filter,
        };
        if (options.DangerousAcceptAnyServerCertificate)
        {
            AcceptAnyCertificate(handler, options, logger);
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

#if NET8_0_OR_GREATER
    // Apart, so that compiling CreatePrimaryHandler for the usual client does not load the TLS options and the log
    // message types of this rare case (a fresh process's first call).
    private static void AcceptAnyCertificate(SocketsHttpHandler handler, MonaiLabelClientOptions options, ILogger logger)
    {
        Log.CertificateValidationOff(logger, Redaction.Url(options.ServerUrl));
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
    }
#endif

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
