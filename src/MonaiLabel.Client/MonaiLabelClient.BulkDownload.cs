using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Bulk download: the images of a selection (and their labels of a tag) to a folder, resumable (Bulk/).
public partial class MonaiLabelClient
{
    /// <summary>
    /// Saves every image of <paramref name="images"/> to <see cref="BulkDownloadOptions.Directory"/> (and, with
    /// <see cref="BulkDownloadOptions.LabelTag"/>, its label under that tag to <c>labels/{tag}/</c>), at most
    /// <see cref="BulkOptions.MaxConcurrency"/> at once, streaming one outcome per image. Each file is written
    /// atomically; a file already there under the server's name is skipped, so a second run resumes.
    /// </summary>
    /// <param name="images">Which images.</param>
    /// <param name="options">Where to, the label tag, concurrency, progress, gentle stop.</param>
    /// <param name="cancellationToken">Aborts the downloads in flight (no partial file remains) and ends the enumeration.</param>
    /// <exception cref="MonaiLabelClientException">The datastore listing could not be read (thrown when enumerating).</exception>
    public virtual IAsyncEnumerable<BulkDownloadOutcome> DownloadManyAsync(
        ImageSelection images, BulkDownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (images == null)
        {
            throw new ArgumentNullException(nameof(images));
        }

        options ??= new BulkDownloadOptions();
        return DownloadManyCoreAsync(images, options, options.Directory ?? Settings.ResultDirectory, cancellationToken);
    }

    private async IAsyncEnumerable<BulkDownloadOutcome> DownloadManyCoreAsync(
        ImageSelection images, BulkDownloadOptions options, string directory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The listing gives each file's extension, so a file saved by an earlier run is recognised by name.
        var listing = await GetDatastoreAsync(cancellationToken).ConfigureAwait(false);
        var objects = listing.Objects ?? new Dictionary<string, ImageEntry>();
        var ids = images.Ids ?? images.Select(listing).ToList();
        var outcomes = BulkRunner.RunAsync(
            ids, (id, ct) => DownloadOneAsync(id, objects.TryGetValue(id, out var entry) ? entry : null, options, directory, ct), options,
            o => o.Bytes, ids.Count, cancellationToken);
        await foreach (var outcome in outcomes.ConfigureAwait(false))
        {
            yield return outcome;
        }
    }

    private async Task<BulkDownloadOutcome> DownloadOneAsync(
        string imageId, ImageEntry? entry, BulkDownloadOptions options, string directory, CancellationToken cancellationToken)
    {
        try
        {
            var (imagePath, imageSaved) = await SaveOnceAsync(
                directory, imageId + entry?.Image?.Ext, options.SkipCompleted && entry != null,
                (dir, ct) => DownloadImageToAsync(imageId, dir, true, null, ct), cancellationToken).ConfigureAwait(false);
            string? labelPath = null;
            var labelSaved = 0L;
            var tag = options.LabelTag;
            if (!string.IsNullOrEmpty(tag) && entry?.Labels != null && entry.Labels.TryGetValue(tag!, out var label))
            {
                (labelPath, labelSaved) = await SaveOnceAsync(
                    Path.Combine(directory, "labels", SafeFileName.Sanitize(tag)), imageId + label?.Ext, options.SkipCompleted,
                    (dir, ct) => DownloadLabelToAsync(imageId, tag!, dir, true, null, ct), cancellationToken).ConfigureAwait(false);
            }

            var status = imageSaved < 0 && (labelPath == null || labelSaved < 0) ? BulkItemStatus.Skipped : BulkItemStatus.Succeeded;
            return new BulkDownloadOutcome(imageId, status, imagePath, labelPath, Math.Max(imageSaved, 0) + Math.Max(labelSaved, 0));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && BulkRunner.Failure(e, "saving image") is { } error)
        {
            return new BulkDownloadOutcome(imageId, BulkItemStatus.Failed, error: error);
        }
    }

    // Saves a file unless it is already there under the name the server gives it; answers its path and the bytes
    // saved (-1: it was there).
    private static async Task<(string Path, long Saved)> SaveOnceAsync(
        string directory, string serverName, bool skipExisting, Func<string, CancellationToken, Task<SavedFile>> download, CancellationToken cancellationToken)
    {
        var expected = Path.Combine(directory, SafeFileName.Sanitize(serverName));
        if (skipExisting && File.Exists(expected))
        {
            return (expected, -1);
        }

        var saved = await download(directory, cancellationToken).ConfigureAwait(false);
        return (saved.Path, saved.Length);
    }
}
