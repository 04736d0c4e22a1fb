using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// The /train, /scoring and /batch routers, and the work their tasks do.
internal sealed partial class EmulatorApp
{
    private static readonly string[] BatchImages = { "all", "labeled", "unlabeled" };

    private readonly ConcurrentDictionary<string, JsonObject> trainStats = new(StringComparer.Ordinal);
    private int trainRuns;

    private IEnumerable<EmulatorModel> Trainers => Models.Where(m => m.Trainable);

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

    private Task TaskStatus(Call c, TaskRunner runner)
    {
        var all = c.QueryBool("all", false);
        var checkIfRunning = c.QueryBool("check_if_running", false);
        c.Validate();
        var (result, detail) = runner.Status(all, checkIfRunning);
        if (result == null)
        {
            throw new HttpError(404, detail!);
        }

        return Responses.Json(c.Http, 200, result);
    }

    private Task TaskStop(Call c, TaskRunner runner)
    {
        c.Validate();
        return Responses.Json(c.Http, 200, runner.Stop());
    }

    private async Task RunOne(Call c, TaskRunner runner, JsonObject request, JsonObject? parameters, bool runSync, bool enqueue)
    {
        var (result, detail) = await runner.RunAsync(request, parameters, runSync, enqueue, c.Http.RequestAborted).ConfigureAwait(false);
        if (detail != null)
        {
            throw new HttpError(429, detail);
        }

        await Responses.Json(c.Http, 200, result).ConfigureAwait(false);
    }

    private Task RunTrain(Call c)
    {
        var model = c.Path("model");
        var runSync = c.QueryBool("run_sync", false);
        var enqueue = c.QueryBool("enqueue", false);
        var parameters = c.BodyDict(() => null);
        c.Validate();
        return RunOne(c, Train, new JsonObject { ["model"] = model }, parameters, runSync, enqueue);
    }

    private async Task RunTrainAll(Call c)
    {
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(() => null);
        c.Validate();
        var answer = new JsonObject();
        foreach (var model in Trainers)
        {
            var request = new JsonObject { ["model"] = model.Name };
            if (parameters?[model.Name] is JsonObject own)
            {
                foreach (var kv in own.ToList())
                {
                    request[kv.Key] = PyJson.Clone(kv.Value);
                }
            }

            var (result, detail) = await Train.RunAsync(request, parameters, runSync, enqueue: true, c.Http.RequestAborted).ConfigureAwait(false);
            answer[model.Name] = new JsonObject { ["result"] = result, ["detail"] = detail };
        }

        await Responses.Json(c.Http, 200, answer).ConfigureAwait(false);
    }

    private Task RunScoring(Call c)
    {
        var method = c.Path("method");
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(() => null);
        c.Validate();
        return RunOne(c, Scoring, new JsonObject { ["method"] = method }, parameters, runSync, enqueue: false);
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

            var (result, detail) = await Scoring.RunAsync(request, parameters, runSync, enqueue: true, c.Http.RequestAborted).ConfigureAwait(false);
            answer[method] = new JsonObject { ["result"] = result, ["detail"] = detail };
        }

