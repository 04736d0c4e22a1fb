using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// wsi_infer.py: POST /infer/wsi/{model} (JSON) and /infer/wsi_v2/{model} (form).
// The app's infer_wsi (tiles, contours, DSA/ASAP files) is in AppState/EmulatorApp.InferWsi.cs.
internal sealed class WsiInferRouter(EmulatorApp app)
{
    /// <summary>The wsi_infer router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/infer/wsi/{model}", Access.Role, EmulatorRoles.User, BodyKind.Json, InferWsiLegacy);
        r.Add("POST", "/infer/wsi_v2/{model}", Access.Role, EmulatorRoles.User, BodyKind.Form, InferWsiV2);
    }

    private static readonly string[] WsiOutputs = { "asap", "dsa", "json" };

    /// <summary>What upstream's <c>is_openslide_supported</c> takes for a slide (by <c>file_ext</c>, exactly).</summary>
    private static readonly string[] SlideExtensions = { ".bif", ".mrxs", ".ndpi", ".scn", ".svs", ".svslide", ".tif", ".tiff", ".vms", ".vmu" };

    private Task InferWsiV2(Call c)
    {
        var model = c.Path("model");
        var image = c.QueryStr("image", string.Empty)!;
        var sessionId = c.QueryStr("session_id", string.Empty)!;
        var output = c.QueryEnum("output", WsiOutputs, null);
        var file = c.FormFile("file", required: false);
        var wsi = c.FormStr("wsi", "{\"level\":0,\"location\":[0,0],\"size\":[2048,2048],\"tile_size\":[1024,1024],\"min_poly_area\":80,\"params\":{}}");
        c.Validate();
        var input = EmulatorApp.LoadJson(wsi) as JsonObject ?? throw new AppError("WSIInput expects an object");
        return RunWsiInference(c, model, image, sessionId, file, input, output);
    }

    private Task InferWsiLegacy(Call c)
    {
        var model = c.Path("model");
        var image = c.QueryStr("image", string.Empty)!;
        var sessionId = c.QueryStr("session_id", string.Empty)!;
        var output = c.QueryEnum("output", WsiOutputs, null);
        var wsi = c.BodyDict(() => new JsonObject());
        c.Validate();
        return RunWsiInference(c, model, image, sessionId, null, wsi ?? new JsonObject(), output);
    }

    private async Task RunWsiInference(Call c, string model, string image, string sessionId, UploadedFile? file, JsonObject wsi, string? output)
    {
        var request = new JsonObject { ["model"] = model, ["image"] = image, ["output"] = output };
        if (file == null && image.Length == 0 && sessionId.Length == 0)
        {
            throw new HttpError(500, "Neither Image nor File not Session ID input is provided");
        }

        if (file != null && !string.IsNullOrEmpty(file.FileName))
        {
            request["image"] = file.TempPath;
        }

        request["level"] = WsiInt(wsi, "level", 0);
        request["location"] = WsiPair(wsi, "location", 0, 0);
        request["size"] = WsiPair(wsi, "size", 2048, 2048);
        request["tile_size"] = WsiPair(wsi, "tile_size", 1024, 1024);
        request["min_poly_area"] = WsiInt(wsi, "min_poly_area", 80);
        if (wsi["params"] is JsonObject extra)
        {
            foreach (var kv in extra.ToList())
            {
                request[kv.Key] = PyJson.Clone(kv.Value);
            }
        }
        else if (wsi["params"] != null)
        {
            throw new AppError("WSIInput.params: value is not a valid dict");
        }

        if (sessionId.Length > 0 && app.Sessions.Get(sessionId, updateTs: true) is { } session)
        {
            request["image"] = session.Image;
            request["session"] = session.ToJson();
        }

        app.Log.Info("monailabel.endpoints.wsi_infer", "WSI Infer Request: " + PyJson.Dumps(request));
        if (!IsSlide(request))
        {
            // The app's infer_wsi runs the plain infer for an image openslide does not take (by extension): the
            // answer is then the infer's label file, or its params for output=json.
            await RunPlainInferForWsiAsync(c, request, output).ConfigureAwait(false);
            return;
        }

        var (resJson, resFile) = await app.RunWsiAsync(request, c.Http.RequestAborted).ConfigureAwait(false);
        try
        {
            if (resFile == null || output == "json")
            {
                await Responses.Json(c.Http, 200, resJson).ConfigureAwait(false);
            }
            else
            {
                await Responses.File(c.Http, resFile, null, Path.GetFileName(resFile)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (resFile != null)
            {
                EmulatorApp.TryDelete(resFile);
            }
        }
    }

    private bool IsSlide(JsonObject request)
    {
        var image = request["image"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty;
        var path = File.Exists(image) ? image : app.Datastore.GetImageUri(image);
        return SlideExtensions.Contains(Py.FileExt(path.Length > 0 ? path : image), StringComparer.Ordinal);
    }

    private async Task RunPlainInferForWsiAsync(Call c, JsonObject request, string? output)
    {
        var result = await app.InferRouter.RunInferAsync(request, c.Http.RequestAborted).ConfigureAwait(false);
        try
        {
            if (output == "json")
            {
                await Responses.Json(c.Http, 200, result.Params).ConfigureAwait(false);
            }
            else
            {
                await Responses.File(c.Http, result.File, null, Path.GetFileName(result.File)).ConfigureAwait(false);
            }
        }
        finally
        {
            EmulatorApp.TryDelete(result.File);
        }
    }

    private static JsonNode WsiInt(JsonObject wsi, string key, long defaultValue)
    {
        var node = wsi[key];
        if (node == null)
        {
            return defaultValue;
        }

        return node is JsonValue v && v.TryGetValue<long>(out var l) ? l : throw new AppError($"WSIInput.{key}: value is not a valid integer");
    }

    private static JsonArray WsiPair(JsonObject wsi, string key, long a, long b)
    {
        var node = wsi[key];
        if (node == null)
        {
            return new JsonArray(a, b);
        }

        if (node is JsonArray arr && arr.All(x => x is JsonValue v && v.TryGetValue<long>(out _)))
        {
            return (JsonArray)PyJson.Clone(arr)!;
        }

        throw new AppError($"WSIInput.{key}: value is not a valid sequence of integers");
    }
}
