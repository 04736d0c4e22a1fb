using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

internal static class Wait
{
    /// <summary>Waits (polling) until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 5)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), "Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }
}
