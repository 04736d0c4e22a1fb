using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// batch_infer.py: GET/POST/DELETE /batch/infer, and the batch task's work.
internal sealed class BatchInferRouter(EmulatorApp app)
{
    /// <summary>The batch_infer router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/batch/infer", Access.Role, EmulatorRoles.User, BodyKind.None, c => app.TaskStatus(c, app.BatchInfer));
        r.Add("POST", "/batch/infer/{model}", Access.Role, EmulatorRoles.Admin, BodyKind.Json, RunBatchInfer);
        r.Add("DELETE", "/batch/infer", Access.Role, EmulatorRoles.Admin, BodyKind.None, c => app.TaskStop(c, app.BatchInfer));
    }

    private static readonly string[] BatchImages = { "all", "labeled", "unlabeled" };

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

    private Task RunBatchInfer(Call c)
    {
        var model = c.Path("model");
        var images = c.QueryEnum("images", BatchImages, "all")!;
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(DefaultBatchParams);
        c.Validate();
        return app.RunOne(c, app.BatchInfer, new JsonObject { ["model"] = model, ["images"] = images }, parameters, runSync, enqueue: false);
    }

    /// <summary>Infers every selected image and saves each label under <c>label_tag</c> (default original).</summary>
    internal async Task<JsonNode?> BatchInferWorkAsync(TaskContext ctx)
    {
        var request = ctx.Request;
        var selection = EmulatorApp.Str(request, "images") ?? "all";
        var images = selection switch
        {
            "labeled" => app.Datastore.GetLabeledImages(),
            "unlabeled" => app.Datastore.GetUnlabeledImages(),
            _ => app.Datastore.ListImages(),
        };
        images.Sort(StringComparer.Ordinal);
        var max = EmulatorApp.Long(request, "max_batch_size") ?? 0;
        if (max > 0)
        {
            images = images.Take((int)Math.Min(max, int.MaxValue)).ToList();
        }

        var labelTag = EmulatorApp.Str(request, "label_tag") ?? LocalDatastore.Original;
        ctx.Log($"Total number of images for batch inference: {images.Count}; Max Batch Size: {max}; Label Tag: {labelTag}");
        var result = new JsonObject();
        for (var i = 0; i < images.Count; i++)
        {
            await app.Step(1.0 / (images.Count + 1), ctx.CancellationToken).ConfigureAwait(false);
            var req = (JsonObject)PyJson.Clone(request)!;
            req["_id"] = i;
            req["_image_id"] = images[i];
            req["image"] = images[i];
            req["save_label"] = true;
            req["label_tag"] = labelTag;
            var outcome = await app.InferRouter.RunInferAsync(req, ctx.CancellationToken).ConfigureAwait(false);
            EmulatorApp.TryDelete(outcome.File);
            result[images[i]] = new JsonObject { ["label"] = outcome.LabelId, ["tag"] = outcome.Tag, ["params"] = outcome.Params };
            ctx.Log($"{i} => {images[i]} => cpu => {i + 1} / {images.Count}");
        }

        await app.Step(1.0 / (images.Count + 1), ctx.CancellationToken).ConfigureAwait(false);
        return result;
    }
}
