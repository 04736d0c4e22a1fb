using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// batch_infer.py: GET/POST/DELETE /batch/infer, over the app's batch-infer task.
internal sealed class BatchInferRouter(EmulatorApp app)
{
    private static readonly string[] BatchImages = { "all", "labeled", "unlabeled" };

    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<string?> Images = Param.QueryEnum("images", BatchImages, "all");
    private static readonly Parameter<JsonObject?> Params = Param.BodyDict("params", DefaultBatchParams);

    /// <summary>The batch_infer router.</summary>
    public void Map(Router r)
    {
        TaskRoutes.MapStatus(r, "/batch/infer", EmulatorRoles.User, app.BatchInfer);
        r.Add("POST", "/batch/infer/{model}", EmulatorRoles.Admin, RunBatchInfer, Model, Images, TaskRoutes.RunSync, Params);
        TaskRoutes.MapStop(r, "/batch/infer", EmulatorRoles.Admin, app.BatchInfer);
    }

    private static JsonObject DefaultBatchParams() => new()
    {
        ["device"] = "cuda",
        ["multi_gpu"] = true,
        ["gpus"] = "all",
        ["logging"] = "WARNING",
        ["save_label"] = true,
        ["label_tag"] = "original",
        ["max_workers"] = 1,
        ["max_batch_size"] = 0,
    };

    private Task RunBatchInfer(Call c) =>
        TaskRoutes.Run(c, app.BatchInfer, new JsonObject { ["model"] = c.Get(Model), ["images"] = c.Get(Images) }, c.Get(Params), c.Get(TaskRoutes.RunSync), enqueue: false);
}
