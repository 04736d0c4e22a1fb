using System.Threading;

namespace MonaiLabel.Client;

/// <summary>
/// The SDK's one <see cref="AsyncLocal{T}"/>: what the code running on this async flow belongs to. Two facts travel
/// this way because nothing else reaches where they are read: the public operation being traced
/// (<see cref="OperationScope"/>, read by the byte counting and task telemetry), and the attempt being written to a
/// connection (<see cref="ConnectionExchange"/>, read by the connection's own stream, which SocketsHttpHandler gives no
/// request). Values are immutable: entering one keeps the other, and leaving restores exactly what was there.
/// </summary>
internal sealed class AmbientCall
{
    private static readonly AsyncLocal<AmbientCall?> Current = new();

    private readonly OperationScope? _scope;
    private readonly ConnectionExchange? _exchange;

    private AmbientCall(OperationScope? scope, ConnectionExchange? exchange)
    {
        _scope = scope;
        _exchange = exchange;
    }

    /// <summary>The operation the calling code runs in, if it is being observed.</summary>
    public static OperationScope? Scope => Current.Value?._scope;

    /// <summary>The attempt being sent on this flow (set by <see cref="ReusedConnectionReplayHandler"/>).</summary>
    public static ConnectionExchange? Exchange => Current.Value?._exchange;

    /// <summary>The operation of a value <see cref="Enter(OperationScope)"/> answered.</summary>
    public static OperationScope? ScopeOf(AmbientCall call) => call._scope;

    /// <summary>Makes <paramref name="scope"/> current; answers what to hand to <see cref="Leave"/>.</summary>
    public static AmbientCall? Enter(OperationScope scope)
    {
        var previous = Current.Value;
        Current.Value = new AmbientCall(scope, previous?._exchange);
        return previous;
    }

    /// <summary>Makes <paramref name="exchange"/> current; answers what to hand to <see cref="Leave"/>.</summary>
    public static AmbientCall? Enter(ConnectionExchange exchange)
    {
        var previous = Current.Value;
        Current.Value = new AmbientCall(previous?._scope, exchange);
        return previous;
    }

    /// <summary>Restores what <see cref="Enter(OperationScope)"/> or <see cref="Enter(ConnectionExchange)"/> replaced.</summary>
    public static void Leave(AmbientCall? previous) => Current.Value = previous;
}
