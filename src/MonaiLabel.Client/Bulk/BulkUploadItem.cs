using System;
using System.IO;

namespace MonaiLabel.Client;

/// <summary>One file of <see cref="MonaiLabelClient.UploadManyAsync"/> and the image id to store it under.</summary>
public sealed class BulkUploadItem
{
    /// <summary>Uploads <paramref name="path"/> as <paramref name="imageId"/>.</summary>
    /// <exception cref="ArgumentException">The path or the id is empty.</exception>
    public BulkUploadItem(string path, string imageId)
    {
        Path = string.IsNullOrEmpty(path) ? throw new ArgumentException("A file path is required.", nameof(path)) : path;
        ImageId = string.IsNullOrEmpty(imageId) ? throw new ArgumentException("An image id is required.", nameof(imageId)) : imageId;
    }

    /// <summary>
    /// Uploads <paramref name="path"/> under the id the server itself would derive from its name: the file name without
    /// all its extensions, as the Python client does (<c>dir/case_1.nii.gz</c> → <c>case_1</c>).
    /// </summary>
    public static BulkUploadItem FromFile(string path) => new(path, ImageIdOf(path));

    /// <summary>The id the server derives from a file's name: the name without all its extensions.</summary>
    public static string ImageIdOf(string path) =>
        UploadFileName.ImageId(System.IO.Path.GetFileName(path ?? throw new ArgumentNullException(nameof(path))));

    /// <summary>The local file.</summary>
    public string Path { get; }

    /// <summary>The image id it is stored under.</summary>
    public string ImageId { get; }
}
