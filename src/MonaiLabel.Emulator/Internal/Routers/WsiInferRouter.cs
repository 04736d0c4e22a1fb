using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// wsi_infer.py: POST /infer/wsi/{model} (JSON) and /infer/wsi_v2/{model} (form): the request from the query, the
// WSIInput and a session; the app's infer_wsi (AppState/EmulatorApp.InferWsi.cs); the answer.
internal sealed class WsiInferRouter(EmulatorApp app)
{
    private static readonly string[] WsiOutputs = { "asap", "dsa", "json" };

    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<string> Image = Param.Query("image", string.Empty);
    private static readonly Parameter<string> SessionId = Param.Query("session_id", string.Empty);
    private static readonly Parameter<string?> Output = Param.QueryEnum("output", WsiOutputs, null);
    private static readonly Parameter<UploadedFile?> FileUpload = Param.FormFile("file", required: false);
    private static readonly Parameter<string> WsiForm = Param.FormStr("wsi", "{\"level\":0,\"location\":[0,0],\"size\":[2048,2048],\"tile_size\":[1024,1024],\"min_poly_area\":80,\"params\":{}}");
    private static readonly Parameter<JsonObject?> WsiBody = Param.BodyDict("wsi", () => new JsonObject());

    /// <summary>The wsi_infer router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/infer/wsi/{model}", EmulatorRoles.User, InferWsiLegacy, Model, Image, SessionId, Output, WsiBody);
        r.Add("POST", "/infer/wsi_v2/{model}", EmulatorRoles.User, InferWsiV2, Model, Image, SessionId, Output, FileUpload, WsiForm);
    }

    private Task InferWsiV2(Call c)
    {
        var input = EmulatorApp.LoadJson(c.Get(WsiForm)) as JsonObject ?? throw new AppError("WSIInput expects an object");
        return RunWsiInference(c, c.Get(FileUpload), input);
    }

    private Task InferWsiLegacy(Call c) => RunWsiInference(c, null, c.Get(WsiBody) ?? new JsonObject());

    private async Task RunWsiInference(Call c, UploadedFile? file, JsonObject wsi)
    {
        var image = c.Get(Image);
        var sessionId = c.Get(SessionId);
        var output = c.Get(Output);
        var request = new JsonObject { ["model"] = c.Get(Model), ["image"] = image, ["output"] = output };
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

        app.TakeSessionInput(request, sessionId);
        app.Log.Info("monailabel.endpoints.wsi_infer", "WSI Infer Request: " + PyJson.Dumps(request));
        var (json, resultFile) = await app.InferWsiAsync(request, c.Http.RequestAborted).ConfigureAwait(false);
        try
        {
            await (resultFile == null || output == "json"
                ? Responses.Json(c.Http, 200, json)
                : Responses.File(c.Http, resultFile, null, Path.GetFileName(resultFile))).ConfigureAwait(false);
        }
        finally
        {
            if (resultFile != null)
            {
                EmulatorApp.TryDelete(resultFile);
            }
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
