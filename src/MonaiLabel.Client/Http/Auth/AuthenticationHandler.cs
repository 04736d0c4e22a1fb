using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// Sends the access token as <c>Authorization: Bearer …</c>. The token is the one of the server the request goes
/// to (the client's <see cref="MonaiLabelClient.ServerUrl"/> when it sent it, in the request's <see cref="RequestContext"/>), fetched
/// from that server's <c>/auth/token</c>; a server with auth off gets no token. On a 401 it refreshes the token once
/// and, when the request body can be sent again, retries the request once. A request that already carries
/// Authorization (set with <see cref="MonaiLabelClient.UpdateAuth(AuthToken?)"/>) is left alone. A request this
/// handler authorised before (a retry after a 503, say) is authorised afresh, so it gets the current token and its
/// own 401 refresh.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly AccessTokenSource _tokens;
    private readonly ILogger _logger;
    private readonly Uri? _configured;

    public AuthenticationHandler(AccessTokenSource tokens, ILogger logger, Uri? configuredServer = null)
    {
        _tokens = tokens;
        _logger = logger;
        _configured = configuredServer == null ? null : MonaiLabelHttp.BaseUrl(configuredServer);
    }

    // Not async when there is no token to manage (no credentials configured): see AttemptSpanHandler.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        !_tokens.IsConfigured || request.RequestUri == null || (request.Headers.Authorization != null && !SetHere(request))
            ? base.SendAsync(request, cancellationToken)
            : SendWithTokenAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var server = ServerOf(request);
        var token = await _tokens.GetAsync(server, base.SendAsync, _logger, false, null, cancellationToken).ConfigureAwait(false);
        SetAuthorization(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_tokens.CanRefresh)
        {
            return response;
        }

        var fresh = await _tokens.GetAsync(server, base.SendAsync, _logger, true, token, cancellationToken).ConfigureAwait(false);
        Log.TokenRefreshed(_logger, "a 401 answer");
        if (!CanSendAgain(request.Content) || (fresh == null && token == null))
        {
            // A streamed upload cannot be replayed (the next call uses the new token); a server with auth off
            // that still answers 401 gets nothing new to try.
            return response;
        }

        response.Dispose();
        SetAuthorization(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void SetAuthorization(HttpRequestMessage request, string? token)
    {
        request.Headers.Authorization = token == null ? null : new AuthenticationHeaderValue("Bearer", token);
        MarkSetHere(request);
    }

    /// <summary>
    /// The server whose token the request gets: the stamped one if the request still goes to its origin, else the
    /// configured server if the request goes to that one's origin, else the root of the request's own origin.
    /// </summary>
    private Uri ServerOf(HttpRequestMessage request)
    {
        var target = request.RequestUri!;
        if (StampedServer(request) is { } stamped && SameOrigin(stamped, target))
        {
            return stamped;
        }

        if (_configured != null && SameOrigin(_configured, target))
        {
            return _configured;
        }

        return new Uri(target.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port;

    private static bool CanSendAgain(HttpContent? content) => content == null || content is ByteArrayContent;

    // Marks a request whose Authorization this handler set, so a retry of it is authorised again.
    private static bool SetHere(HttpRequestMessage request) => RequestContext.Of(request)?.AuthorizationSetByHandler == true;

    private static void MarkSetHere(HttpRequestMessage request) => RequestContext.OfOrUndeclared(request).AuthorizationSetByHandler = true;

    private static Uri? StampedServer(HttpRequestMessage request) => RequestContext.Of(request)?.ServerUrl;
}
