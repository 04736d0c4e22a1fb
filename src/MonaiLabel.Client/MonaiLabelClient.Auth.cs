using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Auth conveniences with the Python client's semantics.
public partial class MonaiLabelClient
{
    /// <summary>Whether the server has auth turned on (the Python client's <c>auth_enabled</c>): any failure answers false.</summary>
    public virtual async Task<bool> IsAuthEnabledAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var settings = await GetAuthSettingsAsync(cancellationToken).ConfigureAwait(false);
            return settings.Enabled == true;
        }
        catch (MonaiLabelClientException e) when (e.StatusCode != 0)
        {
            return false;
        }
    }

    /// <summary>
    /// Exchanges a user name and password for a token (the Python client's <c>auth_token</c>). Pass the result to
    /// <see cref="UpdateAuth(AuthToken?)"/> to send it with later calls.
    /// </summary>
    public virtual Task<AuthToken> GetAuthTokenAsync(string username, string password, CancellationToken cancellationToken = default) =>
        CreateAuthTokenAsync(new AuthTokenRequest { Username = username, Password = password, GrantType = "password" }, cancellationToken);

    /// <summary>Whether the token in use is accepted (the Python client's <c>auth_valid_token</c>): any HTTP error answers false.</summary>
    public virtual async Task<bool> IsAuthTokenValidAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ValidateAuthTokenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MonaiLabelClientException e) when (e.StatusCode != 0)
        {
            return false;
        }
    }
}
