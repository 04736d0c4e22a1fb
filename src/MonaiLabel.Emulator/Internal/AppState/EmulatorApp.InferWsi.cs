using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// The app's infer_wsi: the plain infer for an image openslide does not take; for a slide, tiles, contours and the
// DSA JSON or ASAP XML file.
internal sealed partial class EmulatorApp
{
    /// <summary>What upstream's <c>is_openslide_supported</c> takes for a slide (by <c>file_ext</c>, exactly).</summary>
    private static readonly string[] SlideExtensions = { ".bif", ".mrxs", ".ndpi", ".scn", ".svs", ".svslide", ".tif", ".tiff", ".vms", ".vmu" };

    /// <summary>
    /// The app's <c>infer_wsi</c>: the answer's JSON and, when the output is a file, that file (the caller deletes
    /// it). For an image that is not a slide (by extension) it runs the plain infer: its params and its label file.
    /// </summary>
    internal async Task<(JsonObject Json, string? File)> InferWsiAsync(JsonObject request, CancellationToken cancellationToken)
    {
        if (!IsSlide(request))
        {
            var result = await InferAsync(request, cancellationToken).ConfigureAwait(false);
            return (result.Params, result.File);
        }

        return await TileSlideAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool IsSlide(JsonObject request)
    {
        var image = request["image"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : string.Empty;
        var path = File.Exists(image) ? image : Datastore.GetImageUri(image);
        return SlideExtensions.Contains(Py.FileExt(path.Length > 0 ? path : image), StringComparer.Ordinal);
    }

    /// <summary>
    /// The app's <c>infer_wsi</c> for a slide: tiles of <c>tile_size</c> over the region (or a 4096x4096 slide),
    /// one deterministic square contour per tile whose sampled byte is 128 or more; DSA JSON or ASAP XML file.
    /// </summary>
    private async Task<(JsonObject Json, string? File)> TileSlideAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var modelName = request["model"]!.GetValue<string>();
        var model = FindModel(modelName) ?? throw new AppError($"WSI/Inference Task is not Initialized. There is no model '{modelName}' available");
        var image = request["image"]?.GetValue<string>() ?? string.Empty;
        var path = File.Exists(image) ? image : Datastore.GetImageUri(image);
        if (path.Length == 0 || !File.Exists(path))
        {
            throw new AppError($"Failed to read image: '{image}'");
        }

        var watch = Stopwatch.StartNew();
        byte[] sample;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true))
        {
            sample = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
            await stream.ReadExactlyAsync(sample, cancellationToken).ConfigureAwait(false);
        }

        var location = Longs(request["location"]);
        var size = Longs(request["size"]);
        var tile = Longs(request["tile_size"]);
        if (location.Length < 2 || size.Length < 2 || tile.Length < 2 || tile[0] <= 0 || tile[1] <= 0)
        {
            throw new AppError("ZeroDivisionError: invalid location, size or tile_size");
        }

        long x = 0, y = 0, w = 4096, h = 4096;
        if (location[0] + location[1] + location[0] + size[0] + location[1] + size[1] > 0)
        {
            x = location[0];
            y = location[1];
            w = size[0];
            h = size[1];
        }

        var cols = (long)Math.Ceiling(w / (double)tile[0]);
        var rows = (long)Math.Ceiling(h / (double)tile[1]);
        if (rows * cols > 100_000)
        {
            throw new AppError("Too many WSI tiles");
        }

        var labelName = model.Labels.Where(kv => kv.Value > 0).Select(kv => kv.Key).FirstOrDefault() ?? model.Labels.Keys.FirstOrDefault() ?? "label";
        var colors = new JsonObject();
        var palette = new[] { new long[] { 255, 0, 0 }, new long[] { 0, 255, 0 }, new long[] { 0, 0, 255 }, new long[] { 255, 255, 0 } };
        var ci = 0;
        foreach (var name in model.Labels.Keys)
        {
            var p = palette[ci++ % palette.Length];
            colors[name] = new JsonArray(p[0], p[1], p[2]);
        }

