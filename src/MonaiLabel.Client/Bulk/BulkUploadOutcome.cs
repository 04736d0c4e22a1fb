namespace MonaiLabel.Client;

/// <summary>The end of one file of <see cref="MonaiLabelClient.UploadManyAsync"/>.</summary>
public sealed class BulkUploadOutcome : BulkItemOutcome
{
    /// <summary>Creates an outcome (for test doubles; the client creates them).</summary>
    public BulkUploadOutcome(
        string imageId, string path, BulkItemStatus status, long bytes = 0, AddImageResult? result = null, MonaiLabelClientException? error = null)
        : base(imageId, status, error)
    {
        Path = path;
        Bytes = bytes;
        Result = result;
    }

    /// <summary>The local file.</summary>
    public string Path { get; }

    /// <summary>The bytes sent for this file (0 when skipped or failed before sending).</summary>
    public long Bytes { get; }

    /// <summary>The server's answer, when this run uploaded the file.</summary>
    public AddImageResult? Result { get; }
}
