using System;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Where a downloaded label goes. The server names a label file as its image (<c>liver_01.nii.gz</c>), so an image
/// and its labels saved into one folder collided (<c>liver_01 (1).nii.gz</c>): the CLI names it
/// <c>&lt;image&gt;_&lt;tag&gt;&lt;extension&gt;</c> (<c>liver_01_final.nii.gz</c>), keeping the server's extension.
/// </summary>
internal static class LabelFiles
{
    public static string DefaultName(string imageId, string tag, string? serverName)
    {
        var extension = serverName == null ? string.Empty : FileNameParts.Split(SafeFileName.Sanitize(serverName)).Extension;
        return SafeFileName.Sanitize(FileNameParts.Fit(imageId + "_" + tag, string.Empty, extension));
    }

    /// <summary>Saves the label atomically (as the SDK's DownloadLabelToAsync) under <see cref="DefaultName"/>.</summary>
    public static async Task<SavedFile> DownloadToAsync(
        MonaiLabelClient client, string imageId, string tag, string directory, bool overwrite, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var response = await client.Rest.DownloadLabelAsync(imageId, tag, cancellationToken).ConfigureAwait(false);
        return await client.SaveFileResponseAsync(response, directory, serverName => DefaultName(imageId, tag, serverName), overwrite, progress, cancellationToken)
            .ConfigureAwait(false);
    }
}
