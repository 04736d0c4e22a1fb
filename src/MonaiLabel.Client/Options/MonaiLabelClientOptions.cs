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

    /// <summary>
    /// User name for <c>POST /auth/token</c>; with <see cref="Password"/>, a token is fetched on first need from the
    /// server the request goes to (<see cref="MonaiLabelClient.ServerUrl"/>), renewed before a JWT expires and on a
    /// 401. A server with auth off (no <c>/auth/token</c>) gets calls without a token, and one warning is logged.
    /// </summary>
    public string? Username { get; set; }

    /// <summary>Password for <c>POST /auth/token</c>. Never logged, never in exception messages or <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Supplies access tokens from elsewhere (e.g. an identity provider). Called on first need and again after a 401
    /// (with <c>forceRefresh</c> true).
    /// </summary>
    public Func<bool, CancellationToken, Task<string>>? TokenProvider { get; set; }

    /// <summary>Default of <see cref="ReadTimeout"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Default of <see cref="MaxJsonAnswerBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxJsonAnswerBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The time limit for getting an answer, retries included: until the status line and headers of the final answer
    /// have arrived. Default 11 minutes (above the server's 600 s infer timeout). Reading the answer's body after
    /// that is bounded by <see cref="ReadTimeout"/>, so a large download is never cut off while data keeps coming.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// The longest wait for the next bytes of an answer's body (JSON, text, a download, a multipart infer answer)
    /// once its headers have arrived: a server that stalls for longer fails the call with
    /// <see cref="MonaiLabelErrorKind.Timeout"/>. It is an idle limit, not a total one: a body that keeps trickling
    /// in faster than this is read to its end (use a <see cref="CancellationToken"/> to bound a whole transfer).
    /// Default 5 minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = DefaultReadTimeout;

    /// <summary>
    /// The largest JSON (or plain-text) answer read into memory, in bytes: larger ones fail with
    /// <see cref="MonaiLabelErrorKind.InvalidResponse"/> as soon as the limit is passed (at once when the
    /// Content-Length says so) instead of exhausting memory. It also bounds the text parts of one multipart infer
    /// answer taken together. File answers are streamed to disk and not limited. Default 64 MiB.
    /// </summary>
    public long MaxJsonAnswerBytes { get; set; } = DefaultMaxJsonAnswerBytes;

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
        $"ServerUrl={Redaction.Url(ServerUrl)}, ClientId={ClientId}, AccessToken={Redact(AccessToken)}, Username={Username}, " +
        $"Password={Redact(Password)}, TokenProvider={(TokenProvider == null ? "none" : "set")}, Timeout={Timeout}, " +
        $"ReadTimeout={ReadTimeout}, MaxJsonAnswerBytes={MaxJsonAnswerBytes}, " +
        $"Retry=({Retry}), ResultDirectory={ResultDirectory}, DangerousAcceptAnyServerCertificate={DangerousAcceptAnyServerCertificate}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "none" : "***";
}
