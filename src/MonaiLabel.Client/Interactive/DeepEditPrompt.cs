using System;
using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// DeepEdit's clicks: points under each label name, plus the label being edited. Sent as 3D Slicer and OHIF send
/// them: <c>{"&lt;label&gt;": [[i,j,k]…] for every label of the model, "background": […], "label": "&lt;current&gt;"}</c>
/// — every label of the model (from its <see cref="ModelCapabilities"/>) and <c>background</c> appear, empty when
/// they have no points. A label the model does not have is refused before sending.
/// </summary>
public sealed class DeepEditPrompt : InferPrompt
{
    /// <summary>The key of background points, which DeepEdit reads beside the label names.</summary>
    public const string BackgroundKey = "background";

    /// <summary>Points by label name (ordinal); points under <see cref="BackgroundKey"/> are background clicks.</summary>
    public IDictionary<string, IList<VoxelPoint>> Points { get; } = new Dictionary<string, IList<VoxelPoint>>(StringComparer.Ordinal);

    /// <summary>The label being edited (<c>label</c>).</summary>
    public string? Label { get; set; }

    /// <summary>Adds <paramref name="point"/> under <paramref name="label"/>; answers this prompt, to chain.</summary>
    public DeepEditPrompt Add(string label, VoxelPoint point)
    {
        if (label == null)
        {
            throw new ArgumentNullException(nameof(label));
        }

        if (!Points.TryGetValue(label, out var points))
        {
            Points[label] = points = new List<VoxelPoint>();
        }

        points.Add(point);
        return this;
    }

    internal override void Check(PromptCheck check)
    {
        foreach (var entry in Points)
        {
            if (string.IsNullOrEmpty(entry.Key))
            {
                check.Refuse("points", "are keyed by a label name; got an empty name");
            }

            check.Points(entry.Key, entry.Value ?? new List<VoxelPoint>());
        }

        check.DeepEdit(this);
    }

    internal override void Write(IDictionary<string, object?> parameters, ModelCapabilities? model)
    {
        if (model != null)
        {
            foreach (var label in model.Labels)
            {
                parameters[label.Name] = Array.Empty<int[]>();
            }
        }

        parameters[BackgroundKey] = Array.Empty<int[]>();
        foreach (var entry in Points)
        {
            parameters[entry.Key] = (entry.Value ?? new List<VoxelPoint>()).Select(p => p.ToWire()).ToArray();
        }

        if (Label != null)
        {
            parameters["label"] = Label;
        }
    }
}
