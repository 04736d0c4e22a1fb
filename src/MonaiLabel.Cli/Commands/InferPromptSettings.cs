using System.ComponentModel;
using System.Linq;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// The interactive prompt options of <c>mlabel infer</c> (clicks, DeepEdit points, scribbles, result options). They
/// are read as text and turned into the SDK's typed prompts by <see cref="InferPrompts"/> when the command runs, so a
/// refusal is one line naming the model (a settings validation error would add a usage hint).
/// </summary>
internal class InferPromptSettings : SaveSettings
{
    [CommandOption("--fg <X,Y,Z>")]
    [Description("A foreground click, voxel (IJK) indices; repeat for more. Deepgrow, SAM2 and other click models.")]
    public string[]? Foreground { get; set; }

    [CommandOption("--bg <X,Y,Z>")]
    [Description("A background click, voxel (IJK) indices; repeat for more (with --point: DeepEdit's background points).")]
    public string[]? Background { get; set; }

    [CommandOption("--roi <X0,X1,Y0,Y1,Z0,Z1>")]
    [Description("A box around the object, voxel indices (SAM2 takes it as its box prompt; scribbles limit their work to it).")]
    public string? Roi { get; set; }

    [CommandOption("--slice <N>")]
    [Description("The slice a 2D model works on (needed when its clicks are on several slices).")]
    public string? Slice { get; set; }

    [CommandOption("--label-name <NAME>")]
    [Description("The label the clicks are for; with --point, DeepEdit's current label.")]
    public string? LabelName { get; set; }

    [CommandOption("--reset-state")]
    [Description("Ask the model to forget earlier clicks (SAM2's reset_state).")]
    public bool ResetState { get; set; }

    [CommandOption("--point <LABEL=X,Y,Z>")]
    [Description("A DeepEdit click under a label name of the model (e.g. spleen=10,20,30); repeat for more.")]
    public string[]? Points { get; set; }

    [CommandOption("--scribbles <PATH>")]
    [Description("A scribbles label file (.nrrd, .nii.gz, or OHIF's raw .bin labelmap) for a scribbles model; needs --label-info.")]
    public string? Scribbles { get; set; }

    [CommandOption("--label-info <NAME=ID>")]
    [Description("A scribbles label and its value in the file (e.g. background_scribbles=2, foreground_scribbles=3); repeat for more.")]
    public string[]? LabelInfo { get; set; }

    [CommandOption("--result-extension <EXT>")]
    [Description("The result file's extension the server writes (e.g. .nrrd).")]
    public string? ResultExtension { get; set; }

    [CommandOption("--result-dtype <TYPE>")]
    [Description("The result's data type (e.g. uint8, uint16).")]
    public string? ResultDataType { get; set; }

    [CommandOption("--result-compress <BOOL>")]
    [Description("Whether the server compresses the result file: true or false.")]
    public string? ResultCompress { get; set; }

    [CommandOption("--restore-label-idx <BOOL>")]
    [Description("Whether the server restores the model's own label values: true or false.")]
    public string? RestoreLabelIndices { get; set; }

    /// <summary>Whether any click, DeepEdit or scribbles option was given.</summary>
    public bool HasPrompt =>
        Any(Foreground) || Any(Background) || Roi != null || Slice != null || LabelName != null || ResetState || Any(Points) || Scribbles != null || Any(LabelInfo);

    /// <summary>Whether any result option was given.</summary>
    public bool HasResultOptions => ResultExtension != null || ResultDataType != null || ResultCompress != null || RestoreLabelIndices != null;

    private static bool Any(string[]? values) => values is { Length: > 0 } && values.Any(v => v != null);
}
