using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// The app's scoring methods: the scoring task's work (dice of the original label against the final one) and the
// automatic scoring (MONAI_LABEL_AUTO_UPDATE_SCORING).
internal sealed partial class EmulatorApp
{
    internal static readonly Dictionary<string, string> ScoringMethods = new(StringComparer.Ordinal)
    {
        ["dice"] = "Dice of the original (predicted) label against the final one (emulated)",
    };

    /// <summary>Runs every scoring method in the background (MONAI_LABEL_AUTO_UPDATE_SCORING).</summary>
    internal async Task AutoScoringAsync()
    {
        foreach (var method in ScoringMethods.Keys)
        {
            await Scoring.RunAsync(new JsonObject { ["method"] = method }, null, forceSync: false, enqueue: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Dice between the <c>y</c> (final) and <c>y_pred</c> (original) labels of every image that has both;
    /// each score goes into the image's info as <c>dice</c>.</summary>
    internal async Task<JsonNode?> ScoringWorkAsync(TaskContext ctx)
    {
        var request = ctx.Request;
        var method = Str(request, "method");
        if (string.IsNullOrEmpty(method))
        {
            throw new AppError("Method is not provided for Scoring Task");
        }

        if (!ScoringMethods.ContainsKey(method))
        {
            throw new AppError($"Scoring Task is not Initialized. There is no such scoring method '{method}' available");
        }

        var tagY = request.ContainsKey("y") ? Str(request, "y") : LocalDatastore.Final;
        var tagPred = request.ContainsKey("y_pred") ? Str(request, "y_pred") : LocalDatastore.Original;
        var result = new JsonObject();
        var images = Datastore.ListImages();
        await Step(0.5, ctx.CancellationToken).ConfigureAwait(false);
        foreach (var imageId in images)
        {
            var labels = Datastore.GetLabelsByImageId(imageId);
            if (string.IsNullOrEmpty(tagY) || string.IsNullOrEmpty(tagPred) || !labels.ContainsKey(tagY) || !labels.ContainsKey(tagPred))
            {
                continue;
            }

            var y = await File.ReadAllBytesAsync(Datastore.GetLabelUri(imageId, tagY), ctx.CancellationToken).ConfigureAwait(false);
            var p = await File.ReadAllBytesAsync(Datastore.GetLabelUri(imageId, tagPred), ctx.CancellationToken).ConfigureAwait(false);
            if (y.Length != p.Length)
            {
                throw new AppError($"operands could not be broadcast together with shapes ({y.Length},) ({p.Length},)");
            }

            long sy = 0, sp = 0, both = 0;
            for (var i = 0; i < y.Length; i++)
            {
                sy += y[i];
                sp += p[i];
                both += y[i] * p[i];
            }

            var union = sy + sp;
            JsonNode dice = union != 0 ? PyJson.Float(2.0 * both / union) : JsonValue.Create(1L);
            ctx.Log($"Dice Score for {imageId} is {PyJson.Dumps(dice)}");
            Datastore.UpdateImageInfo(imageId, new JsonObject { ["dice"] = PyJson.Clone(dice) });
            result[imageId] = dice;
        }

        await Step(0.5, ctx.CancellationToken).ConfigureAwait(false);
        return result;
    }
}
