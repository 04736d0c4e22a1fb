using System;
using System.Collections.Generic;

namespace MonaiLabel.Emulator;

/// <summary>
/// A model the emulator serves. Its "inference" is deterministic and cheap: each byte of the label is 1 when the
/// matching byte of the input file is 128 or more, else 0 (see <see cref="MonaiLabelEmulator.ComputeLabel"/>).
/// </summary>
public sealed class EmulatorModel
{
    /// <summary>Creates a model entry.</summary>
    /// <param name="name">The model name used in <c>/infer/{model}</c>, <c>/model/{model}</c>, <c>/train/{model}</c>.</param>
    /// <param name="type">The model type shown by <c>/info/</c> (segmentation, deepedit, deepgrow, scribbles, ...).</param>
    public EmulatorModel(string name, string type)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <summary>The model name.</summary>
    public string Name { get; }

    /// <summary>The model type shown by <c>/info/</c>.</summary>
    public string Type { get; }

    /// <summary>Label name to label value, as <c>/info/</c> shows it and infer answers it in <c>label_names</c>.</summary>
    public IDictionary<string, int> Labels { get; set; } = new Dictionary<string, int>();

    /// <summary>2 or 3.</summary>
    public int Dimension { get; set; } = 3;

    /// <summary>The description shown by <c>/info/</c>.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Whether a trainer of the same name exists (shown under <c>trainers</c>; <c>POST /train/{model}</c> works).</summary>
    public bool Trainable { get; set; }

    /// <summary>Whether a pre-trained weights file (<c>&lt;name&gt;.pt</c>, 4 KiB) exists at start, so <c>GET /model/{model}</c> answers at once.</summary>
    public bool Pretrained { get; set; } = true;

    /// <summary>The three models of the reference app: <c>segmentation_spleen</c> (3D, trainable), <c>deepedit</c>
    /// and <c>segmentation_tissue</c> (2D, for whole-slide images).</summary>
    public static IList<EmulatorModel> Defaults() => new List<EmulatorModel>
    {
        new("segmentation_spleen", "segmentation")
        {
            Labels = new Dictionary<string, int> { ["spleen"] = 1 },
            Dimension = 3,
            Description = "Emulated 3D spleen segmentation of CT volumes (threshold model)",
            Trainable = true,
        },
        new("deepedit", "deepedit")
        {
            Labels = new Dictionary<string, int> { ["spleen"] = 1, ["background"] = 0 },
            Dimension = 3,
            Description = "Emulated interactive DeepEdit model (threshold model)",
        },
        new("segmentation_tissue", "segmentation")
        {
            Labels = new Dictionary<string, int> { ["tumor"] = 1 },
            Dimension = 2,
            Description = "Emulated 2D tumor segmentation for whole-slide images (threshold model)",
        },
    };
}
