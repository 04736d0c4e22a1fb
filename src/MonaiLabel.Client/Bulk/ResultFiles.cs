using System;
using System.IO;
using System.Linq;

namespace MonaiLabel.Client;

/// <summary>Finds the result file an earlier bulk infer saved for an image (its extension is the server's, so unknown in advance).</summary>
internal static class ResultFiles
{
    /// <summary>
    /// The path of <c>{stem}{extension}</c> in <paramref name="directory"/>, or null. Temporary files of an
    /// interrupted save are hidden (<c>.name.guid.partial</c>) and never count.
    /// </summary>
    public static string? Find(string directory, string stem)
    {
        if (!Directory.Exists(directory) || stem.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            return null;
        }

        return Directory.EnumerateFiles(directory, stem + "*")
            .FirstOrDefault(path =>
            {
                var name = Path.GetFileName(path);
                return !name.EndsWith(".partial", StringComparison.Ordinal) &&
                       string.Equals(FileNameParts.Split(name).Stem, stem, StringComparison.Ordinal);
            });
    }
}
