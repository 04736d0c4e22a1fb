using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// A raw file answer (the generated <see cref="FileResponse"/> of a download) saved to disk: atomically, under a safe
/// name, never an HTML page. Runs per call; the directory is the call's or the client's result directory.
/// </summary>
internal static class FileAnswer
{
    /// <summary>
    /// Saves <paramref name="response"/> in <paramref name="directory"/> under the safe name <paramref name="nameFor"/>
    /// gives for the server's name; disposes <paramref name="response"/>.
    /// </summary>
    public static async Task<SavedFile> SaveAsync(
        FileResponse response, string directory, Func<string?, string> nameFor, bool overwrite, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using (response)
        {
            RejectNonResult(Header(response, "Content-Type"));
            var contentDisposition = Header(response, "Content-Disposition");
            var rawName = ContentDispositionFileName.GetRawFileName(contentDisposition);
            var safeName = nameFor(rawName);
            if (progress is ITransferProgress transfer &&
                long.TryParse(Header(response, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            {
                transfer.ReportTotal(total);
            }

            var path = await ResultFileWriter.SaveAsync(
                response.Stream, directory, safeName, overwrite, progress, cancellationToken).ConfigureAwait(false);
            return new SavedFile(path, rawName, Header(response, "Content-Type"), new FileInfo(path).Length);
        }
    }

    /// <summary>The server's (sanitised) file name, else <paramref name="fallbackName"/> sanitised.</summary>
    public static Func<string?, string> ServerNameOr(string fallbackName) =>
        rawName => SafeFileName.Sanitize(rawName, SafeFileName.Sanitize(fallbackName));

    /// <summary>A header of the answer (content headers included), its values joined; null when absent.</summary>
    public static string? Header(FileResponse response, string name)
    {
        foreach (var header in response.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(", ", header.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// An HTML page (a proxy's login or error page, a web server's index) is never a label or an image: saving it as
    /// one would report success for a call that did not reach the server.
    /// </summary>
    private static void RejectNonResult(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(mediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"Expected a file, but the server sent '{mediaType}' (an HTML page: is the server URL right, or is a proxy answering?); nothing was saved.");
        }
    }
}
