using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// Sends the access token as <c>Authorization: Bearer …</c>. On a 401 it refreshes the token once and, when the
/// request body can be sent again, retries the request once. A request that already carries Authorization (set
/// with <see cref="MonaiLabelClient.UpdateAuth(AuthToken?)"/>) is left alone. A request this handler authorised
/// before (a retry after a 503, say) is authorised afresh, so it gets the current token and its own 401 refresh.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    // Marks a request whose Authorization this handler set, so a retry of it is authorised again.
    private const string SetHereKey = "MonaiLabel.Client.AuthorizationSetByHandler";

    private readonly AccessTokenSource _tokens;
    private readonly ILogger _logger;

    public AuthenticationHandler(AccessTokenSource tokens, ILogger logger)
    {
        _tokens = tokens;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_tokens.IsConfigured || (request.Headers.Authorization != null && !SetHere(request)))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetAsync(base.SendAsync, null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        MarkSetHere(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_tokens.CanRefresh)
        {
            return response;
        }

        var fresh = await _tokens.GetAsync(base.SendAsync, token, cancellationToken).ConfigureAwait(false);
        Log.TokenRefreshed(_logger, "a 401 answer");
        if (!CanSendAgain(request.Content))
        {
            // A streamed upload cannot be replayed; the next call uses the new token.
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool CanSendAgain(HttpContent? content) => content == null || content is ByteArrayContent;

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<bool> SetHereOption = new HttpRequestOptionsKey<bool>(SetHereKey);

    private static bool SetHere(HttpRequestMessage request) => request.Options.TryGetValue(SetHereOption, out var set) && set;

    private static void MarkSetHere(HttpRequestMessage request) => request.Options.Set(SetHereOption, true);
#else
    private static bool SetHere(HttpRequestMessage request) =>
        request.Properties.TryGetValue(SetHereKey, out var set) && set is bool b && b;

    private static void MarkSetHere(HttpRequestMessage request) => request.Properties[SetHereKey] = true;
#endif
}
