using System;
using System.Globalization;

namespace MonaiLabel.Client;

/// <summary>
/// A point in voxel (IJK) coordinates of the image the server holds, as every MONAI Label client sends clicks:
/// <c>[i, j, k]</c>, with <c>k</c> the slice. Converting from world coordinates is the viewer's job (Slicer and MITK
/// do it before sending). A point is three integers by construction; a negative index is refused before sending.
/// </summary>
public readonly struct VoxelPoint : IEquatable<VoxelPoint>
{
    /// <summary>Creates a point.</summary>
    public VoxelPoint(int i, int j, int k)
    {
        I = i;
        J = j;
        K = k;
    }

    /// <summary>The first voxel index (x).</summary>
    public int I { get; }

    /// <summary>The second voxel index (y).</summary>
    public int J { get; }

    /// <summary>The third voxel index (z): the slice.</summary>
    public int K { get; }

    /// <summary>Reads <c>"i,j,k"</c> (spaces and brackets allowed: <c>"[10, 20, 3]"</c>), as a command line takes it.</summary>
    /// <exception cref="FormatException">The text is not three integers.</exception>
    public static VoxelPoint Parse(string text)
    {
        if (TryParse(text, out var point))
        {
            return point;
        }

        throw new FormatException($"'{text}' is not a voxel point: expected three integers i,j,k (e.g. 10,20,3).");
    }

    /// <summary>Reads <c>"i,j,k"</c>; false when the text is not three integers.</summary>
    public static bool TryParse(string? text, out VoxelPoint point)
    {
        point = default;
        var values = IntList.Parse(text, 3);
        if (values == null)
        {
            return false;
        }

        point = new VoxelPoint(values[0], values[1], values[2]);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(VoxelPoint other) => I == other.I && J == other.J && K == other.K;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoxelPoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((((I * 397) ^ J) * 397) ^ K);

    /// <summary>Equality of all three indices.</summary>
    public static bool operator ==(VoxelPoint left, VoxelPoint right) => left.Equals(right);

    /// <summary>Inequality of any index.</summary>
    public static bool operator !=(VoxelPoint left, VoxelPoint right) => !left.Equals(right);

    /// <summary>The point as it is sent: <c>[i, j, k]</c>.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "[{0}, {1}, {2}]", I, J, K);

    internal int[] ToWire() => new[] { I, J, K };
}

/// <summary>
/// A box in voxel (IJK) coordinates, sent as Slicer sends its ROI: <c>[i0, i1, j0, j1, k0, k1]</c> (the SAM2 box;
/// scribbles' region). Each range is inclusive of its start; a start after its end is refused before sending.
/// </summary>
public readonly struct VoxelBox : IEquatable<VoxelBox>
{
    /// <summary>Creates a box from its ranges, in the order they are sent.</summary>
    public VoxelBox(int i0, int i1, int j0, int j1, int k0, int k1)
    {
        I0 = i0;
        I1 = i1;
        J0 = j0;
        J1 = j1;
        K0 = k0;
        K1 = k1;
    }

    /// <summary>Start of the first index range.</summary>
    public int I0 { get; }

    /// <summary>End of the first index range.</summary>
    public int I1 { get; }

    /// <summary>Start of the second index range.</summary>
    public int J0 { get; }

    /// <summary>End of the second index range.</summary>
    public int J1 { get; }

    /// <summary>Start of the slice range.</summary>
    public int K0 { get; }

    /// <summary>End of the slice range.</summary>
    public int K1 { get; }

    /// <summary>Reads <c>"i0,i1,j0,j1,k0,k1"</c> (spaces and brackets allowed), as a command line takes it.</summary>
    /// <exception cref="FormatException">The text is not six integers.</exception>
    public static VoxelBox Parse(string text)
    {
        var v = IntList.Parse(text, 6)
            ?? throw new FormatException($"'{text}' is not a voxel box: expected six integers i0,i1,j0,j1,k0,k1.");
        return new VoxelBox(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /// <inheritdoc />
    public bool Equals(VoxelBox other) =>
        I0 == other.I0 && I1 == other.I1 && J0 == other.J0 && J1 == other.J1 && K0 == other.K0 && K1 == other.K1;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoxelBox other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((((((((((I0 * 397) ^ I1) * 397) ^ J0) * 397) ^ J1) * 397) ^ K0) * 397) ^ K1);

    /// <summary>Equality of all six values.</summary>
    public static bool operator ==(VoxelBox left, VoxelBox right) => left.Equals(right);

    /// <summary>Inequality of any value.</summary>
    public static bool operator !=(VoxelBox left, VoxelBox right) => !left.Equals(right);

    /// <summary>The box as it is sent: <c>[i0, i1, j0, j1, k0, k1]</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "[{0}, {1}, {2}, {3}, {4}, {5}]", I0, I1, J0, J1, K0, K1);

    internal int[] ToWire() => new[] { I0, I1, J0, J1, K0, K1 };
}

// "1,2,3" / "[1, 2, 3]" → exactly n integers, or null.
internal static class IntList
{
    public static int[]? Parse(string? text, int count)
    {
        if (text == null)
        {
            return null;
        }

        var parts = text.Trim().TrimStart('[', '(').TrimEnd(']', ')').Split(',');
        if (parts.Length != count)
        {
            return null;
        }

        var values = new int[count];
        for (var n = 0; n < count; n++)
        {
            if (!int.TryParse(parts[n].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[n]))
            {
                return null;
            }
        }

        return values;
    }
}
