using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Datastore conveniences: uploads from files with params, downloads saved to disk, typed listings.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Adds an image to the datastore (the Python client's <c>upload_image</c>), streamed from <paramref name="file"/>.
    /// </summary>
    /// <param name="file">The image, e.g. <c>FileParameter.FromFile("case.nii.gz")</c>.</param>
    /// <param name="imageId">The id to store it under; the server derives one from the file name when null.</param>
    /// <param name="parameters">Extra JSON params (the client id is added).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<AddImageResult> UploadImageAsync(
        FileParameter file, string? imageId = null, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        if (file == null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        return AddImageAsync(imageId, ParamsJson(parameters), file, cancellationToken);
    }

    /// <summary>Saves a label for <paramref name="image"/> under <paramref name="tag"/> (the Python client's <c>save_label</c>).</summary>
    /// <param name="image">The datastore image id.</param>
    /// <param name="label">The label file, e.g. <c>FileParameter.FromFile("label.nii.gz")</c>.</param>
    /// <param name="tag">The label tag; null uses the server's default, <c>final</c>.</param>
    /// <param name="parameters">Extra JSON params stored with the label (the client id is added).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual Task<SaveLabelResult> UploadLabelAsync(
        string image, FileParameter label, string? tag = null, IDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        if (label == null)
        {
            throw new ArgumentNullException(nameof(label));
        }

        return SaveLabelAsync(image, string.IsNullOrEmpty(tag) ? null : tag, ParamsJson(parameters), label, cancellationToken);
    }

    /// <summary>The full datastore listing, typed (the Python client's <c>datastore</c>: <c>output=all</c>).</summary>
    public virtual async Task<Datastore> GetDatastoreListingAsync(CancellationToken cancellationToken = default)
    {
        var answer = await GetDatastoreAsync(DatastoreOutput.All, cancellationToken).ConfigureAwait(false);
        return ConvertAnswer<Datastore>(answer, "datastore listing");
    }

    /// <summary>Datastore counts, typed (<c>output=stats</c>).</summary>
    public virtual async Task<DatastoreStats> GetDatastoreStatsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await GetDatastoreAsync(DatastoreOutput.Stats, cancellationToken).ConfigureAwait(false);
        return ConvertAnswer<DatastoreStats>(answer, "datastore stats");
    }

    /// <summary>
    /// Whether the datastore has <paramref name="image"/> (HEAD; a 404 answers false). The way to ask: the info of
    /// an image that does not exist (<c>GetImageInfoAsync</c>) is an empty object, not an error.
    /// </summary>
    /// <remarks>
    /// No checksum is sent: <see cref="CheckImageAsync"/>'s <c>checkSum</c> never matches on current MONAI Label servers
    /// (they strip <c>SHA256:</c> with <c>lstrip</c>, which removes characters, not the prefix, and compare the rest
    /// with <c>SHA256:&lt;hex&gt;</c>), so any checksum answers 404. Compare digests of a download instead.
    /// </remarks>
    public virtual Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default) =>
        ExistsAsync(() => CheckImageAsync(image, null, cancellationToken));

    /// <summary>Whether <paramref name="image"/> has a label under <paramref name="tag"/> (HEAD; a 404 answers false).</summary>
    public virtual Task<bool> LabelExistsAsync(string image, string tag, CancellationToken cancellationToken = default) =>
        ExistsAsync(() => CheckLabelAsync(image, tag, cancellationToken));

    /// <summary>Downloads an image to <paramref name="directory"/> (default <see cref="ResultDirectory"/>) under the server's file name, made safe.</summary>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.NotFound"/> (404, <c>Image NOT Found or is a directory</c>) for an image that does not exist.
    /// </exception>
    public virtual async Task<SavedFile> DownloadImageToAsync(
        string image, string? directory = null, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var response = await DownloadImageAsync(image, cancellationToken).ConfigureAwait(false);
        return await SaveFileResponseAsync(response, directory, image, overwrite, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a label to <paramref name="directory"/> (the Python client's <c>download_label</c>), keeping its
    /// extension (<c>.nii.gz</c>); the server's file name is never used as a path.
    /// </summary>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.NotFound"/> (404, <c>Label NOT Found or is a directory</c>) for a label that does not exist.
    /// </exception>
    public virtual async Task<SavedFile> DownloadLabelToAsync(
        string label, string tag, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var response = await DownloadLabelAsync(label, tag, cancellationToken).ConfigureAwait(false);
        return await SaveFileResponseAsync(response, directory, label, overwrite, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads the datastore as a zip file (at most <paramref name="limitCases"/> cases when given).</summary>
    public virtual async Task<SavedFile> DownloadDatasetToAsync(
        int? limitCases = null, string? directory = null, bool overwrite = false, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var response = await DownloadDatasetAsync(limitCases, cancellationToken).ConfigureAwait(false);
        return await SaveFileResponseAsync(response, directory, "dataset.zip", overwrite, progress, cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>Converts a free-form answer (read by the generated code as a JSON token) into a typed model.</summary>
    private T ConvertAnswer<T>(object? answer, string what)
    {
        try
        {
            var token = answer as JToken ?? (answer == null ? JValue.CreateNull() : JToken.FromObject(answer));
            return token.ToObject<T>(Newtonsoft.Json.JsonSerializer.Create(JsonSerializerSettings))
                ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The server answered null for the {what}.");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The {what} has an unexpected shape: {e.Message}", e);
        }
    }
}
