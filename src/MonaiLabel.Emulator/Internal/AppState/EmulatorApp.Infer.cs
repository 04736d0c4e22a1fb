using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// The app's infer: the request's image (an id, a file or a session's), the model's prompt checks, the threshold
// model, and the label saved under label_tag when the input is a datastore image and save_label holds.
internal sealed partial class EmulatorApp
{
    /// <summary>What the app's <c>infer</c> returns: the label id (or result path), its tag, the result file and the params.</summary>
    internal sealed record InferOutcome(string LabelId, string Tag, string File, JsonObject Params);

    /// <summary>The app's <c>infer(request)</c> with the threshold model.</summary>
    internal async Task<InferOutcome> InferAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var modelName = request["model"] is JsonValue mv && mv.TryGetValue<string>(out var ms) ? ms : null;
        if (string.IsNullOrEmpty(modelName))
        {
            throw new AppError("Model is not provided for Inference Task");
        }

        var model = FindModel(modelName) ?? throw new AppError($"Inference Task is not Initialized. There is no model '{modelName}' available");
        request = (JsonObject)PyJson.Clone(request)!;
        request["description"] = model.Description;
        string? imageId = null;
        string path;
        if (request["image"] is JsonValue iv && iv.TryGetValue<string>(out var image))
        {
            if (File.Exists(image) || Directory.Exists(image))
            {
                path = image;
                request["save_label"] = false;
            }
            else
            {
                imageId = image;
                path = Datastore.GetImageUri(image);
            }
        }
        else
        {
            throw new AppError("Image is not provided for Inference Task");
        }

        if (Directory.Exists(path))
        {
            // A folder (a DICOM series, or several session files): the emulator reads its first file.
            path = Directory.GetFiles(path, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;
        }

        if (path.Length == 0 || !File.Exists(path))
        {
            throw new AppError($"Failed to load image: '{path}'");
        }

        var received = ModelInput.Received(request, TempDirectory);
        ModelInput.CheckPrompts(model, request, received);
        var saveLabel = Truthy(request["save_label"]);

        var watch = Stopwatch.StartNew();
        var result = NewTempFile(ResultExtension(request));
        var digests = await FakeModel.InferFileAsync(path, result, cancellationToken).ConfigureAwait(false);
        var seconds = Math.Round(watch.Elapsed.TotalSeconds, 2);

        var labelNames = new JsonObject();
        foreach (var kv in model.Labels)
        {
            labelNames[kv.Key] = kv.Value;
        }

        var parameters = new JsonObject
        {
            ["label_names"] = labelNames,
            ["latencies"] = new JsonObject
            {
                ["pre"] = PyJson.Float(0),
                ["infer"] = PyJson.Float(seconds),
                ["invert"] = PyJson.Float(0),
                ["post"] = PyJson.Float(0),
                ["write"] = PyJson.Float(0),
                ["total"] = PyJson.Float(seconds),
                ["transform"] = null,
            },
            ["centroids"] = new JsonObject(),
            ["model"] = modelName,

            // What the reference server's fake app reports, so a test can check what a model was given.
            ["mlref"] = new JsonObject
            {
                ["label_sha256"] = digests.LabelSha256,
                ["input_sha256"] = digests.InputSha256,
                ["input_size"] = digests.InputSize,
                ["transform"] = "threshold",
                ["session"] = Truthy(request["session"]),
                ["received"] = received,
            },
        };

        var labelId = result;
        if (saveLabel && imageId != null)
        {
            var tag = request["label_tag"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : LocalDatastore.Original;
            labelId = Datastore.SaveLabel(imageId, result, result, tag, new JsonObject { ["model"] = modelName, ["params"] = PyJson.Clone(parameters) });
        }

        return new InferOutcome(labelId, LocalDatastore.Original, result, parameters);
    }

    /// <summary>The writer's <c>result_extension</c> (a suffix string), else the emulator's <c>.nii.gz</c>.</summary>
    private static string ResultExtension(JsonObject request)
    {
        var ext = request["result_extension"];
        if (!Truthy(ext))
        {
            return ".nii.gz";
        }

        // tempfile's suffix= takes only a string: anything else is a TypeError (500) on the server.
        return ext is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new AppError("TypeError: result_extension must be a string");
    }

    /// <summary>A live session, when named, becomes the infer's input: its image and its <c>session</c> info.</summary>
    internal void TakeSessionInput(JsonObject request, string sessionId)
    {
        if (sessionId.Length > 0 && Sessions.Get(sessionId, updateTs: true) is { } session)
        {
            request["image"] = session.Image;
            request["session"] = session.ToJson();
        }
    }
}
