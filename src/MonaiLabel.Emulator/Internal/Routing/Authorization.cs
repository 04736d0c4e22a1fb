using System;
using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The server's <c>OAuth2PasswordBearer</c> + <c>get_current_user</c> + <c>RBAC</c> dependencies: with auth on, a
/// route that is not public needs a valid bearer token (401), and a role route that token's role (403).
/// </summary>
internal sealed class Authorization(EmulatorApp app)
{
    private static readonly Dictionary<string, string> Bearer = new() { ["www-authenticate"] = "Bearer" };

    /// <summary>Sets <see cref="Call.User"/>, or raises the server's 401 or 403.</summary>
    public void Check(Call call)
    {
        var route = call.Route;
        if (!app.Options.AuthEnabled || route.Access == Access.Public)
        {
            return;
        }

        var header = call.Http.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        var scheme = space >= 0 ? header.Substring(0, space) : header;
        var token = space >= 0 ? header.Substring(space + 1) : string.Empty;
        if (header.Length == 0 || !string.Equals(scheme, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpError(401, "Not authenticated", Bearer);
        }

        var user = app.Issuer.Validate(token) ?? throw new HttpError(401, "Could not validate credentials", Bearer);
        if (route.Access == Access.Role && route.Role != null && !user.Roles.Contains(route.Role))
        {
            throw new HttpError(403, $"Role \"{route.Role}\" is required to perform this action");
        }

        call.User = user;
    }
}
