using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// What the train, scoring and batch-infer work share: the tasks' pacing and reading their request.
internal sealed partial class EmulatorApp
{
    /// <summary>Waits <paramref name="fraction"/> of the task duration.</summary>
    internal Task Step(double fraction, CancellationToken cancellationToken)
    {
        var ms = Options.TaskDuration.TotalMilliseconds * fraction;
        return ms <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(ms), cancellationToken);
    }

    internal static string? Str(JsonObject request, string key) =>
        request[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static long? Long(JsonObject request, string key) =>
        request[key] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;
}
