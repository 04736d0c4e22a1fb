using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// Scribbles for a scribbles model (e.g. Histogram+GraphCut): a label image with the strokes, sent as the
/// <c>label</c> file part, plus <c>label_info</c> saying which value is which (<c>background_scribbles</c>,
/// <c>foreground_scribbles</c>), and optionally an <c>roi</c> — as 3D Slicer sends them. OHIF's raw labelmap
/// (<see cref="FromRawLabelmap"/>, <c>label.bin</c>) is converted by the server against the datastore image, so it
/// needs <see cref="InferRequest.ImageId"/>. The content is kept, so a session can send the prompt again.
/// </summary>
public sealed class ScribblesPrompt : InferPrompt
{
    private readonly string? _path;
    private readonly byte[]? _content;

    private ScribblesPrompt(string? path, byte[]? content, string fileName)
    {
        _path = path;
        _content = content;
        LabelFileName = fileName;
    }

    /// <summary>The name the label file is sent under; its extension tells the server the format (<c>.nrrd</c>, <c>.nii.gz</c>, <c>.bin</c>).</summary>
    public string LabelFileName { get; }

    /// <summary>Whether the label is OHIF's raw labelmap (<c>.bin</c>), which the server converts against the datastore image.</summary>
    public bool IsRawLabelmap => LabelFileName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);

    /// <summary>Which label value is which (<c>label_info</c>: <c>[{"name", "id"}]</c>); at least one.</summary>
    public IList<ScribbleLabel> LabelInfo { get; } = new List<ScribbleLabel>();

    /// <summary>The region the scribbles concern (<c>roi</c>).</summary>
    public VoxelBox? Roi { get; set; }

    /// <summary>Scribbles in a label image file (read at each send, streamed).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static ScribblesPrompt FromFile(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A scribbles label file path is required.", nameof(path));
        }

        return new ScribblesPrompt(path, null, Path.GetFileName(path));
    }

    /// <summary>Scribbles in memory, sent as <paramref name="fileName"/> (whose extension gives the format).</summary>
    public static ScribblesPrompt FromBytes(byte[] content, string fileName)
    {
        if (content == null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (string.IsNullOrEmpty(fileName))
        {
            throw new ArgumentException("A file name (with the label format's extension) is required.", nameof(fileName));
        }

        return new ScribblesPrompt(null, content, fileName);
    }

    /// <summary>OHIF's raw labelmap: the voxel values as unsigned integers, sent as <c>label.bin</c>.</summary>
    public static ScribblesPrompt FromRawLabelmap(byte[] labelmap) => FromBytes(labelmap, "label.bin");

    internal override void Check(PromptCheck check)
    {
        if (LabelInfo.Count == 0)
        {
            check.Refuse("label_info", "needs at least one {name, id} entry (e.g. ScribbleLabel.Background(2), ScribbleLabel.Foreground(3))");
        }

        for (var n = 0; n < LabelInfo.Count; n++)
        {
            var label = LabelInfo[n];
            if (label == null || string.IsNullOrEmpty(label.Name))
            {
                check.Refuse($"label_info[{n}]", "needs a name");
            }
            else if (label.Id < 0)
            {
                check.Refuse($"label_info[{n}]", $"needs an id that is a label value, never negative; got {label.Id}");
            }
        }

        if (Roi is { } roi)
        {
            check.Box("roi", roi);
        }

        if (_content is { Length: 0 })
        {
            check.Refuse("label", "is an empty file");
        }

        check.Scribbles(this);
    }

    internal override void Write(IDictionary<string, object?> parameters, ModelCapabilities? model)
    {
        parameters["label_info"] = LabelInfo.Select(l => new Dictionary<string, object> { ["name"] = l.Name, ["id"] = l.Id }).ToArray();
        if (Roi is { } roi)
        {
            parameters["roi"] = roi.ToWire();
        }
    }

    internal override FileParameter OpenLabelFile() =>
        _path != null
            ? FileParameter.FromFile(_path)
            : new FileParameter(new MemoryStream(_content!, writable: false), LabelFileName, "application/octet-stream");
}

/// <summary>One entry of scribbles' <c>label_info</c>: a name and the label value its strokes have.</summary>
public sealed class ScribbleLabel
{
    /// <summary>The name upstream's scribbles transforms read for background strokes.</summary>
    public const string BackgroundName = "background_scribbles";

    /// <summary>The name upstream's scribbles transforms read for foreground strokes.</summary>
    public const string ForegroundName = "foreground_scribbles";

    /// <summary>Creates an entry.</summary>
    public ScribbleLabel(string name, int id)
    {
        Name = name;
        Id = id;
    }

    /// <summary>The label's name (<c>name</c>).</summary>
    public string Name { get; }

    /// <summary>The value of its strokes in the label image (<c>id</c>).</summary>
    public int Id { get; }

    /// <summary>Background strokes have value <paramref name="id"/> (upstream's default is 2).</summary>
    public static ScribbleLabel Background(int id) => new(BackgroundName, id);

    /// <summary>Foreground strokes have value <paramref name="id"/> (upstream's default is 3).</summary>
    public static ScribbleLabel Foreground(int id) => new(ForegroundName, id);
}
