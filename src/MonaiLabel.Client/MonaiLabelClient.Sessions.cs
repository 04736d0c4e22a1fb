using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Sessions: a temporary server-side copy of an image that later infer calls refer to by id.
public partial class MonaiLabelClient
{
    /// <summary>Uploads <paramref name="image"/> into a new session (the Python client's <c>create_session</c>).</summary>
    /// <param name="image">The image file of the session, e.g. <c>FileParameter.FromFile("case.nii.gz")</c>.</param>
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

        return Traced(nameof(CreateSessionAsync), () => Rest.CreateSessionAsync(uncompress, expiry, new List<FileParameter> { image }, cancellationToken));
    }

    /// <summary>Uploads the files of one image (a DICOM series) into a new session.</summary>
    /// <param name="images">The files; at least one.</param>
    /// <param name="uncompress">Ask the server to unpack an uploaded archive.</param>
    /// <param name="expiry">Seconds until the session expires; 0 uses the server's default.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<CreateSessionResult> CreateSessionAsync(
        IEnumerable<FileParameter> images, bool uncompress = false, int expiry = 0, CancellationToken cancellationToken = default)
    {
        var files = images?.ToList() ?? throw new ArgumentNullException(nameof(images));
        if (files.Count == 0 || files.Any(f => f == null))
        {
            throw new ArgumentException("A session needs at least one file, and no null one.", nameof(images));
        }

        return Traced(nameof(CreateSessionAsync), () => Rest.CreateSessionAsync(uncompress, expiry, files, cancellationToken));
    }

    /// <summary>
    /// A session's details (the Python client's <c>get_session</c>); <paramref name="updateTs"/> extends its life. A
    /// session that no longer exists fails with <see cref="MonaiLabelErrorKind.SessionExpired"/>.
    /// </summary>
    public virtual Task<SessionInfo> GetSessionAsync(string sessionId, bool updateTs = false, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetSessionAsync), () => GetSessionCoreAsync(sessionId, updateTs, cancellationToken));

    /// <summary>Downloads the image a session holds to <paramref name="directory"/> (default: the options' result directory).</summary>
    public virtual Task<SavedFile> DownloadSessionImageToAsync(
        string sessionId, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadSessionImageToAsync), async () =>
        {
            var response = await Rest.GetSessionAsync(sessionId, false, true, cancellationToken).ConfigureAwait(false);
            return await SaveFileResponseAsync(response, directory, sessionId, overwrite, progress, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Removes a session (the Python client's <c>remove_session</c>) and answers what it was.</summary>
    public virtual Task<SessionInfo> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Traced(nameof(DeleteSessionAsync), () => Rest.DeleteSessionAsync(sessionId, cancellationToken));

    private async Task<SessionInfo> GetSessionCoreAsync(string sessionId, bool updateTs, CancellationToken cancellationToken)
    {
        FileResponse response;
        try
        {
            response = await Rest.GetSessionAsync(sessionId, updateTs, false, cancellationToken).ConfigureAwait(false);
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
}
