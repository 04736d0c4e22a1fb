using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// One exchange of user name and password for a token: the spec's own <c>createAuthToken</c> operation, sent through
/// the rest of the handler pipeline (the auth handler's inner handlers), so its answer is read as any JSON answer is
/// (ReadTimeout, MaxJsonAnswerBytes, framing, typed errors); the caller's token carries the overall time limit.
/// </summary>
internal sealed class TokenFetch
{
    private readonly MonaiLabelClientOptions _options;
    private readonly Uri _baseUrl;
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _send;

    public TokenFetch(MonaiLabelClientOptions options, Uri baseUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send)
    {
        _options = options;
        _baseUrl = baseUrl;
        _send = send;
    }

    /// <summary>The token; null when the server has auth off (no <c>/auth/token</c> route, or a null token).</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        // The HttpClient only carries the request to the inner handlers; the fetch's own token bounds its time.
        using var http = new HttpClient(new SendThrough(_send)) { BaseAddress = _baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        var rest = new MonaiLabelRestClient(http, _options);
        try
        {
            var answer = await rest.CreateAuthTokenAsync(
                AuthTokenRequest.PasswordGrant(_options.Username!, _options.Password!), cancellationToken).ConfigureAwait(false);
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
            throw TokenRefusal.Describe(e, _options.Username, _options.Password);
        }
    }

    /// <summary>Hands the request to the rest of the pipeline, as the auth handler's own inner handler would.</summary>
    private sealed class SendThrough(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            send(request, cancellationToken);
    }
}

/// <summary>A cached token and when to fetch the next one.</summary>
internal sealed class CachedToken
{
    // Long-lived tokens are renewed this long before they expire, so long uploads don't start with one about to lapse;
    // short-lived ones after 80% of their life, so a token that lives 30 s or less is still reused.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);
    private const double ShortLifeShare = 0.2;

    private CachedToken(string? value, DateTimeOffset? refreshAt)
    {
        Value = value;
        RefreshAt = refreshAt;
    }

    /// <summary>The server has auth off: send no token (until a 401 says otherwise).</summary>
    public static CachedToken None { get; } = new CachedToken(null, null);

    public string? Value { get; }

    /// <summary>Null for a token whose expiry is unknown (an opaque token): a 401 refreshes it.</summary>
    public DateTimeOffset? RefreshAt { get; }

    public bool IsExpiring => RefreshAt.HasValue && RefreshAt.Value <= DateTimeOffset.UtcNow;

    /// <summary>
    /// A token just received. Its lifetime is <c>exp − iat</c> when the JWT says both (else what is left of it
    /// now); it is renewed <c>min(30 s, 20% of that lifetime)</c> before <c>exp</c>.
    /// </summary>
    public static CachedToken Received(string token)
    {
        var (expires, issued) = Jwt.Times(token);
        if (expires == null)
        {
            return new CachedToken(token, null);
        }

        var now = DateTimeOffset.UtcNow;
        var life = issued.HasValue && issued.Value < expires.Value ? expires.Value - issued.Value : expires.Value - now;
        var share = TimeSpan.FromTicks((long)(Math.Max(life.Ticks, 0) * ShortLifeShare));
        var margin = share < ExpiryMargin ? share : ExpiryMargin;
        return new CachedToken(token, expires.Value - margin);
    }
}

/// <summary>The <c>exp</c> and <c>iat</c> claims of a JWT, if the token is one.</summary>
internal static class Jwt
{
    public static (DateTimeOffset? Expires, DateTimeOffset? Issued) Times(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (null, null);
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            var claims = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return (Seconds(claims["exp"]), Seconds(claims["iat"]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, null);
        }
        catch (InvalidCastException)
        {
            return (null, null);
        }
    }

    private static DateTimeOffset? Seconds(JToken? claim)
    {
        if (claim == null || (claim.Type != JTokenType.Integer && claim.Type != JTokenType.Float))
        {
            return null;
        }

        var seconds = (double)claim;
        return seconds > 0 && seconds < 253402300799 ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)) : (DateTimeOffset?)null;
    }
}

/// <summary>Waiting for a shared task under one caller's own cancellation (Task.WaitAsync, also on netstandard2.0).</summary>
internal static class TaskWaits
{
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await task.ConfigureAwait(false);
#endif
    }
}
