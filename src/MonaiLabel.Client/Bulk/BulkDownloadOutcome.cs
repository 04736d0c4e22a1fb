namespace MonaiLabel.Client;

/// <summary>The end of one image of <see cref="MonaiLabelClient.DownloadManyAsync"/>.</summary>
public sealed class BulkDownloadOutcome : BulkItemOutcome
{
    /// <summary>Creates an outcome (for test doubles; the client creates them).</summary>
    public BulkDownloadOutcome(
        string imageId, BulkItemStatus status, string? imagePath = null, string? labelPath = null, long bytes = 0, MonaiLabelClientException? error = null)
        : base(imageId, status, error)
    {
        ImagePath = imagePath;
        LabelPath = labelPath;
        Bytes = bytes;
    }

    /// <summary>The image file on disk (saved by this run or an earlier one).</summary>
    public string? ImagePath { get; }

    /// <summary>The label file on disk, when a tag was asked for and the image has a label under it.</summary>
    public string? LabelPath { get; }

    /// <summary>The bytes this run saved for the image (0 when skipped).</summary>
    public long Bytes { get; }
}
