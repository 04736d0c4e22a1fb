using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// login.py: /auth/ (the auth settings), /auth/token (password grant) and /auth/token/valid.
internal sealed class LoginRouter(EmulatorApp app)
{
    private static readonly Parameter<string?> GrantType = Param.FormMatching("grant_type", "password");
    private static readonly Parameter<string> Username = Param.RequiredFormStr("username");
    private static readonly Parameter<string> Password = Param.RequiredFormStr("password");

    /// <summary>The auth routes, present only when auth is on.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/auth/", Access.Public, AuthSettings);

        // OAuth2PasswordRequestForm: grant_type (optional, must match "password"), username, password (scope,
        // client_id and client_secret are not read).
        r.Add("POST", "/auth/token", Access.Public, AuthToken, GrantType, Username, Password);
        r.Add("GET", "/auth/token/valid", Access.Authenticated, AuthTokenValid);
    }

    private Task AuthSettings(Call c) =>
        Responses.Json(c.Http, 200, new JsonObject
        {
            ["enabled"] = true,
            ["client_id"] = app.Options.AuthClientId,
            ["realm"] = app.Realm,
        });

    private Task AuthToken(Call c)
    {
        var username = c.Get(Username);
        var password = c.Get(Password);

        // The server forwards the form to the identity provider and re-raises its 401: an unhandled error (500).
        if (!app.Users.TryGetValue(username, out var user) || user.Password != password)
        {
            app.Log.Error("monailabel.endpoints.login", $"401 Client Error: Unauthorized for user {username}");
            throw new AppError("401 Client Error: Unauthorized");
        }

        var token = app.Issuer.Issue(username, user, app.Options.TokenLifetime);
        return Responses.Json(c.Http, 200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer" });
    }

    private Task AuthTokenValid(Call c) => Responses.Json(c.Http, 200, c.User.ToJson());
}
