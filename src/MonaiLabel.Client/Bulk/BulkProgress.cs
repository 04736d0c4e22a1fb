namespace MonaiLabel.Client;

/// <summary>
/// Where a bulk run stands, reported after every item: items done (succeeded, skipped, failed) out of
/// <see cref="Total"/>, and the bytes moved by this run.
/// </summary>
public sealed class BulkProgress
{
    /// <summary>Creates a snapshot.</summary>
    public BulkProgress(long? total, long succeeded, long skipped, long failed, long bytes)
    {
        Total = total;
        Succeeded = succeeded;
        Skipped = skipped;
        Failed = failed;
        Bytes = bytes;
    }

    /// <summary>The number of items of the run, when known before it ends (a list, a selection of server images).</summary>
    public long? Total { get; }

    /// <summary>Items this run did.</summary>
    public long Succeeded { get; }

    /// <summary>Items an earlier run had already done.</summary>
    public long Skipped { get; }

    /// <summary>Items that failed.</summary>
    public long Failed { get; }

    /// <summary>Items ended, whatever their outcome.</summary>
    public long Done => Succeeded + Skipped + Failed;

    /// <summary>Bytes uploaded or saved by this run (finished items).</summary>
    public long Bytes { get; }
}
