using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Auth: settings, token exchange, token check.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Whether the server has auth turned on and with which identity provider (the Python client's
    /// <c>auth_enabled</c> is <c>GetAuthSettingsAsync().Enabled</c>). A server without the auth routes (404, auth off)
    /// answers <c>Enabled = false</c>.
    /// </summary>
    public virtual Task<AuthSettings> GetAuthSettingsAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetAuthSettingsAsync), async () =>
        {
            try
            {
                return await Rest.GetAuthSettingsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MonaiLabelClientException e) when (e.StatusCode == 404)
            {
                return new AuthSettings { Enabled = false };
            }
        });

    /// <summary>
    /// Exchanges a user name and password for a token (the Python client's <c>auth_token</c>). Pass the result to
    /// <see cref="UpdateAuth(AuthToken?)"/> to send it with later calls.
    /// </summary>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.Unauthorized"/> when the answer says the credentials were refused (400, 401, 403,
    /// or a body saying so); <see cref="MonaiLabelErrorKind.ServerError"/> for a 5xx that does not say why, which is
    /// how MONAI Label answers a wrong password. A client configured with the same credentials fails the same way.
    /// </exception>
    public virtual Task<AuthToken> GetAuthTokenAsync(string username, string password, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetAuthTokenAsync), async () =>
        {
            try
            {
                return await Rest.CreateAuthTokenAsync(AuthTokenRequest.PasswordGrant(username, password), cancellationToken).ConfigureAwait(false);
            }
            catch (MonaiLabelClientException e) when (e.StatusCode > 299)
            {
                throw TokenRefusal.Describe(e, username, password);
            }
        });

    /// <summary>
    /// The user the token in use belongs to (the Python client's <c>auth_valid_token</c>, which answers whether this
    /// succeeds): a token that is missing, expired or refused fails with <see cref="MonaiLabelErrorKind.Unauthorized"/>.
    /// </summary>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.Unauthorized"/> (HTTP 401) when the token is not valid.</exception>
    public virtual Task<UserInfo> ValidateAuthTokenAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(ValidateAuthTokenAsync), () => Rest.ValidateAuthTokenAsync(cancellationToken));
}
