using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

// The app's active learning: its strategies, the next sample, and the strategy info written back to the image.
internal sealed partial class EmulatorApp
{
    internal static readonly Dictionary<string, string> Strategies = new(StringComparer.Ordinal)
    {
        ["random"] = "Random pick among unlabeled images (emulated)",
        ["first"] = "First unlabeled image by id (emulated)",
    };

    /// <summary>
    /// The next image to label by <paramref name="strategy"/> (<c>{}</c> when none is left), with its info; the
    /// pick is recorded in the image's <c>strategy</c> info (time, and the client id or else the user).
    /// </summary>
    internal JsonObject Sample(string strategy, JsonObject? parameters, string user)
    {
        var request = new JsonObject { ["strategy"] = strategy };
        parameters ??= new JsonObject();
        foreach (var kv in parameters.ToList())
        {
            request[kv.Key] = PyJson.Clone(kv.Value);
        }

        var result = NextSample(request);
        if (result == null)
        {
            return new JsonObject();
        }

        var imageId = result["id"]!.GetValue<string>();
        var info = Datastore.GetImageInfo(imageId);
        // As the server: an image picked for the first time has no "strategy" yet, and the answer shows none.
        var strategyInfo = info["strategy"] as JsonObject ?? new JsonObject();
        strategyInfo[strategy] = new JsonObject
        {
            ["ts"] = Py.Now(),
            ["client_id"] = parameters.ContainsKey("client_id") ? PyJson.Clone(parameters["client_id"]) : user,
        };
        Datastore.UpdateImageInfo(imageId, new JsonObject { ["strategy"] = PyJson.Clone(strategyInfo) });
        foreach (var kv in info.ToList())
        {
            result[kv.Key] = PyJson.Clone(kv.Value);
        }

        Log.Info("monailabel.endpoints.activelearning", "Next sample: " + PyJson.Dumps(result));
        return result;
    }

    /// <summary>The app's <c>next_sample</c>: <c>{id, path, ...}</c>, or null when no unlabeled image is left.</summary>
    private JsonObject? NextSample(JsonObject request)
    {
        var name = Str(request, "strategy");
        name = string.IsNullOrEmpty(name) ? "random" : name;
        if (!Strategies.ContainsKey(name))
        {
            throw new AppError($"ActiveLearning Task is not Initialized. There is no such strategy '{name}' available");
        }

        var images = Datastore.GetUnlabeledImages();
        if (images.Count == 0)
        {
            return null;
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
            var weights = images.Select(id => now - ((Datastore.GetImageInfo(id)["strategy"] as JsonObject)?[name] is JsonObject s && s["ts"] is JsonValue ts && ts.TryGetValue<long>(out var t) ? t : 0)).ToList();
            var total = weights.Sum();
            if (total <= 0)
            {
                throw new AppError("Total of weights must be greater than zero");
            }

            var r = NextRandomDouble() * total;
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

        result["path"] = Datastore.GetImageUri(result["id"]!.GetValue<string>());
        if (Options.AutoUpdateScoring)
        {
            _ = AutoScoringAsync();
        }

        return result;
    }
}
