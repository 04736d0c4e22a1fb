using System;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// Time bounds for tests that prove a call ends (a timeout fires, a cancellation is honoured) rather than hangs.
/// They are far above the timeouts under test so a loaded 2-core CI machine cannot make them flaky; they are not
/// speed measurements (those live in tools/MonaiLabel.Benchmarks).
/// </summary>
internal static class TestTimes
{
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(15);
}
