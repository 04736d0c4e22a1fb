namespace MonaiLabel.Client;

/// <summary>A file the SDK saved from a server answer: where it went and what the server called it.</summary>
public sealed class SavedFile
{
    /// <summary>Creates a description of a saved file.</summary>
    public SavedFile(string path, string? rawFileName, string? contentType, long length)
    {
        Path = path;
        RawFileName = rawFileName;
        ContentType = contentType;
        Length = length;
    }

    /// <summary>The full path of the file, always inside the directory the caller chose.</summary>
    public string Path { get; }

    /// <summary>The (safe) name the file was saved under.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// The file name the server suggested, exactly as sent (never used as a path), or null when it sent none. For an
    /// infer result this is the server's temporary name (<c>tmp0rbjqoff.nii.gz</c>), of which only the extension is
    /// used: the file is saved under a predictable name (see <see cref="InferRequest.ResultFileName"/>).
    /// </summary>
    public string? RawFileName { get; }

    /// <summary>The content type the server declared for the file, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The number of bytes saved.</summary>
    public long Length { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
