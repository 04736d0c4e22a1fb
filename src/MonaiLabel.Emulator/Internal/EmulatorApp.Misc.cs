using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// /info, /activelearning, /model, /logs, /session and /auth.
internal sealed partial class EmulatorApp
{
    private static readonly Dictionary<string, string> Strategies = new(StringComparer.Ordinal)
    {
        ["random"] = "Random pick among unlabeled images (emulated)",
        ["first"] = "First unlabeled image by id (emulated)",
    };

    private static readonly Dictionary<string, string> ScoringMethods = new(StringComparer.Ordinal)
    {
        ["dice"] = "Dice of the original (predicted) label against the final one (emulated)",
    };

    private void WriteSampleImages(string studies)
    {
        Directory.CreateDirectory(studies);
        for (var i = 1; i <= Options.SampleImages; i++)
        {
            var name = $"case_{i:00}.nii.gz";
            File.WriteAllBytes(Path.Combine(studies, name), FakeModel.Bytes($"{Options.Seed}:sample:{name}", Math.Max(0, Options.SampleImageSize)));
        }
    }

    private void WritePretrainedModels()
    {
        foreach (var model in Models.Where(m => m.Pretrained))
        {
            File.WriteAllBytes(ModelFile(model), FakeModel.Bytes($"{Options.Seed}:pretrained:{model.Name}", 4096));
        }
    }

    private string ModelFile(EmulatorModel model) => Path.Combine(ModelDirectory, model.Name + ".pt");

