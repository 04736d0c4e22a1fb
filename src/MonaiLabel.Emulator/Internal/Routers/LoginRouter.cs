using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// login.py: /auth/ (the auth settings), /auth/token (password grant) and /auth/token/valid.
internal sealed class LoginRouter(EmulatorApp app)
{
    /// <summary>The auth routes, present only when auth is on.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/auth/", Access.Public, null, BodyKind.None, AuthSettings);
        r.Add("POST", "/auth/token", Access.Public, null, BodyKind.Form, AuthToken);
        r.Add("GET", "/auth/token/valid", Access.Authenticated, null, BodyKind.None, AuthTokenValid);
    }

    private Task AuthSettings(Call c)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, new JsonObject
        {
            ["enabled"] = true,
            ["client_id"] = app.Options.AuthClientId,
            ["realm"] = app.Realm,
        });
    }

    private Task AuthToken(Call c)
    {
        // OAuth2PasswordRequestForm: grant_type (optional, must match "password"), username, password, scope, client_id, client_secret.
        var grantType = c.Form.Get("grant_type");
        if (grantType?.Text is { Length: > 0 } g && !g.StartsWith("password", StringComparison.Ordinal))
        {
            c.AddError(new JsonObject
            {
                ["loc"] = new JsonArray("body", "grant_type"),
                ["msg"] = "string does not match regex \"password\"",
                ["type"] = "value_error.str.regex",
                ["ctx"] = new JsonObject { ["pattern"] = "password" },
            });
        }

        var username = FormRequiredText(c, "username");
        var password = FormRequiredText(c, "password");
        c.Validate();

        // The server forwards the form to the identity provider and re-raises its 401: an unhandled error (500).
        if (!app.Users.TryGetValue(username, out var user) || user.Password != password)
        {
            app.Log.Error("monailabel.endpoints.login", $"401 Client Error: Unauthorized for user {username}");
            throw new AppError("401 Client Error: Unauthorized");
        }

        var token = app.Issuer.Issue(username, user, app.Options.TokenLifetime);
        return Responses.Json(c.Http, 200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer" });
    }

    private static string FormRequiredText(Call c, string name)
    {
        var v = c.Form.Get(name);
        if (v?.Text is { Length: > 0 } text)
        {
            return text;
        }

        if (v?.File != null)
        {
            c.AddError(new JsonObject { ["loc"] = new JsonArray("body", name), ["msg"] = "str type expected", ["type"] = "type_error.str" });
            return string.Empty;
        }

        c.AddError(ValidationFailed.Missing("body", name));
        return string.Empty;
    }

    private Task AuthTokenValid(Call c)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, c.User.ToJson());
    }
}
