using System;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// A label saved under a name the caller chooses: the server names a label file as its image (liver_01.nii.gz), so an
// image and its labels saved into one folder would collide.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Downloads a label to <paramref name="directory"/> as <paramref name="fileNameStem"/> followed by the extension
    /// of the server's file name: <c>liver_01_final</c> is saved as <c>liver_01_final.nii.gz</c> (nothing is added
    /// when the server sends no name or one without an extension). The name is made safe as SECURITY.md describes (a
    /// directory part is dropped: use <paramref name="directory"/>); a taken name is numbered (<c>a (1).nii.gz</c>)
    /// unless <paramref name="overwrite"/>. The file appears whole or not at all.
    /// </summary>
    /// <param name="imageId">The image whose label is downloaded.</param>
    /// <param name="tag">The label's tag (<c>final</c>, <c>original</c>, …).</param>
    /// <param name="directory">Where to save it; null for <see cref="MonaiLabelClientOptions.ResultDirectory"/>.</param>
    /// <param name="fileNameStem">The saved file's name before its extension.</param>
    /// <param name="overwrite">Replace a same-named file instead of saving under a numbered name.</param>
    /// <param name="progress">Receives the bytes saved so far.</param>
    /// <param name="cancellationToken">Cancels the download; nothing is left on disk.</param>
    /// <exception cref="ArgumentException"><paramref name="fileNameStem"/> is null or empty.</exception>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.NotFound"/> (404, <c>Label NOT Found or is a directory</c>) for a label that does not exist.
    /// </exception>
    public virtual Task<SavedFile> DownloadLabelToAsync(
        string imageId, string tag, string? directory, string fileNameStem, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(fileNameStem))
        {
            throw new ArgumentException("A file name stem is required.", nameof(fileNameStem));
        }

        return Traced(nameof(DownloadLabelToAsync), async () =>
        {
            var response = await Rest.DownloadLabelAsync(imageId, tag, cancellationToken).ConfigureAwait(false);
            return await SaveFileResponseAsync(
                response, directory, rawName => SafeFileName.Sanitize(FileNameParts.Fit(fileNameStem, string.Empty, FileNameParts.ExtensionOf(rawName))),
                overwrite, progress, cancellationToken).ConfigureAwait(false);
        });
    }
}
