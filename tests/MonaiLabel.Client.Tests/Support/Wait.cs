using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
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