        var annotations = new JsonArray();
        var index = 0;
        for (long row = 0; row < rows; row++)
        {
            for (long col = 0; col < cols; col++, index++)
            {
                var tx = col * tile[0] + x;
                var ty = row * tile[1] + y;
                var tw = Math.Min(tile[0], x + w - tx);
                var th = Math.Min(tile[1], y + h - ty);
                var elements = new JsonArray();
                var b = sample.Length == 0 ? (byte)0 : sample[(int)((index * 7919L) % sample.Length)];
                if (FakeModel.Threshold(b) == 1)
                {
                    var half = Math.Max(4, Math.Min(tw, th) * b / 1024);
                    long cx = tx + (tw / 2), cy = ty + (th / 2);
                    var contour = new JsonArray(
                        new JsonArray(cx - half, cy - half),
                        new JsonArray(cx + half, cy - half),
                        new JsonArray(cx + half, cy + half),
                        new JsonArray(cx - half, cy + half));
                    elements.Add((JsonNode)new JsonObject { ["label"] = labelName, ["contours"] = new JsonArray(contour) });
                }

                annotations.Add((JsonNode)new JsonObject
                {
                    ["annotation"] = new JsonObject
                    {
                        ["location"] = new JsonArray(tx, ty),
                        ["size"] = new JsonArray(tw, th),
                        ["elements"] = elements,
                        ["labels"] = PyJson.Clone(colors),
                    },
                    ["latencies"] = new JsonObject
                    {
                        ["pre"] = PyJson.Float(0), ["infer"] = PyJson.Float(0), ["invert"] = PyJson.Float(0),
                        ["post"] = PyJson.Float(0), ["write"] = PyJson.Float(0), ["total"] = PyJson.Float(0), ["transform"] = null,
                    },
                });
            }
        }

        // The server extends the request's location list with the size, in place, to name the result.
        var locationNode = (JsonArray)request["location"]!;
        foreach (var s in Longs(request["size"]))
        {
            locationNode.Add((JsonNode?)s);
        }

        var bbox = "[" + string.Join(", ", Longs(locationNode).Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
        var json = new JsonObject
        {
            ["annotations"] = annotations,
            ["name"] = $"MONAILabel Annotations - {modelName} for {bbox}",
            ["description"] = model.Description,
            ["model"] = modelName,
            ["location"] = PyJson.Clone(request["location"]),
            ["size"] = PyJson.Clone(request["size"]),
            ["latencies"] = new JsonObject
            {
                ["total"] = PyJson.Float(Math.Round(watch.Elapsed.TotalSeconds, 2)),
                ["tsum"] = PyJson.Float(0),
                ["pre"] = PyJson.Float(0),
                ["post"] = PyJson.Float(0),
                ["infer"] = PyJson.Float(0),
            },
        };

        var output = request["output"] is JsonValue ov && ov.TryGetValue<string>(out var o) ? o : null;
        string? file = output switch
        {
            "dsa" => WriteDsa(json),
            "asap" => WriteAsap(json),
            _ => null,
        };
        return (json, file);
    }

