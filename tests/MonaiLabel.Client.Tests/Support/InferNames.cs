using System.Linq;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// What an infer result is saved as by default: <c>{image}_{model}</c> plus the extension of the server's name made
/// safe, i.e. up to two short alphanumeric extensions (<c>.nii.gz</c>, <c>.seg.nrrd</c>); none when it has none.
/// </summary>
public static class InferNames
{
    public static string Expected(string stem, string? rawServerName) =>
        stem + ExtensionOf(rawServerName == null ? string.Empty : SafeFileName.Sanitize(rawServerName));

    public static string ExtensionOf(string safeName)
    {
        var cut = safeName.Length;
        for (var count = 0; count < 2; count++)
        {
            var dot = cut == 0 ? -1 : safeName.LastIndexOf('.', cut - 1);
            var part = dot <= 0 ? string.Empty : safeName.Substring(dot + 1, cut - dot - 1);
            if (part.Length == 0 || part.Length > (count == 0 ? 16 : 4) || !part.All(char.IsAsciiLetterOrDigit))
            {
                break;
            }

            cut = dot;
        }

        return safeName.Substring(cut);
    }
}
