namespace MonaiLabel.Client;

// The password grant, built one way for GetAuthTokenAsync and for the auth handler's own token fetch.
internal partial class AuthTokenRequest
{
    /// <summary>
    /// <c>username</c>, <c>password</c> and <c>grant_type=password</c>, the fields the Python client sends; no empty
    /// <c>scope</c> (the spec's default) is added.
    /// </summary>
    public static AuthTokenRequest PasswordGrant(string username, string password) =>
        new AuthTokenRequest { Username = username, Password = password, GrantType = "password", Scope = null };
}
