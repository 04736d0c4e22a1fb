using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Bulk work: many images at once, bounded concurrency, one outcome per item, resumable (Bulk/).
public partial class MonaiLabelClient
{
    /// <summary>
    /// Runs <paramref name="model"/> on every image of <paramref name="images"/>, at most
    /// <see cref="BulkOptions.MaxConcurrency"/> at once, and streams one outcome per image as each ends. One bad
    /// image never ends the run: its outcome is <see cref="BulkItemStatus.Failed"/> with the typed error. Results
    /// are saved as <c>{image}_{model}</c> plus the server's extension in <see cref="BulkInferOptions.ResultDirectory"/>;
    /// with <see cref="BulkInferOptions.SaveAsTag"/> each is also saved on the server as a label under that tag.
    /// Run it again to resume: an image whose result file is there (or, with a tag, whose label is on the server) is
    /// skipped (<see cref="BulkOptions.SkipCompleted"/>).
    /// </summary>
    /// <param name="model">The model to run.</param>
    /// <param name="images">Which images: <see cref="ImageSelection.FromIds"/>, <see cref="ImageSelection.All"/>, <see cref="ImageSelection.WithoutLabel"/>.</param>
    /// <param name="options">Concurrency, progress, gentle stop, where results go, the write-back tag.</param>
    /// <param name="cancellationToken">
    /// Aborts the items in flight (their result files are not left half-written) and ends the enumeration with an
    /// <see cref="OperationCanceledException"/>; finished items stay saved. See <see cref="BulkOptions.StopToken"/> for a gentle stop.
    /// </param>
    /// <exception cref="MonaiLabelClientException">The datastore listing a selection needs could not be read (thrown when enumerating).</exception>
    public virtual IAsyncEnumerable<BulkInferOutcome> InferManyAsync(
        string model, ImageSelection images, BulkInferOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(model))
        {
            throw new ArgumentException("A model is required.", nameof(model));
        }

        if (images == null)
        {
            throw new ArgumentNullException(nameof(images));
        }

