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

// The app's trainers: a training task's work (new weights and train stats) and the stats of the last run per model.
internal sealed partial class EmulatorApp
{
    private readonly ConcurrentDictionary<string, JsonObject> trainStats = new(StringComparer.Ordinal);
    private int trainRuns;

    /// <summary>The models with a trainer.</summary>
    internal IEnumerable<EmulatorModel> Trainers => Models.Where(m => m.Trainable);

    /// <summary>A training run: epochs spread over the task duration, then new weights and train stats.</summary>
    internal async Task<JsonNode?> TrainWorkAsync(TaskContext ctx)
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

    internal JsonObject TrainStats(string model) => trainStats.TryGetValue(model, out var s) ? (JsonObject)PyJson.Clone(s)! : new JsonObject();
}
