using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// The app's batch infer: the batch task's work, the app's infer over the selected images.
internal sealed partial class EmulatorApp
{
    /// <summary>Infers every selected image and saves each label under <c>label_tag</c> (default original).</summary>
    internal async Task<JsonNode?> BatchInferWorkAsync(TaskContext ctx)
    {
        var request = ctx.Request;
        var selection = Str(request, "images") ?? "all";
        var images = selection switch
        {
            "labeled" => Datastore.GetLabeledImages(),
            "unlabeled" => Datastore.GetUnlabeledImages(),
            _ => Datastore.ListImages(),
        };
        images.Sort(StringComparer.Ordinal);
        var max = Long(request, "max_batch_size") ?? 0;
        if (max > 0)
        {
            images = images.Take((int)Math.Min(max, int.MaxValue)).ToList();
        }

        var labelTag = Str(request, "label_tag") ?? LocalDatastore.Original;
        ctx.Log($"Total number of images for batch inference: {images.Count}; Max Batch Size: {max}; Label Tag: {labelTag}");
        var result = new JsonObject();
        for (var i = 0; i < images.Count; i++)
        {
            await Step(1.0 / (images.Count + 1), ctx.CancellationToken).ConfigureAwait(false);
            var req = (JsonObject)PyJson.Clone(request)!;
            req["_id"] = i;
            req["_image_id"] = images[i];
            req["image"] = images[i];
            req["save_label"] = true;
            req["label_tag"] = labelTag;
            var outcome = await InferAsync(req, ctx.CancellationToken).ConfigureAwait(false);
            TryDelete(outcome.File);
            result[images[i]] = new JsonObject { ["label"] = outcome.LabelId, ["tag"] = outcome.Tag, ["params"] = outcome.Params };
            ctx.Log($"{i} => {images[i]} => cpu => {i + 1} / {images.Count}");
        }

        await Step(1.0 / (images.Count + 1), ctx.CancellationToken).ConfigureAwait(false);
        return result;
    }
}
