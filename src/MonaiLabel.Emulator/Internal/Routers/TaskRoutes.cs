using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// What train.py, scoring.py and batch_infer.py each write out: their status, stop and run answers over AsyncTask.
internal static class TaskRoutes
{
    public static readonly Parameter<bool> All = Param.QueryBool("all", false);
    public static readonly Parameter<bool> CheckIfRunning = Param.QueryBool("check_if_running", false);
    public static readonly Parameter<bool> RunSync = Param.QueryBool("run_sync", false);

    /// <summary><c>GET</c>: the last task (or all), or 404 with the runner's detail.</summary>
    public static void MapStatus(Router r, string template, string role, TaskRunner runner) =>
        r.Add("GET", template, role, c => Status(c, runner), All, CheckIfRunning);

    /// <summary><c>DELETE</c>: the stopped task, or <c>null</c>.</summary>
    public static void MapStop(Router r, string template, string role, TaskRunner runner) =>
        r.Add("DELETE", template, role, c => Responses.Json(c.Http, 200, runner.Stop()));

    private static Task Status(Call c, TaskRunner runner)
    {
        var (result, detail) = runner.Status(c.Get(All), c.Get(CheckIfRunning));
        if (result == null)
        {
            throw new HttpError(404, detail!);
        }

        return Responses.Json(c.Http, 200, result);
    }

    /// <summary>One run: the task (or the sync result), or 429 when one already runs.</summary>
    public static async Task Run(Call c, TaskRunner runner, JsonObject request, JsonObject? parameters, bool runSync, bool enqueue)
    {
        var (result, detail) = await runner.RunAsync(request, parameters, runSync, enqueue, c.Http.RequestAborted).ConfigureAwait(false);
        if (detail != null)
        {
            throw new HttpError(429, detail);
        }

        await Responses.Json(c.Http, 200, result).ConfigureAwait(false);
    }
}
