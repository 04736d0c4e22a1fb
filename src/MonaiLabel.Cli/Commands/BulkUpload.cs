using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// <c>mlabel datastore upload PATH…</c> with folders or several files: every image file under them (recursively),
/// each as the id the server would derive (its name without all extensions), through the SDK's resumable bulk upload.
/// </summary>
internal static class BulkUpload
{
    // MONAI Label's own datastore extensions (MONAI_LABEL_DATASTORE_FILE_EXT, without its .xml annotations) and the
    // other formats its readers take. A file found in a folder with another extension is reported, not sent.
    private static readonly string[] ImageExtensions =
    {
        ".nii.gz", ".nii", ".nrrd", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".svs", ".ndpi", ".dcm", ".mha", ".mhd",
    };

    public static Task<int> RunAsync(
        ServerConnection server, IReadOnlyList<string> paths, IDictionary<string, object?>? info, bool overwrite, int concurrency, Output output,
        CancellationToken cancellationToken)
    {
        var (items, rejected) = Plan(paths);
        if (rejected.Count > 0 && !output.Json)
        {
            output.Cli.Note($"{rejected.Count} file(s) not sent (listed below as failed); the other {items.Count} are uploaded.");
        }

        return BulkDisplay.RunAsync(
            output, "upload",
            (progress, stop) => server.Client.UploadManyAsync(items, new BulkUploadOptions
            {
                MaxConcurrency = concurrency,
                Info = info,
                Progress = progress,
                StopToken = stop,
                SkipCompleted = !overwrite,
            }, cancellationToken),
            o => new JObject { ["path"] = o.Path, ["bytes"] = o.Bytes },
            cancellationToken,
            rejected);
    }

    /// <summary>
    /// The files to send and those refused before sending: a non-image file found in a folder, and every file whose
    /// id another file also has (never silently one image for two files).
    /// </summary>
    internal static (List<BulkUploadItem> Items, List<BulkUploadOutcome> Rejected) Plan(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var rejected = new List<BulkUploadOutcome>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Walk(path))
                {
                    if (IsImage(file))
                    {
                        files.Add(file);
                    }
                    else
                    {
                        rejected.Add(Refused(file, BulkUploadItem.ImageIdOf(file),
                            $"'{file}' is not an image file (known: {string.Join(" ", ImageExtensions)}); name it on the command line to send it anyway"));
                    }
                }
            }
            else
            {
                files.Add(path); // named on the command line: sent whatever its extension
            }
        }

        var items = new List<BulkUploadItem>(files.Count);
        foreach (var group in files.Distinct(StringComparer.Ordinal).GroupBy(BulkUploadItem.ImageIdOf, StringComparer.Ordinal))
        {
            var same = group.ToList();
            if (same.Count == 1)
            {
                items.Add(new BulkUploadItem(same[0], group.Key));
                continue;
            }

            foreach (var file in same)
            {
                rejected.Add(Refused(file, group.Key,
                    $"'{file}' and {same.Count - 1} other file(s) ({string.Join(", ", same.Where(f => f != file).Select(f => $"'{f}'"))}) give one image id '{group.Key}': " +
                    "none of them is sent; rename them, or upload each with 'mlabel datastore upload FILE --id ID'"));
            }
        }

        return (items, rejected);
    }

    internal static bool IsImage(string path) =>
        ImageExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    // Sorted, so that a run and its resume walk in the same order; hidden files and folders (.git, .DS_Store) are left out.
    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (!Path.GetFileName(sub).StartsWith('.'))
            {
                foreach (var file in Walk(sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static BulkUploadOutcome Refused(string path, string id, string reason) =>
        new(id.Length == 0 ? Path.GetFileName(path) : id, path, BulkItemStatus.Failed,
            error: new MonaiLabelClientException(MonaiLabelErrorKind.LocalFile, reason));
}
