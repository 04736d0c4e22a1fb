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

    /// <summary>
    /// Label name to label value, as <c>/info/</c> shows it and infer answers it in <c>label_names</c>. Empty (the
    /// default) is shown as <c>[]</c>, as the server shows a model created without labels (deepgrow, SAM2).
    /// </summary>
    public IDictionary<string, int> Labels { get; set; } = new Dictionary<string, int>();

    /// <summary>
    /// The model's infer config as <c>/info/</c> shows it (values: bool, integer, floating point, string, or a list
    /// or dictionary of these; a list is a choice whose first element is the default). Null (the default) shows the
    /// emulator's own config: <c>device: ["cpu"]</c>, plus the transform-cache keys for a deepedit model.
    /// </summary>
    public IDictionary<string, object?>? Config { get; set; }

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

    /// <summary>
    /// The interactive models of upstream's radiology sample app as the reference server serves them
    /// (<c>mlref --interactive</c>), with the same names, types, labels, dimensions, descriptions and configs:
    /// <c>deepgrow_2d</c>, <c>deepgrow_3d</c>, <c>deepedit_seg</c>, <c>sam_2d</c>, <c>sam_3d</c> (SAM2 is registered as
    /// <c>deepgrow</c>) and <c>Histogram+GraphCut</c> (scribbles). <see cref="MonaiLabelEmulatorOptions.Interactive"/>
    /// adds them to the served list. They refuse missing prompts as the real ones do (see the README).
    /// </summary>
    public static IList<EmulatorModel> InteractiveModels()
    {
        // Same values as the reference app: the suite compares /info/ of both targets entry by entry.
        static Dictionary<string, object?> Cache() => new()
        {
            ["cache_transforms"] = true,
            ["cache_transforms_in_memory"] = true,
            ["cache_transforms_ttl"] = 300,
        };
        static Dictionary<string, object?> Sam() => new()
        {
            ["device"] = new[] { "cuda" },
            ["reset_state"] = false,
            ["largest_cc"] = false,
            ["pylab"] = false,
        };
        static Dictionary<string, int> Organs() => new() { ["spleen"] = 1, ["liver"] = 2 };
        return new List<EmulatorModel>
        {
            new("deepgrow_2d", "deepgrow") { Dimension = 2, Description = "fake deepgrow 2D", Config = Cache() },
            new("deepgrow_3d", "deepgrow") { Dimension = 3, Description = "fake deepgrow 3D", Config = Cache() },
            new("deepedit_seg", "segmentation") { Labels = Organs(), Dimension = 3, Description = "fake deepedit (auto)", Config = new Dictionary<string, object?>() },
            new("sam_2d", "deepgrow") { Dimension = 2, Description = "fake SAM2 2D", Config = Sam() },
            new("sam_3d", "deepgrow") { Dimension = 3, Description = "fake SAM2 3D", Config = Sam() },
            new("Histogram+GraphCut", "scribbles")
            {
                Labels = Organs(),
                Dimension = 3,
                Description = "fake histogram GraphCut",
                Config = new Dictionary<string, object?> { ["lamda"] = 1.0, ["sigma"] = 0.1, ["num_bins"] = 64 },
            },
        };
    }
}
