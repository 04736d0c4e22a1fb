using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Sessions: a temporary server-side copy of an image that later infer calls refer to by id.
public partial class MonaiLabelClient
{
    /// <summary>Uploads <paramref name="image"/> into a new session (the Python client's <c>create_session</c>).</summary>
    /// <param name="image">The image file(s) of the session, e.g. <c>FileParameter.FromFile("case.nii.gz")</c>.</param>
    /// <param name="uncompress">Ask the server to unpack an uploaded archive.</param>
    /// <param name="expiry">Seconds until the session expires; 0 uses the server's default.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<CreateSessionResult> CreateSessionAsync(
        FileParameter image, bool uncompress = false, int expiry = 0, CancellationToken cancellationToken = default)
    {
        if (image == null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        return CreateSessionAsync(uncompress, expiry, new List<FileParameter> { image }, cancellationToken);
    }

    /// <summary>
    /// A session's details (the Python client's <c>get_session</c>). A session that no longer exists fails with
    /// <see cref="MonaiLabelErrorKind.SessionExpired"/>.
    /// </summary>
    public virtual async Task<SessionInfo> GetSessionInfoAsync(string sessionId, bool updateTs = false, CancellationToken cancellationToken = default)
    {
        FileResponse response;
        try
        {
            response = await GetSessionAsync(sessionId, updateTs, false, cancellationToken).ConfigureAwait(false);
        }
        catch (MonaiLabelClientException e) when (e.StatusCode == 404)
        {
            throw MonaiLabelClientException.Wrapping(MonaiLabelErrorKind.SessionExpired, $"Session '{sessionId}' does not exist or has expired.", e);
        }

        using (response)
        {
            var json = await ReadJsonAsync(response.Stream, "session answer", cancellationToken).ConfigureAwait(false);
            return ConvertAnswer<SessionInfo>(json, "session answer");
        }
    }

    /// <summary>Downloads the image a session holds to <paramref name="directory"/> (default <see cref="ResultDirectory"/>).</summary>
    public virtual async Task<SavedFile> DownloadSessionImageToAsync(
        string sessionId, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var response = await GetSessionAsync(sessionId, false, true, cancellationToken).ConfigureAwait(false);
        return await SaveFileResponseAsync(response, directory, sessionId, overwrite, progress, cancellationToken).ConfigureAwait(false);
    }
}
