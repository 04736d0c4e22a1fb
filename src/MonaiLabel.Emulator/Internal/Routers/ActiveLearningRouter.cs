using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// activelearning.py: POST /activelearning/{strategy}, the next sample to label.
internal sealed class ActiveLearningRouter(EmulatorApp app)
{
    /// <summary>The activelearning router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/activelearning/{strategy}", Access.Role, EmulatorRoles.User, BodyKind.Json, NextSample);
    }

    internal static readonly Dictionary<string, string> Strategies = new(StringComparer.Ordinal)
    {
        ["random"] = "Random pick among unlabeled images (emulated)",
        ["first"] = "First unlabeled image by id (emulated)",
    };

    private Task NextSample(Call c)
    {
        var strategy = c.Path("strategy");
        var parameters = c.BodyDict(() => null);
        c.Validate();

        var request = new JsonObject { ["strategy"] = strategy };
        parameters ??= new JsonObject();
        foreach (var kv in parameters.ToList())
        {
            request[kv.Key] = PyJson.Clone(kv.Value);
        }

        var name = EmulatorApp.Str(request, "strategy");
        name = string.IsNullOrEmpty(name) ? "random" : name;
        if (!Strategies.ContainsKey(name))
        {
            throw new AppError($"ActiveLearning Task is not Initialized. There is no such strategy '{name}' available");
        }

        var images = app.Datastore.GetUnlabeledImages();
        if (images.Count == 0)
        {
            return Responses.Json(c.Http, 200, new JsonObject());
        }

        JsonObject result;
        if (name == "first")
        {
            images.Sort(StringComparer.Ordinal);
            result = new JsonObject { ["id"] = images[0] };
        }
        else
        {
            var now = Py.Now();
            var weights = images.Select(id => now - ((app.Datastore.GetImageInfo(id)["strategy"] as JsonObject)?[name] is JsonObject s && s["ts"] is JsonValue ts && ts.TryGetValue<long>(out var t) ? t : 0)).ToList();
            var total = weights.Sum();
            if (total <= 0)
            {
                throw new AppError("Total of weights must be greater than zero");
            }

            var r = app.NextRandomDouble() * total;
            var index = 0;
            double cumulative = 0;
            for (; index < weights.Count - 1; index++)
            {
                cumulative += weights[index];
                if (cumulative > r)
                {
                    break;
                }
            }

            result = new JsonObject { ["id"] = images[index], ["weight"] = weights[0] };
        }

        var imageId = result["id"]!.GetValue<string>();
        result["path"] = app.Datastore.GetImageUri(imageId);
        if (app.Options.AutoUpdateScoring)
        {
            _ = app.ScoringRouter.AutoScoringAsync();
        }

        var info = app.Datastore.GetImageInfo(imageId);
        // As the server: an image picked for the first time has no "strategy" yet, and the answer shows none.
        var strategyInfo = info["strategy"] as JsonObject ?? new JsonObject();
        strategyInfo[strategy] = new JsonObject
        {
            ["ts"] = Py.Now(),
            ["client_id"] = parameters.ContainsKey("client_id") ? PyJson.Clone(parameters["client_id"]) : c.User.Username,
        };
        app.Datastore.UpdateImageInfo(imageId, new JsonObject { ["strategy"] = PyJson.Clone(strategyInfo) });
        foreach (var kv in info.ToList())
        {
            result[kv.Key] = PyJson.Clone(kv.Value);
        }

        app.Log.Info("monailabel.endpoints.activelearning", "Next sample: " + PyJson.Dumps(result));
        return Responses.Json(c.Http, 200, result);
    }
}
