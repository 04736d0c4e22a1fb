using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// Where access tokens come from — a fixed token, user name and password exchanged at <c>POST /auth/token</c>,
/// or a caller's provider — and the one cached token shared by every request of a client (refreshed under a lock,
/// so concurrent 401s cause one refresh, not many).
/// </summary>
internal sealed class AccessTokenSource
{
    // Refresh a JWT this long before it expires, so long uploads don't start with a token about to lapse.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly MonaiLabelClientOptions _options;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private volatile CachedToken? _cached;

    public AccessTokenSource(MonaiLabelClientOptions options)
    {
        _options = options;
    }

    /// <summary>False when the options name no token source: requests then go out without Authorization.</summary>
    public bool IsConfigured =>
        !string.IsNullOrEmpty(_options.AccessToken) || !string.IsNullOrEmpty(_options.Username) || _options.TokenProvider != null;

    /// <summary>True when a rejected token can be replaced by asking again (a fixed token cannot).</summary>
    public bool CanRefresh => !string.IsNullOrEmpty(_options.Username) || _options.TokenProvider != null;

    /// <summary>
    /// The token to send. With <paramref name="rejected"/> set (a 401 answered it), a new one is fetched unless
    /// another request already replaced it.
    /// </summary>
    public async Task<string> GetAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, string? rejected, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.AccessToken))
        {
            return _options.AccessToken!;
        }

        var cached = _cached;
        if (cached != null && cached.Value != rejected && !cached.IsExpiring)
        {
            return cached.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            cached = _cached;
            if (cached != null && cached.Value != rejected && !cached.IsExpiring)
            {
                return cached.Value;
            }

            var token = _options.TokenProvider != null
                ? await _options.TokenProvider(rejected != null, cancellationToken).ConfigureAwait(false)
                : await FetchAsync(send, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token))
            {
                throw new MonaiLabelClientException(MonaiLabelErrorKind.Unauthorized, "The token provider returned no access token.");
            }

            _cached = new CachedToken(token, JwtExpiry(token));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> FetchAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>("username", _options.Username!),
            new KeyValuePair<string, string>("password", _options.Password!),
            new KeyValuePair<string, string>("grant_type", "password"),
        });
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(MonaiLabelHttp.BaseUrl(_options.ServerUrl!), "auth/token")) { Content = form })
        using (var response = await send(request, cancellationToken).ConfigureAwait(false))
        {
            var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The server answers a wrong password with 500; say what the caller can act on, never the password.
                throw new MonaiLabelClientException(
                    MonaiLabelErrorKind.Unauthorized,
                    $"Could not get an access token for user '{_options.Username}' from POST /auth/token: HTTP {(int)response.StatusCode}.",
                    null);
            }

            try
            {
                var token = (string?)JObject.Parse(body)["access_token"];
                return token ?? throw new MonaiLabelClientException(
                    MonaiLabelErrorKind.InvalidResponse, "POST /auth/token answered without an access_token.");
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, "POST /auth/token answered with something that is not JSON.", e);
            }
        }
    }

    /// <summary>The <c>exp</c> claim of a JWT, if the token is one; opaque tokens never expire here (a 401 refreshes them).</summary>
    private static DateTimeOffset? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            var exp = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)))["exp"];
            return exp != null && exp.Type == JTokenType.Integer ? DateTimeOffset.FromUnixTimeSeconds((long)exp) : (DateTimeOffset?)null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private sealed class CachedToken
    {
        public CachedToken(string value, DateTimeOffset? expires)
        {
            Value = value;
            Expires = expires;
        }

        public string Value { get; }

        public DateTimeOffset? Expires { get; }

        public bool IsExpiring => Expires.HasValue && Expires.Value - ExpiryMargin <= DateTimeOffset.UtcNow;
    }
}
