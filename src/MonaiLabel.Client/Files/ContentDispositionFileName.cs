namespace MonaiLabel.Client;

/// <summary>Reads the file name a server offers in a <c>Content-Disposition</c> header (RFC 6266).</summary>
internal static class ContentDispositionFileName
{
    /// <summary>
    /// The file name exactly as the server sent it, or null when the header names none. <c>filename*</c>
    /// (RFC 8187, UTF-8 or ISO-8859-1) wins over <c>filename</c>; MONAI Label sends only <c>filename*</c> for names
    /// with spaces or non-ASCII characters. The result is NOT safe to use as a path: see <see cref="GetSafeFileName"/>.
    /// </summary>
    /// <param name="contentDisposition">The header value, for example <c>attachment; filename="a.nii.gz"</c>.</param>
    /// <returns>The raw file name, or null.</returns>
    public static string? GetRawFileName(string? contentDisposition)
    {
        var extended = HeaderParameters.Find(contentDisposition, "filename*");
        if (extended is not null && ExtendedHeaderValue.TryDecode(extended, out var decoded) && decoded.Length > 0)
        {
            return decoded;
        }

        var plain = HeaderParameters.Find(contentDisposition, "filename");
        return string.IsNullOrEmpty(plain) ? null : plain;
    }

    /// <summary>
    /// The offered file name reduced by <see cref="SafeFileName.Sanitize"/> to a plain base name, or null when the
    /// header names no file.
    /// </summary>
    /// <param name="contentDisposition">The header value.</param>
    /// <returns>A safe base name, or null.</returns>
    public static string? GetSafeFileName(string? contentDisposition)
    {
        var raw = GetRawFileName(contentDisposition);
        return raw is null ? null : SafeFileName.Sanitize(raw);
    }
}