        await Responses.Json(c.Http, 200, answer).ConfigureAwait(false);
    }

    private Task RunBatchInfer(Call c)
    {
        var model = c.Path("model");
        var images = c.QueryEnum("images", BatchImages, "all")!;
        var runSync = c.QueryBool("run_sync", false);
        var parameters = c.BodyDict(DefaultBatchParams);
        c.Validate();
        return RunOne(c, BatchInfer, new JsonObject { ["model"] = model, ["images"] = images }, parameters, runSync, enqueue: false);
    }

    /// <summary>Runs every scoring method in the background (MONAI_LABEL_AUTO_UPDATE_SCORING).</summary>
    private async Task AutoScoringAsync()
    {
        foreach (var method in ScoringMethods.Keys)
        {
            await Scoring.RunAsync(new JsonObject { ["method"] = method }, null, forceSync: false, enqueue: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Waits <paramref name="fraction"/> of the task duration.</summary>
    private Task Step(double fraction, CancellationToken cancellationToken)
    {
        var ms = Options.TaskDuration.TotalMilliseconds * fraction;
        return ms <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(ms), cancellationToken);
    }

    private static string? Str(JsonObject request, string key) =>
        request[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Long(JsonObject request, string key) =>
        request[key] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    /// <summary>A training run: epochs spread over the task duration, then new weights and train stats.</summary>
    private async Task<JsonNode?> TrainWorkAsync(TaskContext ctx)
    {
        var request = ctx.Request;
        var modelName = Str(request, "model");
        if (string.IsNullOrEmpty(modelName))
        {
            throw new AppError("Model is not provided for Training Task");
        }

        var model = Trainers.FirstOrDefault(m => m.Name == modelName)
            ?? throw new AppError($"Train Task is not Initialized. There is no model '{modelName}' available; {PyJson.Dumps(request)}");
        var start = DateTimeOffset.UtcNow;
        var epochs = Math.Max(1, Long(request, "max_epochs") ?? 50);
        var datalist = Datastore.Datalist();
        var valCount = (int)Math.Floor(datalist.Count * 0.2);
        var trainCount = Math.Max(1, datalist.Count - valCount);
        ctx.Log($"Train Request (final): {PyJson.Dumps(request)}");
        ctx.Log($"Total Records for Training: {datalist.Count - valCount}; Validation: {valCount}");
        Log.Info("monailabel.tasks.train.basic_train", $"Train Request: {PyJson.Dumps(request)}");

        double metric = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            await Step(1.0 / epochs, ctx.CancellationToken).ConfigureAwait(false);
            metric = Math.Round(0.95 - (0.45 / epoch), 4);
            ctx.Log($"Epoch: {epoch}/{epochs}, Iter: {trainCount}/{trainCount} -- train_loss: {Math.Round(1 - metric, 4).ToString(CultureInfo.InvariantCulture)}");
        }

        var run = Interlocked.Increment(ref trainRuns);
        var weights = FakeModel.Bytes($"{Options.Seed}:{modelName}:train:{run}:{datalist.ToJsonString()}", 4096);
        var modelFile = ModelFile(model);
        var temp = modelFile + ".tmp";
        await File.WriteAllBytesAsync(temp, weights, CancellationToken.None).ConfigureAwait(false);
        File.Move(temp, modelFile, overwrite: true);

        var seconds = (long)(DateTimeOffset.UtcNow - start).TotalSeconds;
        var total = TimeSpan.FromSeconds(seconds);
        var stats = new JsonObject
        {
            ["rank"] = 0,
            ["current_epoch"] = epochs,
            ["current_iteration"] = epochs * trainCount,
            ["total_epochs"] = epochs,
            ["total_iterations"] = epochs * trainCount,
            ["best_validation_epoch"] = epochs,
            ["best_validation_metric"] = PyJson.Float(metric),
            ["epoch"] = epochs,
            ["start_ts"] = start.ToUnixTimeSeconds(),
            ["total_time"] = $"{(int)total.TotalHours}:{total.Minutes:00}:{total.Seconds:00}",
            ["best_metric"] = PyJson.Float(metric),
            ["train"] = new JsonObject
            {
                ["metrics"] = new JsonObject { ["train_mean_dice"] = PyJson.Float(metric) },
                ["key_metric_name"] = "train_mean_dice",
                ["best_metric"] = PyJson.Float(metric),
                ["best_metric_epoch"] = epochs,
            },
            ["eval"] = new JsonObject
            {
                ["metrics"] = new JsonObject { ["val_mean_dice"] = PyJson.Float(metric) },
                ["key_metric_name"] = "val_mean_dice",
                ["best_metric"] = PyJson.Float(metric),
                ["best_metric_epoch"] = epochs,
            },
        };
        trainStats[modelName] = stats;
        await File.WriteAllTextAsync(Path.Combine(ModelDirectory, modelName + "_train_stats.json"), PyJson.DumpsIndented(stats, 4), new UTF8Encoding(false), CancellationToken.None).ConfigureAwait(false);
        ctx.Log($"Training finished; best metric {PyJson.FormatFloat(metric)} at epoch {epochs}");
        Log.Info("monailabel.tasks.train.basic_train", $"Training of {modelName} finished");
        return PyJson.Clone(stats);
    }

    internal JsonObject StatsOf(string model) => trainStats.TryGetValue(model, out var s) ? (JsonObject)PyJson.Clone(s)! : new JsonObject();

    /// <summary>Dice between the <c>y</c> (final) and <c>y_pred</c> (original) labels of every image that has both;
    /// each score goes into the image's info as <c>dice</c>.</summary>
    private async Task<JsonNode?> ScoringWorkAsync(TaskContext ctx)
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

    /// <summary>Infers every selected image and saves each label under <c>label_tag</c> (default original).</summary>
    private async Task<JsonNode?> BatchInferWorkAsync(TaskContext ctx)
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
            var outcome = await RunInferAsync(req, ctx.CancellationToken).ConfigureAwait(false);
            TryDelete(outcome.File);
            result[images[i]] = new JsonObject { ["label"] = outcome.LabelId, ["tag"] = outcome.Tag, ["params"] = outcome.Params };
            ctx.Log($"{i} => {images[i]} => cpu => {i + 1} / {images.Count}");
        }

        await Step(1.0 / (images.Count + 1), ctx.CancellationToken).ConfigureAwait(false);
        return result;
    }
}