        options ??= new BulkInferOptions();
        return InferManyCoreAsync(model, images, options, options.ResultDirectory ?? Settings.ResultDirectory, cancellationToken);
    }

    /// <summary>
    /// Uploads every file of <paramref name="files"/> as an image, at most <see cref="BulkOptions.MaxConcurrency"/>
    /// at once, each streamed from disk, and streams one outcome per file as each ends. A file that cannot be read or
    /// that the server refuses is a failed outcome; the run goes on. Run it again to resume: a file whose image id is
    /// already on the server (listed once when the run starts) is skipped (<see cref="BulkOptions.SkipCompleted"/>).
    /// <paramref name="files"/> is read lazily, item by item.
    /// </summary>
    /// <param name="files">The files and their image ids (<see cref="BulkUploadItem.FromFile"/>: the id the server would derive).</param>
    /// <param name="options">Concurrency, progress, gentle stop, the info stored with each image.</param>
    /// <param name="cancellationToken">Aborts the uploads in flight (the server stores nothing of an aborted one) and ends the enumeration.</param>
    /// <exception cref="MonaiLabelClientException">The datastore listing could not be read (thrown when enumerating).</exception>
    public virtual IAsyncEnumerable<BulkUploadOutcome> UploadManyAsync(
        IEnumerable<BulkUploadItem> files, BulkUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (files == null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        return UploadManyCoreAsync(files, options ?? new BulkUploadOptions(), cancellationToken);
    }

    private async IAsyncEnumerable<BulkInferOutcome> InferManyCoreAsync(
        string model, ImageSelection images, BulkInferOptions options, string directory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = images.Ids ?? images.Select(await GetDatastoreAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var outcomes = BulkRunner.RunAsync(
            ids, (id, ct) => InferOneAsync(model, id, options, directory, ct), options,
            o => o.Result?.Files.Sum(f => f.Length) ?? 0, ids.Count, cancellationToken);
        await foreach (var outcome in outcomes.ConfigureAwait(false))
        {
            yield return outcome;
        }
    }

    private async Task<BulkInferOutcome> InferOneAsync(string model, string imageId, BulkInferOptions options, string directory, CancellationToken cancellationToken)
    {
        try
        {
            var tag = string.IsNullOrEmpty(options.SaveAsTag) ? null : options.SaveAsTag;
            if (options.SkipCompleted && tag != null && await LabelExistsAsync(imageId, tag, cancellationToken).ConfigureAwait(false))
            {
                return new BulkInferOutcome(imageId, BulkItemStatus.Skipped);
            }

            var resultPath = options.SkipCompleted ? ResultFiles.Find(directory, InferResultNames.Default(model, imageId).NameFor(0, null)) : null;
            InferResult? result = null;
            if (resultPath == null)
            {
                result = await InferAsync(model, new InferRequest
                {
                    ImageId = imageId,
                    Params = options.Params,
                    ResultDirectory = directory,
                    Overwrite = true, // a file left by an earlier run is the same result: replace it, never number it
                }, cancellationToken).ConfigureAwait(false);
                resultPath = result.Label?.Path;
            }
            else if (tag == null)
            {
                return new BulkInferOutcome(imageId, BulkItemStatus.Skipped, resultPath);
            }

            if (tag == null)
            {
                return new BulkInferOutcome(imageId, BulkItemStatus.Succeeded, resultPath, result);
            }

            if (resultPath == null)
            {
                throw new MonaiLabelClientException(
                    MonaiLabelErrorKind.InvalidResponse, $"model '{model}' answered without a label file, so there is nothing to save under tag '{tag}'");
            }

            var saved = await UploadLabelAsync(imageId, FileParameter.FromFile(resultPath), tag, LabelInfo(model, result?.Params), cancellationToken)
                .ConfigureAwait(false);
            return new BulkInferOutcome(imageId, BulkItemStatus.Succeeded, resultPath, result, saved);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && BulkRunner.Failure(e, "result file") is { } error)
        {
            return new BulkInferOutcome(imageId, BulkItemStatus.Failed, error: error);
        }
    }

    // The params 3D Slicer saves a label with: label_info [{name, idx}] (from the answer's label_names) and the model.
    private static Dictionary<string, object?> LabelInfo(string model, JObject? resultParams)
    {
        var info = new Dictionary<string, object?> { ["model"] = model };
        if (resultParams?["label_names"] is JObject names)
        {
            info["label_info"] = names.Properties().Select(p => new Dictionary<string, object?> { ["name"] = p.Name, ["idx"] = p.Value }).ToList();
        }
        else if (resultParams?["label_names"] is JArray list)
        {
            info["label_info"] = list.Select((name, i) => new Dictionary<string, object?> { ["name"] = name, ["idx"] = i + 1 }).ToList();
        }

        return info;
    }

    private async IAsyncEnumerable<BulkUploadOutcome> UploadManyCoreAsync(
        IEnumerable<BulkUploadItem> files, BulkUploadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One listing at the start rather than a HEAD per file: the server's work stays one request per upload.
        HashSet<string>? existing = null;
        if (options.SkipCompleted)
        {
            var listing = await GetDatastoreAsync(cancellationToken).ConfigureAwait(false);
            existing = new HashSet<string>(listing.Objects?.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        }

        long? total = files switch
        {
            ICollection<BulkUploadItem> c => c.Count,
            IReadOnlyCollection<BulkUploadItem> r => r.Count,
            _ => null,
        };
        var outcomes = BulkRunner.RunAsync(files, (item, ct) => UploadOneAsync(item, options, existing, ct), options, o => o.Bytes, total, cancellationToken);
        await foreach (var outcome in outcomes.ConfigureAwait(false))
        {
            yield return outcome;
        }
    }

    private async Task<BulkUploadOutcome> UploadOneAsync(BulkUploadItem item, BulkUploadOptions options, HashSet<string>? existing, CancellationToken cancellationToken)
    {
        if (item == null)
        {
            throw new ArgumentException("A file of the bulk upload is null.", nameof(item));
        }

        if (existing != null && existing.Contains(item.ImageId))
        {
            return new BulkUploadOutcome(item.ImageId, item.Path, BulkItemStatus.Skipped);
        }

        try
        {
            var length = new FileInfo(item.Path).Length;
            var result = await UploadImageAsync(FileParameter.FromFile(item.Path), item.ImageId, options.Info, cancellationToken).ConfigureAwait(false);
            return new BulkUploadOutcome(item.ImageId, item.Path, BulkItemStatus.Succeeded, length, result);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && BulkRunner.Failure(e, "file " + item.Path) is { } error)
        {
            return new BulkUploadOutcome(item.ImageId, item.Path, BulkItemStatus.Failed, error: error);
        }
    }
}
