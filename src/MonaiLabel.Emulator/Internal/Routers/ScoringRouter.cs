using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// scoring.py: GET/POST/DELETE /scoring/ and POST /scoring/{method}, over the app's scoring task.
internal sealed class ScoringRouter(EmulatorApp app)
{
    private static readonly Parameter<string> Method = Param.Path("method");
    private static readonly Parameter<JsonObject?> Params = Param.BodyDict("params", () => null);

    /// <summary>The scoring router.</summary>
    public void Map(Router r)
    {
        TaskRoutes.MapStatus(r, "/scoring/", EmulatorRoles.User, app.Scoring);
        r.Add("POST", "/scoring/", EmulatorRoles.Annotator, RunScoringAll, TaskRoutes.RunSync, Params);
        r.Add("POST", "/scoring/{method}", EmulatorRoles.Annotator, RunScoring, Method, TaskRoutes.RunSync, Params);
        TaskRoutes.MapStop(r, "/scoring/", EmulatorRoles.Annotator, app.Scoring);
    }

    private Task RunScoring(Call c) =>
        TaskRoutes.Run(c, app.Scoring, new JsonObject { ["method"] = c.Get(Method) }, c.Get(Params), c.Get(TaskRoutes.RunSync), enqueue: false);

    private async Task RunScoringAll(Call c)
    {
        var answer = await app.Scoring.RunEachAsync("method", EmulatorApp.ScoringMethods.Keys, c.Get(Params), c.Get(TaskRoutes.RunSync), c.Http.RequestAborted).ConfigureAwait(false);
        await Responses.Json(c.Http, 200, answer).ConfigureAwait(false);
    }
}
