using System;
using System.ComponentModel;
using Newtonsoft.Json;

namespace MonaiLabel.Client;

/// <summary>
/// The state of a background task (<see cref="BackgroundTask.Status"/>). The states MONAI Label sets are named here;
/// any other value a server sends is kept as it came (an extensible enum, in the Azure SDK's manner: a new state on
/// the server is a value, never an exception). Compared without regard to case; converts from a string, so
/// <c>task.Status == "DONE"</c> still reads.
/// </summary>
[JsonConverter(typeof(BackgroundTaskStateJsonConverter))]
public readonly struct BackgroundTaskState : IEquatable<BackgroundTaskState>
{
    private readonly string? _value;

    /// <summary>A state with the wire value <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public BackgroundTaskState(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary><c>SUBMITTED</c>: queued, not started yet.</summary>
    public static BackgroundTaskState Submitted { get; } = new("SUBMITTED");

    /// <summary><c>RUNNING</c>: its process runs.</summary>
    public static BackgroundTaskState Running { get; } = new("RUNNING");

    /// <summary><c>DONE</c>: its process ended with exit code 0.</summary>
    public static BackgroundTaskState Done { get; } = new("DONE");

    /// <summary><c>ERROR</c>: its process ended with another exit code.</summary>
    public static BackgroundTaskState Error { get; } = new("ERROR");

    /// <summary><c>STOPPED</c>: stopped by a request (the stop operations).</summary>
    public static BackgroundTaskState Stopped { get; } = new("STOPPED");

    /// <summary>Whether this is one of the states in which a task has ended: DONE, ERROR or STOPPED.</summary>
    public bool IsFinal => Equals(Done) || Equals(Error) || Equals(Stopped);

    /// <summary>The state as a string.</summary>
    public static implicit operator BackgroundTaskState(string value) => new(value);

    /// <summary>Whether the two states are the same (case-insensitive).</summary>
    public static bool operator ==(BackgroundTaskState left, BackgroundTaskState right) => left.Equals(right);

    /// <summary>Whether the two states differ (case-insensitive).</summary>
    public static bool operator !=(BackgroundTaskState left, BackgroundTaskState right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(BackgroundTaskState other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is BackgroundTaskState other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => _value == null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value, as the server sent it.</summary>
    public override string ToString() => _value ?? string.Empty;
}
