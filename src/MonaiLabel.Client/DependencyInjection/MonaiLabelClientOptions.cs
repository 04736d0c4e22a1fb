using System;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Settings of a <see cref="MonaiLabelClient"/>, for <c>services.AddMonaiLabelClient(...)</c> (bindable from an
/// <c>IConfiguration</c> section) or <see cref="MonaiLabelClient.Create(MonaiLabelClientOptions, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.
/// </summary>
public sealed class MonaiLabelClientOptions
{
    /// <summary>MONAI Label's own infer timeout is 600 s; a call must be allowed to outlast it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(11);

    /// <summary>The server URL, absolute http or https. A path prefix (<c>https://host/monailabel/</c>) is kept.</summary>
    public Uri? ServerUrl { get; set; }

    /// <summary>Added as <c>client_id</c> to the params of calls that take params, as the Python client does.</summary>
    public string? ClientId { get; set; }

    /// <summary>A fixed access token, sent as <c>Authorization: Bearer …</c>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>User name for <c>POST /auth/token</c>; with <see cref="Password"/>, a token is fetched on first need and refreshed on a 401.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <c>POST /auth/token</c>. Never logged, never in exception messages or <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Supplies access tokens from elsewhere (e.g. an identity provider). Called on first need and again after a 401
    /// (with <c>forceRefresh</c> true).
    /// </summary>
    public Func<bool, CancellationToken, Task<string>>? TokenProvider { get; set; }

    /// <summary>The whole call's time limit, retries included. Default 11 minutes (above the server's 600 s infer timeout).</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retries of transient failures; see <see cref="MonaiLabelRetryOptions"/>.</summary>
    public MonaiLabelRetryOptions Retry { get; set; } = new MonaiLabelRetryOptions();

    /// <summary>Where result and downloaded files go when a call names no directory; default: a folder under the temp directory.</summary>
    public string? ResultDirectory { get; set; }

    /// <summary>
    /// Turns off TLS certificate validation. Dangerous: anyone on the network path can then read and change the
    /// traffic, credentials included. Only for test servers with self-signed certificates; a warning is logged.
    /// </summary>
    public bool DangerousAcceptAnyServerCertificate { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ServerUrl={ServerUrl}, ClientId={ClientId}, AccessToken={Redact(AccessToken)}, Username={Username}, " +
        $"Password={Redact(Password)}, TokenProvider={(TokenProvider == null ? "none" : "set")}, Timeout={Timeout}, " +
        $"Retry=({Retry}), ResultDirectory={ResultDirectory}, DangerousAcceptAnyServerCertificate={DangerousAcceptAnyServerCertificate}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "none" : "***";
}
