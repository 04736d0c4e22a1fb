using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// scoring.py: GET/POST/DELETE /scoring/, POST /scoring/{method}, and the scoring task's work.
internal sealed class ScoringRouter(EmulatorApp app)
{
    /// <summary>The scoring router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/scoring/", Access.Role, EmulatorRoles.User, BodyKind.None, c => app.TaskStatus(c, app.Scoring));
        r.Add("POST", "/scoring/", Access.Role, EmulatorRoles.Annotator, BodyKind.Json, RunScoringAll);
        r.Add("POST", "/scoring/{method}", Access.Role, EmulatorRoles.Annotator, BodyKind.Json, RunScoring);
        r.Add("DELETE", "/scoring/", Access.Role, EmulatorRoles.Annotator, BodyKind.None, c => app.TaskStop(c, app.Scoring));
    }

    internal static readonly Dictionary<string, string> ScoringMethods = new(StringComparer.Ordinal)
    {
        ["dice"] = "Dice of the original (predicted) label against the final one (emulated)",
    };

    private Task RunScoring(Call c)
    {
        var method = c.Path("method");
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(() => null);
        c.Validate();
        return app.RunOne(c, app.Scoring, new JsonObject { ["method"] = method }, parameters, runSync, enqueue: false);
    }

    private async Task RunScoringAll(Call c)
    {
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(() => null);
        c.Validate();
        var answer = new JsonObject();
        foreach (var method in ScoringMethods.Keys)
        {
            var request = new JsonObject { ["method"] = method };
            if (parameters?[method] is JsonObject own)
            {
                foreach (var kv in own.ToList())
                {
                    request[kv.Key] = PyJson.Clone(kv.Value);
                }
            }

            var (result, detail) = await app.Scoring.RunAsync(request, parameters, runSync, enqueue: true, c.Http.RequestAborted).ConfigureAwait(false);
            answer[method] = new JsonObject { ["result"] = result, ["detail"] = detail };
        }

        await Responses.Json(c.Http, 200, answer).ConfigureAwait(false);
    }

    /// <summary>Runs every scoring method in the background (MONAI_LABEL_AUTO_UPDATE_SCORING).</summary>
    internal async Task AutoScoringAsync()
    {
        foreach (var method in ScoringMethods.Keys)
        {
            await app.Scoring.RunAsync(new JsonObject { ["method"] = method }, null, forceSync: false, enqueue: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Dice between the <c>y</c> (final) and <c>y_pred</c> (original) labels of every image that has both;
    /// each score goes into the image's info as <c>dice</c>.</summary>
    internal async Task<JsonNode?> ScoringWorkAsync(TaskContext ctx)
    {
        var request = ctx.Request;
        var method = EmulatorApp.Str(request, "method");
        if (string.IsNullOrEmpty(method))
        {
            throw new AppError("Method is not provided for Scoring Task");
        }

        if (!ScoringMethods.ContainsKey(method))
        {
            throw new AppError($"Scoring Task is not Initialized. There is no such scoring method '{method}' available");
        }

        var tagY = request.ContainsKey("y") ? EmulatorApp.Str(request, "y") : LocalDatastore.Final;
        var tagPred = request.ContainsKey("y_pred") ? EmulatorApp.Str(request, "y_pred") : LocalDatastore.Original;
        var result = new JsonObject();
        var images = app.Datastore.ListImages();
        await app.Step(0.5, ctx.CancellationToken).ConfigureAwait(false);
        foreach (var imageId in images)
        {
            var labels = app.Datastore.GetLabelsByImageId(imageId);
            if (string.IsNullOrEmpty(tagY) || string.IsNullOrEmpty(tagPred) || !labels.ContainsKey(tagY) || !labels.ContainsKey(tagPred))
            {
                continue;
            }

            var y = await File.ReadAllBytesAsync(app.Datastore.GetLabelUri(imageId, tagY), ctx.CancellationToken).ConfigureAwait(false);
            var p = await File.ReadAllBytesAsync(app.Datastore.GetLabelUri(imageId, tagPred), ctx.CancellationToken).ConfigureAwait(false);
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
            app.Datastore.UpdateImageInfo(imageId, new JsonObject { ["dice"] = PyJson.Clone(dice) });
            result[imageId] = dice;
        }

        await app.Step(0.5, ctx.CancellationToken).ConfigureAwait(false);
        return result;
    }
}
