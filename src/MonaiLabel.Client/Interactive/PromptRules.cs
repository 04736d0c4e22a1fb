using System;
using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Client;

// Which prompt each model kind takes (what the real clients send to each type), and how a request becomes params.
internal static class PromptRules
{
    public static bool TakesClicks(ModelKind kind) =>
        kind == ModelKind.Deepgrow || kind == ModelKind.Annotation || kind == ModelKind.Others || !kind.IsKnown;

    public static bool TakesDeepEdit(ModelKind kind) => kind == ModelKind.DeepEdit || kind == ModelKind.Others || !kind.IsKnown;

    public static bool TakesScribbles(ModelKind kind) => kind == ModelKind.Scribbles || kind == ModelKind.Others || !kind.IsKnown;

    public static string WhatItTakes(ModelKind kind)
    {
        if (kind == ModelKind.Deepgrow || kind == ModelKind.Annotation)
        {
            return "a ClickPrompt (foreground/background points)";
        }

        if (kind == ModelKind.DeepEdit)
        {
            return "a DeepEditPrompt (points per label name)";
        }

        if (kind == ModelKind.Scribbles)
        {
            return "a ScribblesPrompt (a label file and label_info)";
        }

        return "no prompt (run it on the image alone)";
    }

    public static string Describe(string name, ModelCapabilities? model)
    {
        var text = $"Model '{name}'";
        if (model == null)
        {
            return text;
        }

        var kind = model.Kind?.ToString();
        var dimension = model.Dimension is { } d ? $"{d}D" : null;
        return kind == null && dimension == null ? text
            : text + " (" + string.Join(", ", new[] { kind, dimension }.Where(s => s != null)) + ")";
    }

    // Everything checked before a request is sent: the prompt against the model (when known), the result options,
    // and what the model needs when no prompt is given.
    public static void Check(string modelName, ModelCapabilities? model, InferRequest request)
    {
        var check = new PromptCheck(modelName, model, request);
        request.ResultOptions?.Check(check);
        request.Prompt?.Check(check);
        Params(modelName, model, request); // a key set twice is refused here too
        if (request.Output == InferOutput.DicomSeg && request.Params?.ContainsKey("label_info") != true)
        {
            // MONAI Label answers 404 "Parameters for DICOM SEG inference cannot be empty!" after running the model.
            check.Refuse("label_info", "is needed with output=dicom_seg: the server describes each segment of the DICOM SEG from it (InferRequest.Params[\"label_info\"])");
        }

        if (request.Prompt != null || model?.Kind is not { } kind)
        {
            return;
        }

        if (kind == ModelKind.Deepgrow)
        {
            check.Refuse("foreground", "needs at least one point: a deepgrow model takes a ClickPrompt");
        }

        if (kind == ModelKind.Scribbles && (request.Label == null || request.Params?.ContainsKey("label_info") != true))
        {
            check.Refuse(request.Label == null ? "label" : "label_info", "is needed: a scribbles model takes a ScribblesPrompt (a label file and label_info)");
        }
    }

    // The params JSON of a checked request: the caller's Params, then the prompt's and the result options' keys (a
    // key given twice is refused rather than silently replaced).
    public static IDictionary<string, object?>? Params(string modelName, ModelCapabilities? model, InferRequest request)
    {
        if (request.Prompt == null && request.ResultOptions == null)
        {
            return request.Params;
        }

        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        request.Prompt?.Write(typed, model);
        request.ResultOptions?.Write(typed);
        var merged = request.Params == null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(request.Params, StringComparer.Ordinal);
        foreach (var entry in typed)
        {
            if (merged.ContainsKey(entry.Key))
            {
                new PromptCheck(modelName, model, request).Refuse(
                    entry.Key, "is set twice: by the prompt or result options and in InferRequest.Params; keep one");
            }

            merged[entry.Key] = entry.Value;
        }

        return merged;
    }
}
