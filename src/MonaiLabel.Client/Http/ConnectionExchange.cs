using System.Threading;

namespace MonaiLabel.Client;

/// <summary>
/// What the socket saw of one attempt to send a request: did it ride a connection that had already carried an
/// earlier request, and did any byte come back after the request was written. Set by
/// <see cref="ReusedConnectionReplayHandler"/>, filled in by <c>ExchangeTrackingStream</c> (net8.0: the
/// stream of every pooled connection, installed by the socket handler's PlaintextStreamFilter).
/// </summary>
internal sealed class ConnectionExchange
{
    /// <summary>
    /// The attempt in flight on this async flow (<see cref="AmbientCall.Exchange"/>). SocketsHttpHandler writes an
    /// HTTP/1.1 request on the caller's flow, so the connection's stream sees the value set by the handler above it.
    /// </summary>
    internal static ConnectionExchange? Current => AmbientCall.Exchange;

    private int _written;
    private int _reused;
    private int _answered;

    /// <summary>The request was (at least partly) written to a connection.</summary>
    public bool Written => Volatile.Read(ref _written) != 0;

    /// <summary>That connection had carried an earlier exchange (it came from the pool).</summary>
    public bool Reused => Volatile.Read(ref _reused) != 0;

    /// <summary>At least one byte arrived on that connection after the request was written.</summary>
    public bool Answered => Volatile.Read(ref _answered) != 0;

    public void MarkWritten(bool reusedConnection)
    {
        if (Interlocked.Exchange(ref _written, 1) == 0 && reusedConnection)
        {
            Volatile.Write(ref _reused, 1);
        }
    }

    public void MarkAnswered() => Volatile.Write(ref _answered, 1);
}