    private Task Info(Call c)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, InfoJson());
    }

    internal JsonObject InfoJson()
    {
        var models = new JsonObject();
        foreach (var m in Models)
        {
            var config = new JsonObject { ["device"] = new JsonArray("cpu") };
            if (m.Type == "deepedit")
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
            stats[m.Name] = StatsOf(m.Name);
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

    private static JsonObject LabelsJson(EmulatorModel m)
    {
        var labels = new JsonObject();
        foreach (var kv in m.Labels)
        {
            labels[kv.Key] = kv.Value;
        }

        return labels;
    }

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

        var name = Str(request, "strategy");
        name = string.IsNullOrEmpty(name) ? "random" : name;
        if (!Strategies.ContainsKey(name))
        {
            throw new AppError($"ActiveLearning Task is not Initialized. There is no such strategy '{name}' available");
        }

        var images = Datastore.GetUnlabeledImages();
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

        var imageId = result["id"]!.GetValue<string>();
        result["path"] = Datastore.GetImageUri(imageId);
        if (Options.AutoUpdateScoring)
        {
            _ = AutoScoringAsync();
        }

        var info = Datastore.GetImageInfo(imageId);
        // As the server: an image picked for the first time has no "strategy" yet, and the answer shows none.
        var strategyInfo = info["strategy"] as JsonObject ?? new JsonObject();
        strategyInfo[strategy] = new JsonObject
        {
            ["ts"] = Py.Now(),
            ["client_id"] = parameters.ContainsKey("client_id") ? PyJson.Clone(parameters["client_id"]) : c.User.Username,
        };
        Datastore.UpdateImageInfo(imageId, new JsonObject { ["strategy"] = PyJson.Clone(strategyInfo) });
        foreach (var kv in info.ToList())
        {
            result[kv.Key] = PyJson.Clone(kv.Value);
        }

        Log.Info("monailabel.endpoints.activelearning", "Next sample: " + PyJson.Dumps(result));
        return Responses.Json(c.Http, 200, result);
    }

    private string ExistingModelFile(string model)
    {
        var m = FindModel(model);
        var file = m == null ? null : ModelFile(m);
        if (file == null || !File.Exists(file))
        {
            throw new HttpError(404, $"Model File NOT Found for {model}");
        }

        return file;
    }

    private Task DownloadModel(Call c)
    {
        var model = c.Path("model");
        c.Validate();
        var file = ExistingModelFile(model);
        return Responses.File(c.Http, file, null, model + Py.FileExt(file));
    }

    private Task ModelInfo(Call c)
    {
        var model = c.Path("model");
        c.Validate();
        var file = ExistingModelFile(model);
        var info = new JsonObject
        {
            ["checksum"] = Py.FileChecksum(file),
            ["modified_time"] = new DateTimeOffset(File.GetLastWriteTimeUtc(file)).ToUnixTimeSeconds(),
        };
        var stats = StatsOf(model);
        if (stats.Count > 0)
        {
            info["train_stats"] = stats;
        }

        return Responses.Json(c.Http, 200, info);
    }

    private Task UploadModel(Call c)
    {
        var model = c.Path("model");
        var file = c.FormFile("file", required: true);
        c.Validate();
        var m = FindModel(model) ?? throw new HttpError(500, $"Model File Name NOT configured for {model}");
        var target = ModelFile(m);
        Log.Info("monailabel.endpoints.model", $"Updating Model File for model: {model}; => {target}");
        File.Copy(file!.TempPath, target, overwrite: true);
        return Responses.Json(c.Http, 200, new JsonObject
        {
            ["checksum"] = Py.FileChecksum(target),
            ["modified_time"] = new DateTimeOffset(File.GetLastWriteTimeUtc(target)).ToUnixTimeSeconds(),
        });
    }

    private Task DeleteModel(Call c)
    {
        var model = c.Path("model");
        c.Validate();
        var file = ExistingModelFile(model);
        File.Move(file, $"{file}.{DateTime.Now.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}.deleted", overwrite: true);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task Logs(Call c)
    {
        var lines = c.QueryInt("lines", 300);
        var html = c.QueryBool("html", true);
        var text = c.QueryBool("text", false);
        var refresh = c.QueryInt("refresh", 0);
        c.Validate();
        var refreshSeconds = refresh is long r && r != 0 ? Math.Max(r, 3) : 0;
        if (lines is long n && n > 0)
        {
            if (html && !text)
            {
                return Responses.Text(c.Http, 200, LogsPage(refreshSeconds), "text/html");
            }

            return Responses.Text(c.Http, 200, Log.Tail((int)Math.Min(n, int.MaxValue)));
        }

        return Responses.File(c.Http, Log.FilePath, "text/plain", null);
    }

    /// <summary>A small page that shows the log text (fetched with <c>?text=true</c>) and refreshes it.</summary>
    private static string LogsPage(long refreshSeconds)
    {
        var refresh = refreshSeconds > 0
            ? $"setInterval(load, {(refreshSeconds * 1000).ToString(CultureInfo.InvariantCulture)});"
            : string.Empty;
        return "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>MONAI Label Emulator - Logs</title></head>\n" +
               "<body style=\"margin:0\">\n<pre id=\"log\" style=\"white-space:pre-wrap;font-family:monospace;margin:8px\"></pre>\n" +
               "<script>\nfunction load() {\n  fetch(\"?text=true\").then(r => r.text()).then(t => {\n" +
               "    const e = document.getElementById(\"log\"); e.textContent = t; window.scrollTo(0, document.body.scrollHeight);\n  });\n}\n" +
               "load();\n" + refresh + "\n</script>\n</body>\n</html>\n";
    }

    private Task GpuInfo(Call c)
    {
        c.Validate();
        var sb = new StringBuilder();
        sb.Append(DateTime.Now.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("+-----------------------------------------------------------------------------+\n");
        sb.Append("| MONAI Label Emulator: no GPU is used; inference and training are emulated.  |\n");
        sb.Append("+-----------------------------------------------------------------------------+\n");
        sb.Append("No devices were found\n");
        return Responses.Text(c.Http, 200, sb.ToString());
    }

    private Task CreateSession(Call c)
    {
        var uncompress = c.QueryBool("uncompress", false);
        var expiry = c.QueryInt("expiry", 0)!.Value;
        var files = c.FormFiles("files");
        c.Validate();

        var received = Path.Combine(TempDirectory, Py.TempName());
        Directory.CreateDirectory(received);
        try
        {
            var input = string.Empty;
            foreach (var f in files)
            {
                var name = string.IsNullOrEmpty(f.FileName) ? Py.TempName() : GetBaseName(f.FileName);
                input = Path.Combine(received, name);
                File.Copy(f.TempPath, input, overwrite: true);
            }

            if (files.Count > 1)
            {
                input = received;
            }

            Log.Info("monailabel.endpoints.session", $"Uncompress: {uncompress}; Expiry: {expiry}");
            var session = Sessions.Add(input, expiry, uncompress);
            return Responses.Json(c.Http, 200, new JsonObject { ["session_id"] = session.Name, ["session_info"] = session.ToJson() });
        }
        finally
        {
            TryDelete(received);
        }
    }

    /// <summary>MONAI Label's <c>get_basename</c> (a trailing slash names the folder).</summary>
    private static string GetBaseName(string path)
    {
        var trimmed = path.EndsWith('/') ? path.TrimEnd('/') : path;
        var name = Py.BaseName(trimmed);
        return name.Length == 0 ? Py.TempName() : name;
    }

    private Task GetSession(Call c)
    {
        var id = c.Path("session_id");
        var updateTs = c.QueryBool("update_ts", false);
        var image = c.QueryBool("image", false);
        c.Validate();
        var session = Sessions.Get(id, updateTs) ?? throw new HttpError(404, $"Session ({id}) Not Found");
        if (image)
        {
            return Responses.File(c.Http, session.Image, null, GetBaseName(session.Image));
        }

        return Responses.Json(c.Http, 200, session.ToJson());
    }

    private Task DeleteSession(Call c)
    {
        var id = c.Path("session_id");
        c.Validate();
        var session = Sessions.Get(id, updateTs: true) ?? throw new HttpError(404, "Session Not Found");
        Sessions.Remove(id);
        return Responses.Json(c.Http, 200, session.ToJson());
    }

    private Task AuthSettings(Call c)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, new JsonObject
        {
            ["enabled"] = true,
            ["client_id"] = Options.AuthClientId,
            ["realm"] = Realm,
        });
    }

    private Task AuthToken(Call c)
    {
        // OAuth2PasswordRequestForm: grant_type (optional, must match "password"), username, password, scope, client_id, client_secret.
        var grantType = c.Form.Get("grant_type");
        if (grantType?.Text is { Length: > 0 } g && !g.StartsWith("password", StringComparison.Ordinal))
        {
            c.AddError(new JsonObject
            {
                ["loc"] = new JsonArray("body", "grant_type"),
                ["msg"] = "string does not match regex \"password\"",
                ["type"] = "value_error.str.regex",
                ["ctx"] = new JsonObject { ["pattern"] = "password" },
            });
        }

        var username = FormRequiredText(c, "username");
        var password = FormRequiredText(c, "password");
        c.Validate();

        // The server forwards the form to the identity provider and re-raises its 401: an unhandled error (500).
        if (!Users.TryGetValue(username, out var user) || user.Password != password)
        {
            Log.Error("monailabel.endpoints.login", $"401 Client Error: Unauthorized for user {username}");
            throw new AppError("401 Client Error: Unauthorized");
        }

        var token = Issuer.Issue(username, user, Options.TokenLifetime);
        return Responses.Json(c.Http, 200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer" });
    }

    private static string FormRequiredText(Call c, string name)
    {
        var v = c.Form.Get(name);
        if (v?.Text is { Length: > 0 } text)
        {
            return text;
        }

        if (v?.File != null)
        {
            c.AddError(new JsonObject { ["loc"] = new JsonArray("body", name), ["msg"] = "str type expected", ["type"] = "type_error.str" });
            return string.Empty;
        }

        c.AddError(ValidationFailed.Missing("body", name));
        return string.Empty;
    }

    private Task AuthTokenValid(Call c)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, c.User.ToJson());
    }
}
