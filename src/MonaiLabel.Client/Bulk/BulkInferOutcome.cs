namespace MonaiLabel.Client;

/// <summary>The end of one image of <see cref="MonaiLabelClient.InferManyAsync"/>.</summary>
public sealed class BulkInferOutcome : BulkItemOutcome
{
    /// <summary>Creates an outcome (for test doubles; the client creates them).</summary>
    public BulkInferOutcome(
        string imageId, BulkItemStatus status, string? resultPath = null, InferResult? result = null, SaveLabelResult? savedLabel = null,
        MonaiLabelClientException? error = null)
        : base(imageId, status, error)
    {
        ResultPath = resultPath;
        Result = result;
        SavedLabel = savedLabel;
    }

    /// <summary>
    /// The saved result label on disk: the one this run wrote, or the one an earlier run left (then <see cref="Result"/>
    /// is null). Null when the item failed or was skipped because its label already exists under the tag.
    /// </summary>
    public string? ResultPath { get; }

    /// <summary>The infer answer, when this run ran the model; null when an earlier run's result file was reused.</summary>
    public InferResult? Result { get; }

    /// <summary>The server's answer to the write-back of the result (<see cref="BulkInferOptions.SaveAsTag"/>), when one was made.</summary>
    public SaveLabelResult? SavedLabel { get; }
}
