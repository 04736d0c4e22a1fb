using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// train.py: GET/POST/DELETE /train/ and POST /train/{model}, over the app's train task.
internal sealed class TrainRouter(EmulatorApp app)
{
    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<bool> Enqueue = Param.QueryBool("enqueue", false);
    private static readonly Parameter<JsonObject?> Params = Param.BodyDict("params", () => null);

    /// <summary>The train router.</summary>
    public void Map(Router r)
    {
        TaskRoutes.MapStatus(r, "/train/", EmulatorRoles.User, app.Train);
        r.Add("POST", "/train/", EmulatorRoles.Admin, RunTrainAll, TaskRoutes.RunSync, Params);
        r.Add("POST", "/train/{model}", EmulatorRoles.Admin, RunTrain, Model, TaskRoutes.RunSync, Enqueue, Params);
        TaskRoutes.MapStop(r, "/train/", EmulatorRoles.Admin, app.Train);
    }

    private Task RunTrain(Call c) =>
        TaskRoutes.Run(c, app.Train, new JsonObject { ["model"] = c.Get(Model) }, c.Get(Params), c.Get(TaskRoutes.RunSync), c.Get(Enqueue));

    private async Task RunTrainAll(Call c)
    {
        var names = app.Trainers.Select(m => m.Name);
        var answer = await app.Train.RunEachAsync("model", names, c.Get(Params), c.Get(TaskRoutes.RunSync), c.Http.RequestAborted).ConfigureAwait(false);
        await Responses.Json(c.Http, 200, answer).ConfigureAwait(false);
    }
}
