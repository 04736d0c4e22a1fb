using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// Clicks for DeepGrow and SAM2 (and NuClick): foreground and background points in voxel coordinates, with
/// optionally the label being drawn, an ROI box, the slice of a 2D model and <c>reset_state</c>. Sent as 3D Slicer
/// sends them: <c>{"foreground": [[i,j,k]…], "background": [[i,j,k]…], "label", "roi", "slice", "reset_state"}</c>
/// — both point lists always (SAM2 reads <c>background</c> unguarded), the rest only when set.
/// </summary>
public sealed class ClickPrompt : InferPrompt
{
    /// <summary>Points inside the structure (<c>foreground</c>). DeepGrow and SAM2 need at least one.</summary>
    public IList<VoxelPoint> Foreground { get; } = new List<VoxelPoint>();

    /// <summary>Points outside it (<c>background</c>); sent even when empty.</summary>
    public IList<VoxelPoint> Background { get; } = new List<VoxelPoint>();

    /// <summary>The name of the label being drawn (<c>label</c>), as Slicer sends its segment's name.</summary>
    public string? Label { get; set; }

    /// <summary>A box around the structure (<c>roi</c>; SAM2's box prompt).</summary>
    public VoxelBox? Roi { get; set; }

    /// <summary>
    /// The slice a 2D model works on (<c>slice</c>). Needed when the points lie on more than one slice: without it
    /// upstream's SAM2 silently segments one of them, so the SDK refuses that request. Points must lie on this slice.
    /// </summary>
    public int? Slice { get; set; }

    /// <summary>Ask the model to forget earlier clicks on this image (<c>reset_state</c>; SAM2 3D).</summary>
    public bool? ResetState { get; set; }

    internal override void Check(PromptCheck check)
    {
        check.Points("foreground", Foreground);
        check.Points("background", Background);
        if (Roi is { } roi)
        {
            check.Box("roi", roi);
        }

        if (Slice is < 0)
        {
            check.Refuse("slice", $"is a slice index, never negative; got {Slice}");
        }

        check.Clicks(this);
    }

    internal override void Write(IDictionary<string, object?> parameters, ModelCapabilities? model)
    {
        parameters["foreground"] = Foreground.Select(p => p.ToWire()).ToArray();
        parameters["background"] = Background.Select(p => p.ToWire()).ToArray();
        if (Label != null)
        {
            parameters["label"] = Label;
        }

        if (Roi is { } roi)
        {
            parameters["roi"] = roi.ToWire();
        }

        if (Slice is { } slice)
        {
            parameters["slice"] = slice;
        }

        if (ResetState is { } reset)
        {
            parameters["reset_state"] = reset;
        }
    }
}
