using System;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Model files: downloads saved to disk.
public partial class MonaiLabelClient
{
    /// <summary>Downloads <paramref name="model"/>'s weights to <paramref name="directory"/> (default <see cref="ResultDirectory"/>).</summary>
    public virtual async Task<SavedFile> DownloadModelToAsync(
        string model, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var response = await DownloadModelAsync(model, cancellationToken).ConfigureAwait(false);
        return await SaveFileResponseAsync(response, directory, model + ".pt", overwrite, progress, cancellationToken).ConfigureAwait(false);
    }
}
