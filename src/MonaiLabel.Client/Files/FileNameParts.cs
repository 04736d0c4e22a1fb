using System.Text;

namespace MonaiLabel.Client;

/// <summary>
/// Splits a file name into stem and (possibly two-part) extension, and fits names into a UTF-8 byte budget,
/// so that shortening a name or numbering it keeps <c>.nii.gz</c> and <c>.seg.nrrd</c> whole.
/// </summary>
internal static class FileNameParts
{
    /// <summary>Longest file name, in UTF-8 bytes, that common file systems (ext4, NTFS, APFS) all accept.</summary>
    public const int MaxNameBytes = 255;

    private const int MaxLastExtension = 16; // "nii", "gz", "nrrd", "safetensors"
    private const int MaxInnerExtension = 4; // "nii" in .nii.gz, "seg" in .seg.nrrd, "tar" in .tar.gz

    /// <summary>Splits <c>scan.seg.nrrd</c> into <c>scan</c> and <c>.seg.nrrd</c>; <c>a.b.c</c> into <c>a</c>, <c>.b.c</c>.</summary>
    public static (string Stem, string Extension) Split(string name)
    {
        var cut = name.Length;
        for (var count = 0; count < 2 && cut > 0; count++)
        {
            var dot = name.LastIndexOf('.', cut - 1);
            var maxLength = count == 0 ? MaxLastExtension : MaxInnerExtension;
            if (dot <= 0 || !IsShortAlphanumeric(name, dot + 1, cut, maxLength))
            {
                break; // A leading dot is part of the stem, not an extension.
            }

            cut = dot;
        }

        return (name.Substring(0, cut), name.Substring(cut));
    }

    /// <summary>
    /// <c>stem + suffix + extension</c>, with the stem cut (never mid-character) so the whole fits in
    /// <see cref="MaxNameBytes"/> UTF-8 bytes.
    /// </summary>
    public static string Fit(string stem, string suffix, string extension)
    {
        var budget = MaxNameBytes - Encoding.UTF8.GetByteCount(suffix) - Encoding.UTF8.GetByteCount(extension);
        var used = 0;
        var keep = 0;
        while (keep < stem.Length)
        {
            var pair = char.IsHighSurrogate(stem[keep]) && keep + 1 < stem.Length && char.IsLowSurrogate(stem[keep + 1]);
            var width = pair ? 4 : Utf8Width(stem[keep]);
            if (used + width > budget)
            {
                break;
            }

            used += width;
            keep += pair ? 2 : 1;
        }

        var cutStem = keep == stem.Length ? stem : stem.Substring(0, keep).TrimEnd(' ', '.');
        return cutStem + suffix + extension;
    }

    /// <summary>
    /// The extension of a name a server offered, made safe first (<c>tmp0rbjqoff.nii.gz</c> gives <c>.nii.gz</c>);
    /// empty when it offered no name or one without an extension.
    /// </summary>
    public static string ExtensionOf(string? rawServerName) =>
        rawServerName == null ? string.Empty : Split(SafeFileName.Sanitize(rawServerName)).Extension;

    /// <summary>The length of <paramref name="name"/> in UTF-8 bytes.</summary>
    public static int Utf8Length(string name) => Encoding.UTF8.GetByteCount(name);

    private static int Utf8Width(char c) => c switch
    {
        < (char)0x80 => 1,
        < (char)0x800 => 2,
        _ => 3, // Includes a lone surrogate, which UTF-8 writes as the 3-byte replacement character.
    };

    private static bool IsShortAlphanumeric(string name, int start, int end, int maxLength)
    {
        if (end - start < 1 || end - start > maxLength)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = name[i];
            if (!(c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || c is >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }
}
