using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>An <see cref="IProgress{T}"/> that records each report synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<long>
{
    private readonly Action<long>? _onReport;
    private readonly ConcurrentQueue<long> _reports = new();

    public RecordingProgress(Action<long>? onReport = null)
    {
        _onReport = onReport;
    }

    public IReadOnlyList<long> Reports => _reports.ToArray();

    public void Report(long value)
    {
        _reports.Enqueue(value);
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
