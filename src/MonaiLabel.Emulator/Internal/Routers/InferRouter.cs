using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

// infer.py: POST /infer/{model}, and the app's infer with the threshold model.
internal sealed class InferRouter(EmulatorApp app)
{
    /// <summary>The infer router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/infer/{model}", Access.Role, EmulatorRoles.User, BodyKind.Form, Infer);
    }

    private static readonly string[] InferOutputs = { "image", "json", "all", "dicom_seg" };

    /// <summary>What the app's <c>infer</c> returns.</summary>
    internal sealed record InferOutcome(string LabelId, string Tag, string File, JsonObject Params);

    private async Task Infer(Call c)
    {
        var model = c.Path("model");
        var image = c.QueryStr("image", string.Empty)!;
        var sessionId = c.QueryStr("session_id", string.Empty)!;
        var output = c.QueryEnum("output", InferOutputs, null);
        var parameters = c.FormStr("params", "{}");
        var file = c.FormFile("file", required: false);
        var label = c.FormFile("label", required: false);
        c.Validate();

        var request = new JsonObject { ["model"] = model, ["image"] = image };
        if (file == null && image.Length == 0 && sessionId.Length == 0)
        {
            throw new HttpError(500, "Neither Image nor File not Session ID input is provided");
        }

        if (file != null)
        {
            request["image"] = file.TempPath;
        }

        string? labelFile = null;
        if (label != null)
        {
            // Kept under a temporary name with the upload's suffixes, as the endpoint does (models read the suffix).
            labelFile = app.NewTempFile(string.IsNullOrEmpty(label.FileName) ? ".nii.gz" : Py.AllSuffixes(label.FileName));
            File.Move(label.TempPath, labelFile);
            request["label"] = labelFile;
        }

        if (parameters.Length > 0)
        {
            foreach (var kv in EmulatorApp.LoadDict(parameters).ToList())
            {
                request[kv.Key] = PyJson.Clone(kv.Value);
            }
        }

        if (sessionId.Length > 0 && app.Sessions.Get(sessionId, updateTs: true) is { } session)
        {
            request["image"] = session.Image;
            request["session"] = session.ToJson();
        }

        app.Log.Info("monailabel.endpoints.infer", "Infer Request: " + PyJson.Dumps(request));
        InferOutcome result;
        try
        {
            result = await RunInferAsync(request, c.Http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (labelFile != null)
            {
                EmulatorApp.TryDelete(labelFile);
            }
        }

        try
        {
            if (output == "dicom_seg")
            {
                throw new HttpError(500, "DICOM SEG format is not supported in a non-DICOM datastore");
            }

            switch (output)
            {
                case "json":
                    await Responses.Json(c.Http, 200, result.Params).ConfigureAwait(false);
                    break;
                case "image":
                    await Responses.File(c.Http, result.File, null, Path.GetFileName(result.File)).ConfigureAwait(false);
                    break;
                default:
                    await WriteMultipartAsync(c.Http, result.Params, result.File).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            EmulatorApp.TryDelete(result.File);
        }
    }

    /// <summary>
    /// The default infer answer, as requests_toolbelt's MultipartEncoder builds it: boundary of 32 hex digits,
    /// part <c>params</c> (application/json, <c>json.dumps</c> text) then part <c>image</c> (the result file), no
    /// per-part Content-Length, closing <c>--boundary--\r\n</c>. Streamed; the total length is known up front.
    /// </summary>
    private static async Task WriteMultipartAsync(HttpContext ctx, JsonObject json, string resultFile)
    {
        var boundary = Guid.NewGuid().ToString("N");
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json\r\n\r\n" +
            PyJson.Dumps(json) +
            $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{Path.GetFileName(resultFile)}\"\r\n" +
            $"Content-Type: {Mime.Guess(resultFile)}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        await using var stream = new FileStream(resultFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        var response = ctx.Response;
        response.StatusCode = 200;
        response.ContentType = "multipart/form-data; boundary=" + boundary;
        response.ContentLength = head.Length + stream.Length + tail.Length;
        await response.Body.WriteAsync(head, ctx.RequestAborted).ConfigureAwait(false);
        await stream.CopyToAsync(response.Body, 64 * 1024, ctx.RequestAborted).ConfigureAwait(false);
        await response.Body.WriteAsync(tail, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The app's <c>infer(request)</c> with the threshold model.</summary>
    internal async Task<InferOutcome> RunInferAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var modelName = request["model"] is JsonValue mv && mv.TryGetValue<string>(out var ms) ? ms : null;
        if (string.IsNullOrEmpty(modelName))
        {
            throw new AppError("Model is not provided for Inference Task");
        }

        var model = app.FindModel(modelName) ?? throw new AppError($"Inference Task is not Initialized. There is no model '{modelName}' available");
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
                path = app.Datastore.GetImageUri(image);
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

        var received = ModelInput.Received(request, app.TempDirectory);
        ModelInput.CheckPrompts(model, request, received);
        var saveLabel = EmulatorApp.Truthy(request["save_label"]);

        var watch = Stopwatch.StartNew();
        var result = app.NewTempFile(ResultExtension(request));
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
                ["session"] = EmulatorApp.Truthy(request["session"]),
                ["received"] = received,
            },
        };

        var labelId = result;
        if (saveLabel && imageId != null)
        {
            var tag = request["label_tag"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : LocalDatastore.Original;
            labelId = app.Datastore.SaveLabel(imageId, result, result, tag, new JsonObject { ["model"] = modelName, ["params"] = PyJson.Clone(parameters) });
        }

        return new InferOutcome(labelId, LocalDatastore.Original, result, parameters);
    }

    /// <summary>The writer's <c>result_extension</c> (a suffix string), else the emulator's <c>.nii.gz</c>.</summary>
    private static string ResultExtension(JsonObject request)
    {
        var ext = request["result_extension"];
        if (!EmulatorApp.Truthy(ext))
        {
            return ".nii.gz";
        }

        // tempfile's suffix= takes only a string: anything else is a TypeError (500) on the server.
        return ext is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new AppError("TypeError: result_extension must be a string");
    }
}
