using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MonaiLabel.Client;

/// <summary>
/// Client for a MONAI Label server. The REST operations are generated from <c>openapi/monailabel.yaml</c>; the
/// hand-written partials (<c>MonaiLabelClient.*.cs</c>) add infer results, file saving and the Python client's
/// conveniences. Instances are thread-safe: no call changes state that another call reads, except the explicit
/// setters (<see cref="ServerUrl"/>, <see cref="UpdateAuth(AuthToken?)"/>) whose values are swapped atomically.
/// </summary>
public partial class MonaiLabelClient : IDisposable
{
    private HttpClient? _ownedHttpClient;
    private volatile Uri _serverUrl = null!;
    private volatile AuthenticationHeaderValue? _authorization;
    private volatile bool _disposed;

    /// <summary>
    /// Creates a client for <paramref name="serverUrl"/> with default options (timeouts, retries of idempotent calls,
    /// TLS validation). It owns its HttpClient: dispose it when done, and reuse one client rather than creating many.
    /// </summary>
    /// <param name="serverUrl">The server's base URL, e.g. <c>http://127.0.0.1:8000</c> or <c>https://host/monailabel/</c>.</param>
    public MonaiLabelClient(Uri serverUrl)
        : this(new MonaiLabelClientOptions { ServerUrl = serverUrl }, null)
    {
    }

    private MonaiLabelClient(MonaiLabelClientOptions options, ILoggerFactory? loggerFactory)
        : this(MonaiLabelHttp.CreateHttpClient(ValidOptions(options), loggerFactory ?? NullLoggerFactory.Instance))
    {
        _ownedHttpClient = _httpClient;
        ClientId = options.ClientId;
        ReadTimeout = options.ReadTimeout;
        MaxJsonAnswerBytes = options.MaxJsonAnswerBytes;
        if (!string.IsNullOrEmpty(options.ResultDirectory))
        {
            ResultDirectory = options.ResultDirectory!;
        }
    }

    /// <summary>
    /// Creates a client from <paramref name="options"/> without dependency injection: the same handlers as
    /// <c>services.AddMonaiLabelClient(...)</c> (timeout, user agent, retry, auth, logging). Dispose it when done.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public static MonaiLabelClient Create(MonaiLabelClientOptions options, ILoggerFactory? loggerFactory = null) =>
        new MonaiLabelClient(options, loggerFactory);

    /// <summary>
    /// The server's base URL. Requests are sent relative to it, so a path prefix (<c>https://host/monailabel/</c>)
    /// is kept. Setting it (the Python client's <c>set_server_url</c>) affects calls started afterwards.
    /// </summary>
    public Uri ServerUrl
    {
        get => _serverUrl;
        set => _serverUrl = MonaiLabelHttp.BaseUrl(value);
    }

    /// <summary>Added as <c>client_id</c> to the JSON params of calls that take params, as the Python client does.</summary>
    public string? ClientId { get; set; }

    partial void Initialize()
    {
        if (_httpClient == null)
        {
            throw new ArgumentNullException("httpClient");
        }

        if (_httpClient.BaseAddress == null)
        {
            throw new ArgumentException(
                "HttpClient.BaseAddress must be set to the MONAI Label server URL (e.g. http://127.0.0.1:8000/).",
                "httpClient");
        }

        _serverUrl = MonaiLabelHttp.BaseUrl(_httpClient.BaseAddress);
    }

    /// <summary>
    /// Sends <paramref name="token"/> as the Authorization header of every later call (the Python client's
    /// <c>update_auth</c>); <c>null</c> stops sending it.
    /// </summary>
    public void UpdateAuth(AuthToken? token)
    {
        if (token == null || string.IsNullOrEmpty(token.AccessToken))
        {
            _authorization = null;
            return;
        }

        var scheme = string.IsNullOrEmpty(token.TokenType) ? "Bearer" : token.TokenType!;
        _authorization = new AuthenticationHeaderValue(scheme, token.AccessToken);
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder)
    {
        ThrowIfDisposed();
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        // Resolve against our own normalised URL rather than mutating the (possibly shared) HttpClient.
        var server = _serverUrl;
        request.RequestUri = new Uri(server, url);
        AuthenticationHandler.ForServer(request, server);
        AddClientIdToJsonBody(request);
        NormalizeMultipartRequest(request);
        if (_authorization != null && request.Headers.Authorization == null)
        {
            request.Headers.Authorization = _authorization;
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it; an injected one is left alone.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what this client owns.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
            _ownedHttpClient = null;
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(MonaiLabelClient));
        }
    }

    private static MonaiLabelClientOptions ValidOptions(MonaiLabelClientOptions options)
    {
        var errors = MonaiLabelClientOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        return options;
    }
}
