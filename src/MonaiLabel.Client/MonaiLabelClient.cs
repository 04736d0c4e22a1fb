using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MonaiLabel.Client;

/// <summary>
/// Client for a MONAI Label server: one method per thing a user does, grouped by area (<c>MonaiLabelClient.*.cs</c>).
/// The REST operations underneath are generated from <c>openapi/monailabel.yaml</c> into an internal protocol layer.
/// Instances are thread-safe. Settings (client id, read timeout, JSON limit, result directory) are fixed at
/// construction through <see cref="MonaiLabelClientOptions"/>; only <see cref="ServerUrl"/> and
/// <see cref="UpdateAuth(AuthToken?)"/> change later, swapped atomically for the calls that start afterwards.
/// Every method is virtual, and the protected constructor lets a test double derive from the class.
/// </summary>
public partial class MonaiLabelClient : IDisposable
{
    // Both set once, by the constructor; null only in a test double.
    private readonly ClientSettings? _settings;
    private readonly MonaiLabelRestClient? _rest;
    private HttpClient? _ownedHttpClient;
    private volatile bool _disposed;

    /// <summary>For test doubles (mocking): a client that sends nothing; every method a double does not override throws.</summary>
    protected MonaiLabelClient()
    {
    }

    /// <summary>
    /// Creates a client for <paramref name="serverUrl"/> with default options (timeouts, retries of idempotent calls,
    /// TLS validation). It owns its HttpClient: dispose it when done, and reuse one client rather than creating many.
    /// </summary>
    /// <param name="serverUrl">The server's base URL, e.g. <c>http://127.0.0.1:8000</c> or <c>https://host/monailabel/</c>.</param>
    public MonaiLabelClient(Uri serverUrl)
        : this(new MonaiLabelClientOptions { ServerUrl = serverUrl }, null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (whose <see cref="HttpClient.BaseAddress"/>
    /// is the server URL), which it does not dispose. Of <paramref name="options"/> only what concerns the client
    /// itself applies — <see cref="MonaiLabelClientOptions.ClientId"/>, <see cref="MonaiLabelClientOptions.ReadTimeout"/>,
    /// <see cref="MonaiLabelClientOptions.MaxJsonAnswerBytes"/>, <see cref="MonaiLabelClientOptions.ResultDirectory"/>;
    /// timeouts, retries and credentials are the HttpClient's handlers' business.
    /// </summary>
    /// <exception cref="ArgumentException">The HttpClient has no BaseAddress.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MonaiLabelClient(HttpClient httpClient, MonaiLabelClientOptions? options = null)
    {
        _settings = ClientSettings.From(options);
        _rest = new MonaiLabelRestClient(httpClient, _settings);
    }

    private MonaiLabelClient(MonaiLabelClientOptions options, ILoggerFactory? loggerFactory)
        : this(MonaiLabelHttp.CreateHttpClient(ValidOptions(options), CreateTokenSource(options), Logger(loggerFactory)), options)
    {
        _ownedHttpClient = Rest.HttpClient;
    }

    /// <summary>
    /// Creates a client from <paramref name="options"/> without dependency injection: the same handlers as
    /// <c>services.AddMonaiLabelClient(...)</c> (timeout, user agent, retry, auth, logging). Dispose it when done.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public static MonaiLabelClient Create(MonaiLabelClientOptions options, ILoggerFactory? loggerFactory = null) =>
        new MonaiLabelClient(options, loggerFactory);

    /// <summary>The protocol layer (one generated method per operation of the spec).</summary>
    internal MonaiLabelRestClient Rest =>
        _rest ?? throw new InvalidOperationException("This MonaiLabelClient was created for a test double and sends nothing.");

    /// <summary>What this client's layers share of its options (client id, answer limits, result directory).</summary>
    internal ClientSettings Settings =>
        _settings ?? throw new InvalidOperationException("This MonaiLabelClient was created for a test double and sends nothing.");

    /// <summary>
    /// The server's base URL. Requests are sent relative to it, so a path prefix (<c>https://host/monailabel/</c>)
    /// is kept. Setting it (the Python client's <c>set_server_url</c>) affects calls started afterwards.
    /// </summary>
    public virtual Uri ServerUrl
    {
        get => Rest.ServerUrl;
        set => Rest.ServerUrl = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Sends <paramref name="token"/> as the Authorization header of every later call (the Python client's
    /// <c>update_auth</c>); <c>null</c> stops sending it. Thread-safe: calls already started keep the header they had.
    /// </summary>
    public virtual void UpdateAuth(AuthToken? token) => Rest.UpdateAuth(token);

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
        _rest?.MarkDisposed();
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
            _ownedHttpClient = null;
        }
    }

    // Without a factory, the null logger itself: NullLoggerFactory would be three more methods to JIT-compile.
    private static ILogger Logger(ILoggerFactory? loggerFactory) =>
        loggerFactory == null ? NullLogger.Instance : loggerFactory.CreateLogger(typeof(MonaiLabelClient).FullName!);

    private static MonaiLabelClientOptions ValidOptions(MonaiLabelClientOptions options)
    {
        var errors = MonaiLabelClientOptionsChecks.Check(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        return options;
    }
}
