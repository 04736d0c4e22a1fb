using System;
using System.Text;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

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
