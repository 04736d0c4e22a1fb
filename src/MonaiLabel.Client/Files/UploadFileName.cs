using System;
using System.Globalization;
using System.Text;

namespace MonaiLabel.Client;

/// <summary>
/// Names for uploaded parts and the image ids the server derives from them. MONAI Label reads only the plain <c>filename=</c> parameter (not <c>filename*=</c>) and
/// derives the image format from its extension, so the name sent must be ASCII and keep <c>.nii.gz</c>-style extensions.
/// </summary>
internal static class UploadFileName
{
    /// <summary>
    /// Reduces <paramref name="fileName"/> to a safe ASCII base name: accents are dropped (<c>Ü</c> → <c>U</c>), other
    /// non-ASCII characters and spaces become <c>_</c>, directories are removed, extensions are kept.
    /// </summary>
    public static string ToAscii(string? fileName)
    {
        var safe = SafeFileName.Sanitize(fileName, "upload");
        var decomposed = safe.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c < 128 && c > ' ' && c != '"' && c != ';' && c != '\\' ? c : '_');
        }

        return SafeFileName.Sanitize(builder.ToString(), "upload");
    }

    /// <summary>
    /// The image id MONAI Label derives from an uploaded file's name when no id is given — exactly its rule: the
    /// base name (after the last <c>/</c>) with every suffix removed, as Python's
    /// <c>name.replace("".join(pathlib.Path(name).suffixes), "")</c> does (<c>名前.nii.gz</c> → <c>名前</c>,
    /// <c>a.b.nii.gz</c> → <c>a</c>, <c>.hidden.nrrd</c> → <c>.hidden</c>). The SDK sends this id explicitly when
    /// the ASCII name it puts on the wire would give the server a different one.
    /// </summary>
    public static string ImageId(string fileName)
    {
        if (fileName == null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        var name = fileName.Substring(fileName.LastIndexOf('/') + 1);
        var suffixes = Suffixes(name);
        return suffixes.Length == 0 ? name : name.Replace(suffixes, string.Empty);
    }

    // pathlib.PurePath.suffixes (Python 3.11, which MONAI Label runs on), joined.
    private static string Suffixes(string name)
    {
        if (name.Length == 0 || name.EndsWith(".", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var parts = name.TrimStart('.').Split('.');
        var builder = new StringBuilder();
        for (var i = 1; i < parts.Length; i++)
        {
            builder.Append('.').Append(parts[i]);
        }

        return builder.ToString();
    }
}
