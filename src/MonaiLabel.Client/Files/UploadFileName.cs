using System.Globalization;
using System.Text;

namespace MonaiLabel.Client;

/// <summary>
/// Names for uploaded parts. MONAI Label reads only the plain <c>filename=</c> parameter (not <c>filename*=</c>) and
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
}
