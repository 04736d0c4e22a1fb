using System;
using System.Net;
using System.Text.RegularExpressions;

namespace MonaiLabel.Client;

/// <summary>
/// The one rule for a failed <c>POST /auth/token</c>, for <see cref="MonaiLabelClient.GetAuthTokenAsync"/> and for a
/// client configured with a user name and password alike: the kind follows from what the answer says, not from a
/// guess. 400/401/403, or any answer whose body says the identity provider refused the credentials, is
/// <see cref="MonaiLabelErrorKind.Unauthorized"/>. MONAI Label itself answers a wrong password with a bare
/// <c>500 Internal Server Error</c> (its identity provider's 401 re-raised), the same answer as an outage of the
/// server or of the provider: that stays <see cref="MonaiLabelErrorKind.ServerError"/>, with a message naming both.
/// </summary>
internal static class TokenRefusal
{
    // What an identity provider's refusal looks like when a server passes it on: Keycloak's {"error":"invalid_grant",
    // "error_description":"Invalid user credentials"}, requests' "401 Client Error: Unauthorized for url ..." (in a
    // debug traceback), a plain "Unauthorized".
    private static readonly Regex SaysRefused = new(
        @"\b40[013] Client Error\b|\binvalid_grant\b|\binvalid (user )?credentials\b|\bunauthori[sz]ed\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The error to throw for <paramref name="failed"/>, the generated code's error for a non-2xx answer to the token
    /// request. The generated error is dropped, not kept as the inner exception: its message may quote a body that
    /// echoes the credentials, and the password never reaches <c>Response</c> or <c>Detail</c>.
    /// </summary>
    public static MonaiLabelClientException Describe(MonaiLabelClientException failed, string? username, string? password)
    {
        var status = failed.StatusCode;
        var body = failed.Response == null ? null : WithoutPassword(failed.Response, password);
        string message;
        MonaiLabelErrorKind kind;
        if (status == 400 || status == 401 || status == 403 || (body != null && SaysRefused.IsMatch(body)))
        {
            kind = MonaiLabelErrorKind.Unauthorized;
            message = $"The server refused the credentials of user '{username}': POST /auth/token answered HTTP {status}.";
        }
        else if (status >= 500 && status <= 599)
        {
            kind = MonaiLabelErrorKind.ServerError;
            message = $"POST /auth/token failed with HTTP {status} for user '{username}' and the answer does not say why: " +
                      "MONAI Label answers a wrong user name or password this way, and also a failure of its own or of its " +
                      "identity provider. Check the credentials, then the server's log.";
        }
        else
        {
            kind = MonaiLabelClientException.KindOfStatus(status);
            message = $"Could not get an access token for user '{username}' from POST /auth/token: HTTP {status}.";
        }

        return MonaiLabelClientException.ForAnswer(kind, message, status, body, failed.Headers, null);
    }

    private static string WithoutPassword(string body, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return body;
        }

        foreach (var form in new[] { password!, Uri.EscapeDataString(password!), WebUtility.UrlEncode(password!) })
        {
            body = body.Replace(form, "***");
        }

        return body;
    }
}
