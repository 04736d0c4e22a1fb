using System;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Models (weights files), logs and GPU info.
public partial class MonaiLabelClient
{
    /// <summary>The weights file of <paramref name="model"/>: checksum, modification time, training stats.</summary>
    public virtual Task<ModelInfo> GetModelInfoAsync(string model, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetModelInfoAsync), () => Rest.GetModelInfoAsync(model, cancellationToken), model);

    /// <summary><paramref name="model"/>'s weights as a stream (the caller disposes the answer); see <see cref="DownloadModelToAsync"/> to save them.</summary>
    public virtual Task<FileResponse> DownloadModelAsync(string model, CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadModelAsync), () => Rest.DownloadModelAsync(model, cancellationToken), model);

    /// <summary>Downloads <paramref name="model"/>'s weights to <paramref name="directory"/> (default: the options' result directory).</summary>
    public virtual Task<SavedFile> DownloadModelToAsync(
        string model, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadModelToAsync),
            async () =>
            {
                var response = await Rest.DownloadModelAsync(model, cancellationToken).ConfigureAwait(false);
                return await SaveFileResponseAsync(response, directory, model + ".pt", overwrite, progress, cancellationToken).ConfigureAwait(false);
            },
            model);

    /// <summary>Replaces <paramref name="model"/>'s weights with <paramref name="file"/>.</summary>
    public virtual Task<ModelInfo> UploadModelAsync(string model, FileParameter file, CancellationToken cancellationToken = default)
    {
        if (file == null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        return Traced(nameof(UploadModelAsync), () => Rest.UploadModelAsync(model, file, cancellationToken), model);
    }

    /// <summary>Deletes <paramref name="model"/>'s weights file.</summary>
    public virtual Task DeleteModelAsync(string model, CancellationToken cancellationToken = default) =>
        Traced(nameof(DeleteModelAsync), () => Rest.DeleteModelAsync(model, cancellationToken), model);

    /// <summary>The last <paramref name="lines"/> lines of the server's log as text (the server's default when null).</summary>
    public virtual Task<string> GetLogsAsync(int? lines = null, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetLogsAsync), () => Rest.GetLogsAsync(lines, false, true, null, cancellationToken));

    /// <summary>The server's GPU report (<c>nvidia-smi</c> output) as text.</summary>
    public virtual Task<string> GetGpuInfoAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetGpuInfoAsync), () => Rest.GetGpuInfoAsync(cancellationToken));
}
