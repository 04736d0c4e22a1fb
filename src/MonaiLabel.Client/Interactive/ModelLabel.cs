namespace MonaiLabel.Client;

/// <summary>
/// A label a model segments, as <c>/info/</c> lists it: a name, and the index the server gave it when it sent a
/// <c>{name: index}</c> map (null when it sent a plain list of names).
/// </summary>
public sealed class ModelLabel
{
    /// <summary>Creates a label.</summary>
    public ModelLabel(string name, int? index)
    {
        Name = name;
        Index = index;
    }

    /// <summary>The label's name, e.g. <c>spleen</c>.</summary>
    public string Name { get; }

    /// <summary>The label's value in the label image, when the server said; null for a plain list of names.</summary>
    public int? Index { get; }

    /// <inheritdoc />
    public override string ToString() => Index == null ? Name : $"{Name}={Index}";
}
