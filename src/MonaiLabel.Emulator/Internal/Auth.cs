using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>The server's <c>User</c> model: what <c>/auth/token/valid</c> answers.</summary>
internal sealed class AuthUser
{
    public AuthUser(string username, string? email, string? name, IReadOnlyList<string> roles)
    {
        Username = username;
        Email = email;
        Name = name;
        Roles = roles;
    }

    /// <summary>The user every call runs as when auth is off (the server's DEFAULT_USER).</summary>
    public static AuthUser Default { get; } = new(
        "admin",
        "admin@monailabel.com",
        "UNK",
        new[] { EmulatorRoles.Admin, EmulatorRoles.Reviewer, EmulatorRoles.Annotator, EmulatorRoles.User });

    public string Username { get; }

    public string? Email { get; }

    public string? Name { get; }

    public IReadOnlyList<string> Roles { get; }

    public JsonObject ToJson()
    {
        var roles = new JsonArray();
        foreach (var r in Roles)
        {
            roles.Add((JsonNode?)r);
        }

        return new JsonObject { ["username"] = Username, ["email"] = Email, ["name"] = Name, ["roles"] = roles };
    }
}

/// <summary>
/// The identity provider the real server delegates to (Keycloak): issues JWTs shaped like Keycloak's access tokens and
/// validates them. Signed with HS256 and a key private to one emulator instance (Keycloak signs RS256).
/// </summary>
internal sealed class TokenIssuer
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly string issuer;
    private readonly string clientId;

    public TokenIssuer(string issuer, string clientId)
    {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    public string Issue(string username, EmulatorUser user, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var roles = new JsonArray();
        foreach (var r in user.Roles)
        {
            roles.Add((JsonNode?)r);
        }

        var payload = new JsonObject
        {
            ["exp"] = now + (long)lifetime.TotalSeconds,
            ["iat"] = now,
            ["jti"] = Py.Uuid4(),
            ["iss"] = issuer,
            ["aud"] = "account",
            ["sub"] = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(username))).ToString("D"),
            ["typ"] = "Bearer",
            ["azp"] = clientId,
            ["preferred_username"] = username,
            ["email"] = user.Email ?? username + "@monailabel.local",
            ["name"] = user.Name ?? username,
            ["realm_access"] = new JsonObject { ["roles"] = roles },
            ["scope"] = "profile email",
        };
        var header = B64(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var body = B64(PyJson.FastApi(payload));
        var signature = B64(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + body)));
        return header + "." + body + "." + signature;
    }

    /// <summary>Decodes a token as PyJWT does (signature, then expiry); null when invalid.</summary>
    public AuthUser? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            var actual = FromB64(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return null;
            }

            if (PyJson.Parse(Encoding.UTF8.GetString(FromB64(parts[1]))) is not JsonObject payload)
            {
                return null;
            }

            var exp = payload["exp"]?.GetValue<long>() ?? 0;
            if (exp <= DateTimeOffset.UtcNow.ToUnixTimeSeconds())
            {
                return null;
            }

            var roles = (payload["realm_access"] as JsonObject)?["roles"] as JsonArray;
            return new AuthUser(
                payload["preferred_username"]?.GetValue<string>() ?? string.Empty,
                payload["email"]?.GetValue<string>(),
                payload["name"]?.GetValue<string>(),
                roles?.Select(r => r?.GetValue<string>() ?? string.Empty).ToArray() ?? Array.Empty<string>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}
