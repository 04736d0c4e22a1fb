namespace MonaiLabel.Client;

/// <summary>The server's three kinds of background task; one of each runs at a time.</summary>
public enum BackgroundTaskKind
{
    /// <summary>Training (<c>/train/</c>).</summary>
    Training,

    /// <summary>Scoring (<c>/scoring/</c>).</summary>
    Scoring,

    /// <summary>Batch inference (<c>/batch/infer/</c>).</summary>
    BatchInfer,
}
