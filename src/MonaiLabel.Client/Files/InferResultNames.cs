namespace MonaiLabel.Client;

/// <summary>
/// The names infer result files are saved under: predictable, never the server's temporary name.
/// The first file is <c>{stem}{extension}</c>, further files of the same answer <c>{stem}_1{extension}</c>,
/// <c>{stem}_2{extension}</c>, …, where the extension is the one of the name the server suggested for that file
/// (<c>tmp0rbjqoff.nii.gz</c> gives <c>.nii.gz</c>). The stem is the caller's
/// <see cref="InferRequest.ResultFileName"/> when set (its own extension, if it has one, then names the first file),
/// else <c>{input}_{model}</c> with the input being the session id, else the uploaded file's stem, else the image id —
/// the image the server ran on. Every name is made safe by <see cref="SafeFileName.Sanitize"/>.
/// </summary>
internal sealed class InferResultNames
{
    private readonly string _stem;
    private readonly string? _firstExtension;

    private InferResultNames(string stem, string? firstExtension)
    {
        _stem = stem;
        _firstExtension = firstExtension;
    }

    /// <summary>The names for the files of <paramref name="model"/>'s answer to <paramref name="request"/>.</summary>
    public static InferResultNames For(string model, InferRequest request)
    {
        if (!string.IsNullOrEmpty(request.ResultFileName))
        {
            var (stem, extension) = FileNameParts.Split(SafeFileName.Sanitize(request.ResultFileName));
            return new InferResultNames(stem, extension.Length == 0 ? null : extension);
        }

        string? input;
        if (!string.IsNullOrEmpty(request.SessionId))
        {
            input = request.SessionId;
        }
        else if (request.File != null)
        {
            // The server runs on the upload; the name it came from says which image that was.
            input = string.IsNullOrEmpty(request.File.FileName)
                ? "upload"
                : FileNameParts.Split(SafeFileName.Sanitize(request.File.FileName, "upload")).Stem;
        }
        else
        {
            input = request.ImageId;
        }

        return Default(model, input);
    }

    /// <summary>The names for the files of <paramref name="model"/>'s answer on <paramref name="image"/>.</summary>
    public static InferResultNames Default(string model, string? image) =>
        new(Component(image, "result") + "_" + Component(model, "model"), null);

    /// <summary>
    /// The safe name of file <paramref name="index"/> (0 for the first) of the answer, whose server-suggested name
    /// was <paramref name="rawServerName"/> (null when it sent none: no extension then).
    /// </summary>
    public string NameFor(int index, string? rawServerName)
    {
        var extension = index == 0 && _firstExtension != null
            ? _firstExtension
            : FileNameParts.ExtensionOf(rawServerName);
        var suffix = index == 0 ? string.Empty : "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SafeFileName.Sanitize(FileNameParts.Fit(_stem, suffix, extension), "result" + suffix + extension);
    }

    // An id may hold a path separator or a colon (a DICOMweb or XNAT id): keep all of it as _ rather than have
    // SafeFileName drop what comes before the last separator or a drive-like "a:".
    private static string Component(string? value, string fallback) =>
        string.IsNullOrEmpty(value) ? fallback : value!.Replace('/', '_').Replace('\\', '_').Replace(':', '_');
}
