using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// The password grant of a client configured with Username and Password: the client's own createAuthToken call, handed
// to the auth handler's token cache as a delegate, so the handlers never build a client themselves.
public partial class MonaiLabelClient
{
    /// <summary>
    /// The token cache of the client(s) built from <paramref name="options"/>, with the password exchange below. Once per
    /// client without dependency injection, once per application under it (handlers are recycled, tokens must not be).
    /// </summary>
    internal static AccessTokenSource CreateTokenSource(MonaiLabelClientOptions options)
    {
        // The exchange's answer is read with the same limits as any answer of this client.
        var settings = ClientSettings.From(options);
        return new AccessTokenSource(options, (server, send, cancellationToken) => ExchangePasswordAsync(options, settings, server, send, cancellationToken));
    }

    /// <summary>
    /// One exchange of user name and password for a token at <paramref name="server"/>: the spec's own
    /// <c>createAuthToken</c>, sent through <paramref name="send"/> (the rest of the handler pipeline), so its answer is
    /// read as any JSON answer is (ReadTimeout, MaxJsonAnswerBytes, framing, typed errors). The token cache's
    /// <paramref name="cancellationToken"/> carries the overall time limit. Null when the server has auth off.
    /// </summary>
    private static async Task<string?> ExchangePasswordAsync(
        MonaiLabelClientOptions options, ClientSettings settings, Uri server,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        // The HttpClient only carries the request to the inner handlers; the fetch's own token bounds its time.
        using var http = new HttpClient(new SendThrough(send)) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        var rest = new MonaiLabelRestClient(http, settings);
        try
        {
            var answer = await rest.CreateAuthTokenAsync(
                AuthTokenRequest.PasswordGrant(options.Username!, options.Password!), cancellationToken).ConfigureAwait(false);
            // {"access_token": null}: the route is mounted but auth is off.
            return string.IsNullOrEmpty(answer.AccessToken) ? null : answer.AccessToken;
        }
        catch (MonaiLabelClientException e) when (e.StatusCode == 404)
        {
            return null; // MONAI Label mounts /auth/* only with auth on.
        }
        catch (MonaiLabelClientException e) when (e.StatusCode >= 200 && e.StatusCode <= 299)
        {
            // A 2xx the generated code could not read as a token (not JSON, null, no access_token). Limits, framing
            // and timeouts fail earlier, as for any answer, without a status.
            throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, "POST /auth/token answered without a usable access_token.", e);
        }
        catch (MonaiLabelClientException e) when (e.StatusCode > 299)
        {
            throw TokenRefusal.Describe(e, options.Username, options.Password);
        }
    }

    /// <summary>Hands the request to the rest of the pipeline, as the auth handler's own inner handler would.</summary>
    private sealed class SendThrough(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            send(request, cancellationToken);
    }
}
