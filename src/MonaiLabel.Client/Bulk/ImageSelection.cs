using System;
using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Client;

/// <summary>Which datastore images a bulk run works on: a list of ids, every image, or the images without a label of a tag.</summary>
public sealed class ImageSelection
{
    private ImageSelection(IReadOnlyList<string>? ids, string? withoutLabel)
    {
        Ids = ids;
        WithoutLabelTag = withoutLabel;
    }

    /// <summary>Every image of the datastore (as listed when the run starts).</summary>
    public static ImageSelection All { get; } = new(null, null);

    /// <summary>The given image ids, in order; a repeated id is worked on once.</summary>
    /// <exception cref="ArgumentException">An id is null or empty.</exception>
    public static ImageSelection FromIds(IEnumerable<string> imageIds)
    {
        if (imageIds == null)
        {
            throw new ArgumentNullException(nameof(imageIds));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var id in imageIds)
        {
            if (string.IsNullOrEmpty(id))
            {
                throw new ArgumentException("An image id is null or empty.", nameof(imageIds));
            }

            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return new ImageSelection(ids, null);
    }

    /// <summary>The images that have no label under <paramref name="tag"/> when the run starts.</summary>
    public static ImageSelection WithoutLabel(string tag) =>
        new(null, string.IsNullOrEmpty(tag) ? throw new ArgumentException("A label tag is required.", nameof(tag)) : tag);

    /// <summary>The ids given to <see cref="FromIds"/>; null for a selection made on the server's listing.</summary>
    public IReadOnlyList<string>? Ids { get; }

    /// <summary>The tag of <see cref="WithoutLabel"/>; null otherwise.</summary>
    public string? WithoutLabelTag { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Ids != null ? $"{Ids.Count} image ids" : WithoutLabelTag != null ? $"images without a '{WithoutLabelTag}' label" : "all images";

    internal IEnumerable<string> Select(Datastore listing) =>
        (listing.Objects ?? new Dictionary<string, ImageEntry>())
            .Where(kv => WithoutLabelTag == null || kv.Value?.Labels == null || !kv.Value.Labels.ContainsKey(WithoutLabelTag))
            .Select(kv => kv.Key)
            .OrderBy(id => id, StringComparer.Ordinal);
}
