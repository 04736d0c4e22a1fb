using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MonaiLabel.Client;

// Checks a request against what a model takes, before anything is sent. Every refusal is an ArgumentException whose
// message names the model, the prompt field (its params key) and what the field expects.
internal sealed class PromptCheck
{
    public PromptCheck(string modelName, ModelCapabilities? model, InferRequest request)
    {
        ModelName = modelName;
        Model = model;
        Request = request;
    }

    public string ModelName { get; }

    public ModelCapabilities? Model { get; }

    public InferRequest Request { get; }

    public ModelKind? Kind => Model?.Kind;

    public void Refuse(string field, string expectation) =>
        throw new ArgumentException($"{PromptRules.Describe(ModelName, Model)}: prompt field '{field}' {expectation}.", "request");

    public void Points(string field, IList<VoxelPoint> points)
    {
        for (var n = 0; n < points.Count; n++)
        {
            var p = points[n];
            if (p.I < 0 || p.J < 0 || p.K < 0)
            {
                Refuse($"{field}[{n}]", $"is a voxel index [i, j, k] with no negative value; got {p}");
            }
        }
    }

    public void Box(string field, VoxelBox box)
    {
        if (box.I0 < 0 || box.J0 < 0 || box.K0 < 0 || box.I1 < box.I0 || box.J1 < box.J0 || box.K1 < box.K0)
        {
            Refuse(field, $"is a voxel box [i0, i1, j0, j1, k0, k1] with 0 <= start <= end in each range; got {box}");
        }
    }

    public void Clicks(ClickPrompt prompt)
    {
        if (Kind is { } kind && !PromptRules.TakesClicks(kind))
        {
            Refuse("foreground", $"is not taken by a {kind} model: it takes {PromptRules.WhatItTakes(kind)}");
        }

        if (Kind == ModelKind.Deepgrow && prompt.Foreground.Count == 0)
        {
            Refuse("foreground", "needs at least one point: a deepgrow model segments from a foreground click");
        }

        if (Model?.Dimension == 2)
        {
            var slices = prompt.Foreground.Concat(prompt.Background).Select(p => p.K).Distinct().OrderBy(k => k).ToList();
            if (prompt.Slice is { } slice)
            {
                foreach (var (field, points) in new[] { ("foreground", prompt.Foreground), ("background", prompt.Background) })
                {
                    for (var n = 0; n < points.Count; n++)
                    {
                        if (points[n].K != slice)
                        {
                            Refuse($"{field}[{n}]", $"lies on slice {points[n].K}, but 'slice' is {slice}: a 2D model uses the points of its one slice");
                        }
                    }
                }
            }
            else if (slices.Count > 1)
            {
                Refuse("slice", $"is needed: the points lie on slices {string.Join(", ", slices.Select(k => k.ToString(CultureInfo.InvariantCulture)))} and a 2D model works on one (without 'slice' it silently picks one)");
            }
        }
    }

    public void DeepEdit(DeepEditPrompt prompt)
    {
        if (Kind is { } kind && !PromptRules.TakesDeepEdit(kind))
        {
            Refuse("points", $"per label are not taken by a {kind} model: it takes {PromptRules.WhatItTakes(kind)}");
        }

        if (Model == null || Model.Labels.Count == 0)
        {
            return;
        }

        var labels = string.Join(", ", Model.Labels.Select(l => l.Name));
        var keys = Model.HasLabel(DeepEditPrompt.BackgroundKey) ? labels : labels + ", " + DeepEditPrompt.BackgroundKey;
        foreach (var key in prompt.Points.Keys)
        {
            if (key != DeepEditPrompt.BackgroundKey && !Model.HasLabel(key))
            {
                Refuse(key, $"is not a label of the model: points go under one of {keys}");
            }
        }

        if (prompt.Label != null && !Model.HasLabel(prompt.Label))
        {
            Refuse("label", $"names the label being edited, one of {labels}; got \"{prompt.Label}\"");
        }
    }

    public void Scribbles(ScribblesPrompt prompt)
    {
        if (Kind is { } kind && !PromptRules.TakesScribbles(kind))
        {
            Refuse("label", $"(scribbles) is not taken by a {kind} model: it takes {PromptRules.WhatItTakes(kind)}");
        }

        if (Request.Label != null)
        {
            Refuse("label", "is given twice: by the ScribblesPrompt and by InferRequest.Label; keep one");
        }

        if (prompt.IsRawLabelmap && string.IsNullOrEmpty(Request.ImageId))
        {
            Refuse("label", "as a raw .bin labelmap is converted by the server against the datastore image: it needs InferRequest.ImageId (not a session or an uploaded file)");
        }

        if (prompt.IsRawLabelmap && !string.IsNullOrEmpty(Request.SessionId))
        {
            Refuse("label", "as a raw .bin labelmap is converted against the datastore image, not a session's: send a label image (.nrrd, .nii.gz) instead");
        }
    }
}
