using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>What one poll of <see cref="BackgroundTaskOperation.WaitForCompletionAsync(System.TimeSpan, System.IProgress{BackgroundTaskProgress}?, System.Threading.CancellationToken)"/> found.</summary>
public sealed class BackgroundTaskProgress
{
    internal BackgroundTaskProgress(BackgroundTask task, IReadOnlyList<string> newLines, int? epoch, int? totalEpochs)
    {
        Task = task;
        NewLines = newLines;
        Epoch = epoch;
        TotalEpochs = totalEpochs;
    }

    /// <summary>The task as the server reported it.</summary>
    public BackgroundTask Task { get; }

    /// <summary>The task's output lines not reported before (the server keeps only the last ones).</summary>
    public IReadOnlyList<string> NewLines { get; }

    /// <summary>The latest epoch the output mentions (<c>Epoch: 3/10</c>), or null.</summary>
    public int? Epoch { get; }

    /// <summary>The number of epochs the output mentions, or null.</summary>
    public int? TotalEpochs { get; }
}
