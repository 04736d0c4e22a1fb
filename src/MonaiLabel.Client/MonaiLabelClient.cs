using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

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
    /// Creates a client that owns its own <see cref="HttpClient"/> (disposed with this client). For applications
    /// with dependency injection, prefer the constructor taking an <see cref="HttpClient"/> from IHttpClientFactory.
    /// </summary>
    /// <param name="serverUrl">The server's base URL, e.g. <c>http://127.0.0.1:8000</c> or <c>https://host/monailabel/</c>.</param>
    public MonaiLabelClient(Uri serverUrl)
        : this(new HttpClient { BaseAddress = NormalizeServerUrl(serverUrl), Timeout = DefaultTimeout })
    {
        _ownedHttpClient = _httpClient;
    }

    /// <summary>The HTTP timeout of clients this SDK creates itself: above MONAI Label's own 600 s infer timeout.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(11);

    /// <summary>
    /// The server's base URL. Requests are sent relative to it, so a path prefix (<c>https://host/monailabel/</c>)
    /// is kept. Setting it (the Python client's <c>set_server_url</c>) affects calls started afterwards.
    /// </summary>
    public Uri ServerUrl
    {
        get => _serverUrl;
        set => _serverUrl = NormalizeServerUrl(value);
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

        _serverUrl = NormalizeServerUrl(_httpClient.BaseAddress);
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
        request.RequestUri = new Uri(_serverUrl, url);
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

    private static Uri NormalizeServerUrl(Uri serverUrl)
    {
        if (serverUrl == null)
        {
            throw new ArgumentNullException(nameof(serverUrl));
        }

        if (!serverUrl.IsAbsoluteUri || (serverUrl.Scheme != Uri.UriSchemeHttp && serverUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The server URL must be an absolute http or https URL; got '{serverUrl}'.", nameof(serverUrl));
        }

        // Relative request paths combine under the last '/', so the base must end with one to keep a path prefix.
        var text = serverUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }
}
