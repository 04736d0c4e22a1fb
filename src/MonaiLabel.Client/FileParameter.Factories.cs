using System;
using System.IO;

namespace MonaiLabel.Client;

/// <summary>A file to upload: a stream, the file name sent to the server, and its content type.</summary>
/// <remarks>Hand-written half of the generated class: ways to build an upload that streams from disk.</remarks>
public partial class FileParameter
{
    private const int UploadBufferSize = 81920;

    /// <summary>
    /// An upload streamed from <paramref name="path"/> (never read into memory). <see cref="FileName"/> is the file's
    /// own name; the name sent is that name made ASCII-safe, keeping multi-part extensions such as <c>.nii.gz</c>
    /// (the server reads only the plain <c>filename=</c> of a part and takes the image format from its extension).
    /// An image uploaded without an id is still stored under the file's own stem (<c>名前.nii.gz</c> → <c>名前</c>):
    /// when the ASCII name would give another, the SDK sends that id. The stream is closed once sent; it is seekable,
    /// so a request reset on a dropped pooled connection can be sent again from the start (SECURITY.md).
    /// </summary>
    /// <param name="path">The file to send.</param>
    /// <param name="contentType">The part's content type; default <c>application/octet-stream</c>.</param>
    /// <param name="progress">Told the number of bytes sent so far (the total is the file's length).</param>
    public static FileParameter FromFile(string path, string? contentType = null, IProgress<long>? progress = null)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A file path is required.", nameof(path));
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, UploadBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (progress != null)
        {
            stream = new ProgressStream(stream, progress);
        }

        return new FileParameter(stream, Path.GetFileName(path), contentType ?? "application/octet-stream");
    }

    /// <summary>
    /// An upload streamed from <paramref name="stream"/>, sent as <paramref name="fileName"/> (made ASCII-safe on the
    /// wire, extension kept; an image without an id keeps the stem of <paramref name="fileName"/>, as with
    /// <see cref="FromFile"/>). The stream is read from its current position and closed once sent.
    /// </summary>
    /// <param name="stream">The bytes to send.</param>
    /// <param name="fileName">The name to send (the server keeps its extension).</param>
    /// <param name="contentType">The part's content type; default <c>application/octet-stream</c>.</param>
    /// <param name="progress">Told the number of bytes sent so far.</param>
    public static FileParameter FromStream(Stream stream, string fileName, string? contentType = null, IProgress<long>? progress = null)
    {
        if (stream == null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return new FileParameter(
            progress == null ? stream : new ProgressStream(stream, progress), fileName, contentType ?? "application/octet-stream");
    }
}
