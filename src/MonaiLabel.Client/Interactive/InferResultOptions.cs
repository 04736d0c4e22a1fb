using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>
/// How the server writes the result label (MONAI Label's writer keys in the infer params). Only what is set is
/// sent. 3D Slicer sends <c>Extension = ".nrrd"</c>, <c>DataType = "uint8"</c>; OHIF v3 adds <c>Compress = false</c>,
/// <c>RestoreLabelIndices = false</c>; MITK sends <c>RestoreLabelIndices = true</c> alone.
/// </summary>
public sealed class InferResultOptions
{
    /// <summary>The result file's format by extension (<c>result_extension</c>), e.g. <c>.nrrd</c> or <c>.nii.gz</c>.</summary>
    public string? Extension { get; set; }

    /// <summary>The voxel type of the result (<c>result_dtype</c>), a NumPy name such as <c>uint8</c> or <c>uint16</c>.</summary>
    public string? DataType { get; set; }

    /// <summary>Whether the writer compresses the file (<c>result_compress</c>).</summary>
    public bool? Compress { get; set; }

    /// <summary>Whether label values are mapped back to the model's label indices (<c>restore_label_idx</c>).</summary>
    public bool? RestoreLabelIndices { get; set; }

    internal void Check(PromptCheck check)
    {
        if (Extension != null && (!Extension.StartsWith(".", System.StringComparison.Ordinal) || Extension.Length < 2 ||
                                  Extension.IndexOfAny(new[] { '/', '\\', ' ' }) >= 0))
        {
            check.Refuse("result_extension", $"is a file extension starting with a dot, such as \".nrrd\"; got \"{Extension}\"");
        }

        if (DataType != null && (DataType.Length == 0 || !IsIdentifier(DataType)))
        {
            check.Refuse("result_dtype", $"is a NumPy type name such as \"uint8\"; got \"{DataType}\"");
        }
    }

    internal void Write(IDictionary<string, object?> parameters)
    {
        if (Extension != null)
        {
            parameters["result_extension"] = Extension;
        }

        if (DataType != null)
        {
            parameters["result_dtype"] = DataType;
        }

        if (Compress is { } compress)
        {
            parameters["result_compress"] = compress;
        }

        if (RestoreLabelIndices is { } restore)
        {
            parameters["restore_label_idx"] = restore;
        }
    }

    private static bool IsIdentifier(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
