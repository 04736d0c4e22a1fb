using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

// The app's info: models, trainers, strategies, scoring methods, labels, train stats and the datastore's status.
internal sealed partial class EmulatorApp
{
    /// <summary>What <c>GET /info/</c> answers.</summary>
    internal JsonObject Info()
    {
        var models = new JsonObject();
        foreach (var m in Models)
        {
            var config = m.Config != null ? ConfigJson.ToJson(m.Config, m.Name) : new JsonObject { ["device"] = new JsonArray("cpu") };
            if (m.Config == null && m.Type == "deepedit")
            {
                config["cache_transforms"] = true;
                config["cache_transforms_in_memory"] = true;
                config["cache_transforms_ttl"] = 300;
            }

            models[m.Name] = new JsonObject
            {
                ["type"] = m.Type,
                ["labels"] = LabelsJson(m),
                ["dimension"] = m.Dimension,
                ["description"] = m.Description,
                ["config"] = config,
            };
        }

        var trainers = new JsonObject();
        var stats = new JsonObject();
        foreach (var m in Trainers)
        {
            trainers[m.Name] = new JsonObject
            {
                ["description"] = $"Train {m.Name} (emulated trainer)",
                ["config"] = new JsonObject
                {
                    ["name"] = "train_01",
                    ["pretrained"] = true,
                    ["device"] = new JsonArray("cpu"),
                    ["max_epochs"] = 50,
                    ["early_stop_patience"] = -1,
                    ["val_split"] = PyJson.Float(0.2),
                    ["train_batch_size"] = 1,
                    ["val_batch_size"] = 1,
                    ["multi_gpu"] = true,
                    ["gpus"] = "all",
                    ["dataset"] = new JsonArray("SmartCacheDataset", "CacheDataset", "PersistentDataset", "Dataset"),
                    ["dataloader"] = new JsonArray("ThreadDataLoader", "DataLoader"),
                    ["tracking"] = new JsonArray("mlflow", "None"),
                    ["tracking_uri"] = string.Empty,
                    ["tracking_experiment_name"] = string.Empty,
                },
                ["labels"] = LabelsJson(m),
            };
            stats[m.Name] = TrainStats(m.Name);
        }

        var strategies = new JsonObject();
        foreach (var kv in Strategies)
        {
            strategies[kv.Key] = new JsonObject { ["description"] = kv.Value };
        }

        var scoring = new JsonObject();
        foreach (var kv in ScoringMethods)
        {
            scoring[kv.Key] = new JsonObject { ["description"] = kv.Value };
        }

        JsonArray labels;
        if (Options.Labels != null)
        {
            labels = new JsonArray(Options.Labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        }
        else
        {
            // The server merges the models' labels (dict labels sorted by value) when the app names none.
            var merged = new List<string>();
            foreach (var m in Models)
            {
                foreach (var name in m.Labels.OrderBy(kv => kv.Value).Select(kv => kv.Key))
                {
                    if (!merged.Contains(name))
                    {
                        merged.Add(name);
                    }
                }
            }

            labels = new JsonArray(merged.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        }

        return new JsonObject
        {
            ["name"] = Options.Name,
            ["description"] = Options.Description,
            ["version"] = Options.Version,
            ["labels"] = labels,
            ["models"] = models,
            ["trainers"] = trainers,
            ["strategies"] = strategies,
            ["scoring"] = scoring,
            ["train_stats"] = stats,
            ["datastore"] = Datastore.Status(),
        };
    }

    // InferTask keeps labels=None as []: a model without labels shows a list, one with labels a {name: index} map.
    private static JsonNode LabelsJson(EmulatorModel m)
    {
        if (m.Labels.Count == 0)
        {
            return new JsonArray();
        }

        var labels = new JsonObject();
        foreach (var kv in m.Labels)
        {
            labels[kv.Key] = kv.Value;
        }

        return labels;
    }
}
