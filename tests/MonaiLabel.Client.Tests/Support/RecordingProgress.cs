using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// An <see cref="ITransferProgress"/> that records each report synchronously (Progress&lt;T&gt; would post them
/// later): the byte counts, and every call in order as <see cref="Events"/> ("total N", "bytes N").
/// </summary>
internal sealed class RecordingProgress : ITransferProgress
{
    private readonly Action<long>? _onReport;
    private readonly ConcurrentQueue<long> _reports = new();
    private readonly ConcurrentQueue<string> _events = new();

    public RecordingProgress(Action<long>? onReport = null)
    {
        _onReport = onReport;
    }

    public IReadOnlyList<long> Reports => _reports.ToArray();

    public IReadOnlyList<string> Events => _events.ToArray();

    public void ReportTotal(long totalBytes) => _events.Enqueue("total " + totalBytes);

    public void Report(long value)
    {
        _reports.Enqueue(value);
        _events.Enqueue("bytes " + value);
        _onReport?.Invoke(value);
    }

    /// <summary>Reports only grow and end at <paramref name="total"/>.</summary>
    public void AssertReached(long total)
    {
        var reports = Reports;
        Assert.NotEmpty(reports);
        Assert.Equal(total, reports[reports.Count - 1]);
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i] > reports[i - 1], "Progress went backwards: " + string.Join(", ", reports));
        }
    }
}
