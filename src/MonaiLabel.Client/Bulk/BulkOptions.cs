using System;
using System.Threading;

namespace MonaiLabel.Client;

/// <summary>What every bulk run takes: how many items at once, where progress goes, and how to stop it gently.</summary>
public abstract class BulkOptions
{
    private int _maxConcurrency = 4;

    /// <summary>
    /// Items worked on at once (default 4, at most 64). MONAI Label serves infers one after another, so more than 2
    /// rarely speeds up an infer run; uploads gain up to the server's CPU.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 1 and 64.</exception>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value is >= 1 and <= 64 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrency must be between 1 and 64.");
    }

    /// <summary>Told where the run stands after each item (on the thread that enumerates the outcomes).</summary>
    public IProgress<BulkProgress>? Progress { get; set; }

    /// <summary>
    /// A gentle stop (a first Ctrl+C): once cancelled no new item starts; the items in flight finish and their
    /// outcomes are streamed, then the enumeration ends. The method's own CancellationToken aborts the items in
    /// flight instead (nothing partial is left: result files are written atomically).
    /// </summary>
    public CancellationToken StopToken { get; set; }

    /// <summary>Skip an item an earlier run already did (default true): what makes a run resumable.</summary>
    public bool SkipCompleted { get; set; } = true;
}
