using System;

namespace MonaiLabel.Client;

/// <summary>
/// What kind of model a server's <c>/info/</c> says a model is (MONAI Label's <c>InferType</c>): an extensible
/// enumeration, so a kind this SDK does not know is kept as the server's string instead of failing the read.
/// Compared case-insensitively.
/// </summary>
public readonly struct ModelKind : IEquatable<ModelKind>
{
    private readonly string? _value;

    /// <summary>A kind by the server's string, e.g. <c>"deepgrow"</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ModelKind(string value)
    {
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Automatic segmentation: runs on the image alone.</summary>
    public static ModelKind Segmentation { get; } = new("segmentation");

    /// <summary>Annotation from clicks (pathology NuClick).</summary>
    public static ModelKind Annotation { get; } = new("annotation");

    /// <summary>Classification.</summary>
    public static ModelKind Classification { get; } = new("classification");

    /// <summary>Clicks: foreground / background points (DeepGrow, and SAM2 in the radiology app).</summary>
    public static ModelKind Deepgrow { get; } = new("deepgrow");

    /// <summary>Points per label name plus the current label (DeepEdit).</summary>
    public static ModelKind DeepEdit { get; } = new("deepedit");

    /// <summary>A scribbles label file plus <c>label_info</c> (e.g. Histogram+GraphCut).</summary>
    public static ModelKind Scribbles { get; } = new("scribbles");

    /// <summary>Detection.</summary>
    public static ModelKind Detection { get; } = new("detection");

    /// <summary>Anything else the server calls <c>others</c>.</summary>
    public static ModelKind Others { get; } = new("others");

    /// <summary>Whether this is one of the kinds MONAI Label defines (the static properties above).</summary>
    public bool IsKnown =>
        Equals(Segmentation) || Equals(Annotation) || Equals(Classification) || Equals(Deepgrow) || Equals(DeepEdit) ||
        Equals(Scribbles) || Equals(Detection) || Equals(Others);

    /// <summary>Equality by the server's string, ignoring case.</summary>
    public static bool operator ==(ModelKind left, ModelKind right) => left.Equals(right);

    /// <summary>Inequality by the server's string, ignoring case.</summary>
    public static bool operator !=(ModelKind left, ModelKind right) => !left.Equals(right);

    /// <summary>The kind of a server string.</summary>
    public static implicit operator ModelKind(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ModelKind other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ModelKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value == null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The server's string, e.g. <c>deepgrow</c>.</summary>
    public override string ToString() => _value ?? string.Empty;
}
