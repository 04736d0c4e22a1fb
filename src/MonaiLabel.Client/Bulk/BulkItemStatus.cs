namespace MonaiLabel.Client;

/// <summary>How one item of a bulk run ended.</summary>
public enum BulkItemStatus
{
    /// <summary>The work was done by this run (the outcome carries its result).</summary>
    Succeeded,

    /// <summary>Nothing was sent: an earlier run already did it (result file present, label or image already on the server).</summary>
    Skipped,

    /// <summary>The item failed; <see cref="BulkItemOutcome.Error"/> says why. The run went on with the other items.</summary>
    Failed,
}