    private string WriteDsa(JsonObject json)
    {
        var path = NewTempFile(".json");
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append(" \"name\": \"").Append(json["name"]!.GetValue<string>()).Append("\",\n");
        sb.Append(" \"elements\": [\n");
        var count = 0;
        foreach (var tile in json["annotations"]!.AsArray())
        {
            var annotation = tile?["annotation"] as JsonObject;
            if (annotation == null)
            {
                continue;
            }

            var colors = annotation["labels"] as JsonObject;
            foreach (var element in annotation["elements"]!.AsArray())
            {
                var label = element!["label"]!.GetValue<string>();
                var rgb = colors?[label] is JsonArray c ? "rgb(" + string.Join(",", Longs(c)) + ")" : "rgb(0,0,0)";
                foreach (var contour in element["contours"]!.AsArray())
                {
                    var points = new JsonArray();
                    foreach (var point in contour!.AsArray())
                    {
                        var xy = Longs(point);
                        points.Add((JsonNode)new JsonArray(xy[0], xy[1], 0L));
                    }

                    if (count > 0)
                    {
                        sb.Append(",\n");
                    }

                    var style = new JsonObject
                    {
                        ["group"] = label,
                        ["type"] = "polyline",
                        ["lineColor"] = rgb,
                        ["lineWidth"] = PyJson.Float(2.0),
                        ["closed"] = true,
                        ["points"] = points,
                        ["label"] = new JsonObject { ["value"] = label },
                    };
                    sb.Append("  ").Append(PyJson.Dumps(style));
                    count++;
                }
            }
        }

        sb.Append(" ],\n");
        var description = new JsonObject
        {
            ["model"] = PyJson.Clone(json["model"]),
            ["desc"] = PyJson.Clone(json["description"]),
            ["location"] = PyJson.Clone(json["location"]),
            ["size"] = PyJson.Clone(json["size"]),
            ["count"] = count,
            ["latencies"] = PyJson.Clone(json["latencies"]),
        };
        sb.Append(" \"description\": ").Append(PyJson.Dumps(JsonValue.Create(PyJson.Dumps(description)))).Append('\n');
        sb.Append('}');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    private string WriteAsap(JsonObject json)
    {
        var path = NewTempFile(".xml");
        var location = Longs(json["location"]);
        var size = Longs(json["size"]);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n");
        sb.Append(CultureInfo.InvariantCulture, $"  <Annotations Name=\"{json["name"]}\" Description=\"{json["description"]}\" Model=\"{json["model"]}\" X=\"{location[0]}\" Y=\"{location[1]}\" W=\"{size[0]}\" H=\"{size[1]}\">\n");
        var groups = new JsonObject();
        foreach (var tile in json["annotations"]!.AsArray())
        {
            if (tile?["annotation"] is not JsonObject annotation)
            {
                continue;
            }

            var colors = annotation["labels"] as JsonObject;
            foreach (var element in annotation["elements"]!.AsArray())
            {
                var label = element!["label"]!.GetValue<string>();
                var hex = colors?[label] is JsonArray c ? "#" + string.Concat(Longs(c).Select(v => v.ToString("x2", CultureInfo.InvariantCulture))) : "#000000";
                groups[label] = hex;
                foreach (var contour in element["contours"]!.AsArray())
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    <Annotation Name=\"{label}\" Type=\"Polygon\" PartOfGroup=\"{label}\" Color=\"{hex}\">\n");
                    sb.Append("      <Coordinates>\n");
                    var order = 0;
                    foreach (var point in contour!.AsArray())
                    {
                        var xy = Longs(point);
                        sb.Append(CultureInfo.InvariantCulture, $"        <Coordinate Order=\"{order++}\" X=\"{xy[0]}\" Y=\"{xy[1]}\" />\n");
                    }

                    sb.Append("      </Coordinates>\n    </Annotation>\n");
                }
            }
        }

        sb.Append("  </Annotations>\n  <AnnotationGroups>\n");
        foreach (var kv in groups)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    <Group Name=\"{kv.Key}\" PartOfGroup=\"None\" Color=\"{kv.Value}\">\n      <Attributes />\n    </Group>\n");
        }

        sb.Append("  </AnnotationGroups>\n</ASAP_Annotations>\n");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>A JSON array of integers as longs (anything else counts as 0).</summary>
    internal static long[] Longs(JsonNode? node) =>
        node is JsonArray arr ? arr.Select(x => x is JsonValue v && v.TryGetValue<long>(out var l) ? l : 0L).ToArray() : Array.Empty<long>();
}
