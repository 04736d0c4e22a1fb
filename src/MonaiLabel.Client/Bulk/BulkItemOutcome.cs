namespace MonaiLabel.Client;

/// <summary>The end of one item of a bulk run: which image, how it ended and, when it failed, why.</summary>
public abstract class BulkItemOutcome
{
    /// <summary>Creates an outcome.</summary>
    protected BulkItemOutcome(string imageId, BulkItemStatus status, MonaiLabelClientException? error)
    {
        ImageId = imageId;
        Status = status;
        Error = error;
    }

    /// <summary>The image id the item is about.</summary>
    public string ImageId { get; }

    /// <summary>How the item ended.</summary>
    public BulkItemStatus Status { get; }

    /// <summary>Why the item failed (<see cref="BulkItemStatus.Failed"/>); null otherwise.</summary>
    public MonaiLabelClientException? Error { get; }
}
