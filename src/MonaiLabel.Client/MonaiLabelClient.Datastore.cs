using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace MonaiLabel.Client;

// Datastore: listings, images, labels, the dataset.
public partial class MonaiLabelClient
{
    /// <summary>The full datastore listing, typed (the Python client's <c>datastore</c>: <c>output=all</c>).</summary>
    public virtual Task<Datastore> GetDatastoreAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetDatastoreAsync), () => ReadFreeFormAsAsync<Datastore>(
            "datastore listing", rest => rest.GetDatastoreAsync(DatastoreOutput.All, cancellationToken)));

    /// <summary>Datastore counts, typed (<c>output=stats</c>).</summary>
    public virtual Task<DatastoreStats> GetDatastoreStatsAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetDatastoreStatsAsync), () => ReadFreeFormAsAsync<DatastoreStats>(
            "datastore stats", rest => rest.GetDatastoreAsync(DatastoreOutput.Stats, cancellationToken)));

    /// <summary>The image/label pairs a training would use (<c>output=train</c>): server-side file paths.</summary>
    public virtual Task<IList<DatastoreTrainItem>> GetTrainingDatasetAsync(CancellationToken cancellationToken = default) =>
        Traced<IList<DatastoreTrainItem>>(nameof(GetTrainingDatasetAsync), async () => await ReadFreeFormAsAsync<List<DatastoreTrainItem>>(
            "training dataset", rest => rest.GetDatastoreAsync(DatastoreOutput.Train, cancellationToken)).ConfigureAwait(false));

    /// <summary>
    /// Adds an image to the datastore (the Python client's <c>upload_image</c>), streamed from <paramref name="image"/>.
    /// </summary>
    /// <param name="image">The image file, e.g. <c>FileParameter.FromFile("case.nii.gz")</c>.</param>
    /// <param name="imageId">The id to store it under; the server derives one from the file name when null.</param>
    /// <param name="info">Fields stored as the image's info (the Python client's <c>params</c>; the client id is added).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<AddImageResult> UploadImageAsync(
        FileParameter image, string? imageId = null, IDictionary<string, object?>? info = null, CancellationToken cancellationToken = default)
    {
        if (image == null)
        {
            throw new ArgumentNullException(nameof(image));
        }

        return Traced(nameof(UploadImageAsync), () => Rest.AddImageAsync(imageId, RequestParams.Json(Settings, info, Rest.SerializerSettings), image, cancellationToken));
    }

    /// <summary>Removes an image and its labels from the datastore.</summary>
    /// <exception cref="MonaiLabelClientException">
    /// An image that does not exist: MONAI Label answers 500 (<see cref="MonaiLabelErrorKind.ServerError"/>), not 404.
    /// </exception>
    public virtual Task DeleteImageAsync(string imageId, CancellationToken cancellationToken = default) =>
        Traced(nameof(DeleteImageAsync), () => Rest.DeleteImageAsync(imageId, cancellationToken));

    /// <summary>
    /// Whether the datastore has <paramref name="imageId"/> (HEAD; a 404 answers false). The way to ask: the info of
    /// an image that does not exist (<see cref="GetImageInfoAsync"/>) is an empty object, not an error.
    /// </summary>
    /// <remarks>
    /// No checksum is sent: the route's <c>check_sum</c> never matches on current MONAI Label servers (they strip
    /// <c>SHA256:</c> with <c>lstrip</c>, which removes characters, not the prefix, and compare the rest with
    /// <c>SHA256:&lt;hex&gt;</c>), so any checksum answers 404. Compare digests of a download instead.
    /// </remarks>
    public virtual Task<bool> ImageExistsAsync(string imageId, CancellationToken cancellationToken = default) =>
        Traced(nameof(ImageExistsAsync), () => ExistsAsync(() => Rest.CheckImageAsync(imageId, null, cancellationToken)));

    /// <summary>The image's file as a stream (the caller disposes the answer); see <see cref="DownloadImageToAsync"/> to save it.</summary>
    /// <exception cref="MonaiLabelClientException"><see cref="MonaiLabelErrorKind.NotFound"/> for an image that does not exist.</exception>
    public virtual Task<FileResponse> DownloadImageAsync(string imageId, CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadImageAsync), () => Rest.DownloadImageAsync(imageId, cancellationToken));

    /// <summary>Downloads an image to <paramref name="directory"/> (default: the result directory of the options) under the server's file name, made safe.</summary>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.NotFound"/> (404, <c>Image NOT Found or is a directory</c>) for an image that does not exist.
    /// </exception>
    public virtual Task<SavedFile> DownloadImageToAsync(
        string imageId, string? directory = null, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadImageToAsync), async () =>
        {
            var response = await Rest.DownloadImageAsync(imageId, cancellationToken).ConfigureAwait(false);
            return await SaveFileResponseAsync(response, directory, imageId, overwrite, progress, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The stored info of an image (empty, not an error, for an image that does not exist).</summary>
    public virtual Task<ImageInfo> GetImageInfoAsync(string imageId, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetImageInfoAsync), () => Rest.GetImageInfoAsync(imageId, cancellationToken));

    /// <summary>Merges <paramref name="info"/> into the stored info of an image.</summary>
    public virtual Task UpdateImageInfoAsync(string imageId, IDictionary<string, object?> info, CancellationToken cancellationToken = default)
    {
        var form = InfoForm(info);
        return Traced(nameof(UpdateImageInfoAsync), () => Rest.UpdateImageInfoAsync(imageId, form, cancellationToken));
    }

    /// <summary>Saves a label for <paramref name="imageId"/> under <paramref name="tag"/> (the Python client's <c>save_label</c>).</summary>
    /// <param name="imageId">The datastore image id.</param>
    /// <param name="label">The label file, e.g. <c>FileParameter.FromFile("label.nii.gz")</c>.</param>
    /// <param name="tag">The label tag; null uses the server's default, <c>final</c>.</param>
    /// <param name="info">Fields stored as the label's info (the Python client's <c>params</c>; the client id is added).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<SaveLabelResult> UploadLabelAsync(
        string imageId, FileParameter label, string? tag = null, IDictionary<string, object?>? info = null,
        CancellationToken cancellationToken = default)
    {
        if (label == null)
        {
            throw new ArgumentNullException(nameof(label));
        }

        return Traced(nameof(UploadLabelAsync), () => Rest.SaveLabelAsync(imageId, string.IsNullOrEmpty(tag) ? null : tag, RequestParams.Json(Settings, info, Rest.SerializerSettings), label, cancellationToken));
    }

    /// <summary>Removes the label of <paramref name="imageId"/> under <paramref name="tag"/>.</summary>
    public virtual Task DeleteLabelAsync(string imageId, string tag, CancellationToken cancellationToken = default) =>
        Traced(nameof(DeleteLabelAsync), () => Rest.DeleteLabelAsync(imageId, tag, cancellationToken));

    /// <summary>Whether <paramref name="imageId"/> has a label under <paramref name="tag"/> (HEAD; a 404 answers false).</summary>
    public virtual Task<bool> LabelExistsAsync(string imageId, string tag, CancellationToken cancellationToken = default) =>
        Traced(nameof(LabelExistsAsync), () => ExistsAsync(() => Rest.CheckLabelAsync(imageId, tag, cancellationToken)));

    /// <summary>The label's file as a stream (the caller disposes the answer); see <see cref="DownloadLabelToAsync(string, string, string, bool, IProgress{long}, CancellationToken)"/> to save it.</summary>
    public virtual Task<FileResponse> DownloadLabelAsync(string imageId, string tag, CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadLabelAsync), () => Rest.DownloadLabelAsync(imageId, tag, cancellationToken));

    /// <summary>
    /// Downloads a label to <paramref name="directory"/> (the Python client's <c>download_label</c>), keeping its
    /// extension (<c>.nii.gz</c>); the server's file name is never used as a path.
    /// </summary>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.NotFound"/> (404, <c>Label NOT Found or is a directory</c>) for a label that does not exist.
    /// </exception>
    public virtual Task<SavedFile> DownloadLabelToAsync(
        string imageId, string tag, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadLabelToAsync), async () =>
        {
            var response = await Rest.DownloadLabelAsync(imageId, tag, cancellationToken).ConfigureAwait(false);
            return await SaveFileResponseAsync(response, directory, imageId, overwrite, progress, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The stored info of the label of <paramref name="imageId"/> under <paramref name="tag"/>.</summary>
    public virtual Task<LabelInfo> GetLabelInfoAsync(string imageId, string tag, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetLabelInfoAsync), () => Rest.GetLabelInfoAsync(imageId, tag, cancellationToken));

    /// <summary>Merges <paramref name="info"/> into the stored info of the label of <paramref name="imageId"/> under <paramref name="tag"/>.</summary>
    public virtual Task UpdateLabelInfoAsync(
        string imageId, string tag, IDictionary<string, object?> info, CancellationToken cancellationToken = default)
    {
        var form = InfoForm(info);
        return Traced(nameof(UpdateLabelInfoAsync), () => Rest.UpdateLabelInfoAsync(imageId, tag, form, cancellationToken));
    }

    /// <summary>The datastore as a zip stream (at most <paramref name="limitCases"/> cases when given); the caller disposes the answer.</summary>
    public virtual Task<FileResponse> DownloadDatasetAsync(int? limitCases = null, CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadDatasetAsync), () => Rest.DownloadDatasetAsync(limitCases, cancellationToken));

    /// <summary>Downloads the datastore as a zip file (at most <paramref name="limitCases"/> cases when given).</summary>
    public virtual Task<SavedFile> DownloadDatasetToAsync(
        int? limitCases = null, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        Traced(nameof(DownloadDatasetToAsync), async () =>
        {
            var response = await Rest.DownloadDatasetAsync(limitCases, cancellationToken).ConfigureAwait(false);
            return await SaveFileResponseAsync(response, directory, "dataset.zip", overwrite, progress, cancellationToken).ConfigureAwait(false);
        });

    private UpdateInfoForm InfoForm(IDictionary<string, object?> info) =>
        new UpdateInfoForm
        {
            Info = JsonConvert.SerializeObject(info ?? throw new ArgumentNullException(nameof(info)), Rest.SerializerSettings),
        };

    private static async Task<bool> ExistsAsync(Func<Task> head)
    {
        try
        {
            await head().ConfigureAwait(false);
            return true;
        }
        catch (MonaiLabelClientException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }
}
