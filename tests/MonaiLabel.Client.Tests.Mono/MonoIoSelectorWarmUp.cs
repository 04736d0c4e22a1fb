using System.Net;
using System.Net.Sockets;

namespace MonaiLabel.Client.Tests.Mono;

/// <summary>
/// Starts Mono's I/O selector thread before any test runs, with one asynchronous accept on a loopback listener made
/// and finished on the calling thread. Why (issue 21): Mono 6.8 creates that thread lazily, on the process's first
/// asynchronous socket call (<c>IOSelector.Add</c> → <c>mono_lazy_initialize</c> in threadpool-io.c). A second thread
/// making its own first socket call meanwhile spins in <c>sched_yield</c> inside the runtime without a GC safepoint.
/// When a collection starts at that moment (tests allocate), Mono's default hybrid suspend waits for the spinning
/// thread, which waits for the creating thread, which the collector has already suspended: the process stands still
/// for ever (native stacks with Debian's mono-runtime-dbg symbols in README.md). No SDK code is on those stacks; the
/// test suite, whose first test classes start a server and clients on several threads at once while another test
/// allocates, met it in ~7% of short runs. <c>-no-io-warmup</c> leaves the selector to the tests, to reproduce it
/// (tools/mono-suspend-stress.sh).
/// </summary>
internal static class MonoIoSelectorWarmUp
{
    public static void Run()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            // Nothing is waiting to be accepted yet, so Mono hands the accept to the I/O selector, creating it.
            var accepting = listener.BeginAcceptSocket(null, null);
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            using var accepted = listener.EndAcceptSocket(accepting);
        }
        finally
        {
            listener.Stop();
        }
    }
}
