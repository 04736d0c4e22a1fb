using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// What a model receives and which prompts it refuses, as the reference server's fake app reports and checks them
/// (<c>mlref</c>: <c>params.mlref.received</c>; the interactive models of upstream's radiology app fail with an
/// exception, so a 500 <c>text/plain</c>, when their prompts are missing). Every model is checked by its type, so a
/// deepgrow or scribbles model of the caller's own is checked the same way.
/// </summary>
internal static class ModelInput
{
    /// <summary>
    /// Every request key but <c>image</c>, <c>session</c> and <c>model</c>, in request order; the uploaded label
    /// file (scribbles) as <c>label_file: {sha256, ext, size}</c> instead of its temporary path. Only a file in the
    /// emulator's own temporary folder counts as a label file (the server would read any path named in params).
    /// </summary>
    public static JsonObject Received(JsonObject request, string tempDirectory)
    {
        var received = new JsonObject();
        foreach (var kv in request)
        {
            if (kv.Key is "image" or "session" or "model")
            {
                continue;
            }

            if (kv.Key == "label" && kv.Value is JsonValue v && v.TryGetValue<string>(out var path) && IsOwnFile(path, tempDirectory))
            {
                var bytes = File.ReadAllBytes(path);
                received["label_file"] = new JsonObject
                {
                    ["sha256"] = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(),
                    ["ext"] = Py.FileExt(path),
                    ["size"] = bytes.LongLength,
                };
                continue;
            }

            received[kv.Key] = PyJson.Clone(kv.Value);
        }

        return received;
    }

    /// <summary>Fails (an app exception: 500) as the real model does when its prompts are missing or malformed.</summary>
    public static void CheckPrompts(EmulatorModel model, JsonObject request, JsonObject received)
    {
        switch (model.Type)
        {
            case "deepgrow":
                if (request["foreground"] is not JsonArray fg || fg.Count == 0)
                {
                    throw new AppError($"{model.Name}: deepgrow needs at least one foreground point");
                }

                // SAM2 (registered as deepgrow) reads request["background"] unguarded: a missing key is a KeyError.
                if (model.Name.StartsWith("sam", StringComparison.Ordinal) && !request.ContainsKey("background"))
                {
                    throw new AppError("KeyError: 'background'");
                }

                // list(request.get("background") or []): a falsy value is no points; anything else must be a list
                // (list() of a string or a dict gives items that are no points; of a number, a TypeError).
                var bg = request["background"];
                var hasBackground = EmulatorApp.Truthy(bg);
                if ((hasBackground && bg is not JsonArray) || fg.Concat(hasBackground ? (JsonArray)bg! : new JsonArray()).Any(p => p is not JsonArray { Count: 3 }))
                {
                    throw new AppError($"{model.Name}: every point is [x, y, z] in voxel (IJK) coordinates");
                }

                break;
            case "deepedit" when EmulatorApp.Truthy(request["mlref_require_clicks"]):
                if (!model.Labels.Keys.Any(n => request[n] is JsonArray))
                {
                    throw new AppError($"{model.Name}: deepedit needs points under a label name");
                }

                break;
            case "scribbles":
                if (!received.ContainsKey("label_file"))
                {
                    throw new AppError($"{model.Name}: scribbles need a label file");
                }

                break;
        }
    }

    private static bool IsOwnFile(string path, string tempDirectory)
    {
        try
        {
            var full = Path.GetFullPath(path);
            return full.StartsWith(Path.GetFullPath(tempDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }
}
