using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// What the train, scoring and batch_infer routers share: status, stop and run answers, and the tasks' pacing.
internal sealed partial class EmulatorApp
{
    internal Task TaskStatus(Call c, TaskRunner runner)
    {
        var all = c.QueryBool("all", false);
        var checkIfRunning = c.QueryBool("check_if_running", false);
        c.Validate();
        var (result, detail) = runner.Status(all, checkIfRunning);
        if (result == null)
        {
            throw new HttpError(404, detail!);
        }

        return Responses.Json(c.Http, 200, result);
    }

    internal Task TaskStop(Call c, TaskRunner runner)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, runner.Stop());
    }

    internal async Task RunOne(Call c, TaskRunner runner, JsonObject request, JsonObject? parameters, bool runSync, bool enqueue)
    {
        var (result, detail) = await runner.RunAsync(request, parameters, runSync, enqueue, c.Http.RequestAborted).ConfigureAwait(false);
        if (detail != null)
        {
            throw new HttpError(429, detail);
        }

        await Responses.Json(c.Http, 200, result).ConfigureAwait(false);
    }

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
