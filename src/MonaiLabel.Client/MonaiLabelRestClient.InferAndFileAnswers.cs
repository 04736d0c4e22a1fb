using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Reading raw answers (FileResponse) into saved files and JSON: the part of a call NSwag cannot generate.
internal partial class MonaiLabelRestClient
{
    private string _resultDirectory = Path.Combine(Path.GetTempPath(), "MonaiLabel.Client");

    /// <summary>
    /// Where result and downloaded files are saved when a call is not given a directory (the Python client's
    /// <c>tmpdir</c>). Defaults to <c>MonaiLabel.Client</c> under the system temp directory.
    /// </summary>
    internal string ResultDirectory
    {
        get => _resultDirectory;
        set => _resultDirectory = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A result directory is required.", nameof(value))
            : value;
    }

    /// <summary>Saves a file answer under the server's (sanitised) file name; disposes <paramref name="response"/>.</summary>
    internal Task<SavedFile> SaveFileResponseAsync(
        FileResponse response, string? directory, string fallbackName, bool overwrite, IProgress<long>? progress,
        CancellationToken cancellationToken) =>
        SaveFileResponseAsync(
            response, directory, rawName => SafeFileName.Sanitize(rawName, SafeFileName.Sanitize(fallbackName)), overwrite, progress,
            cancellationToken);

    /// <summary>Saves a file answer under the safe name <paramref name="nameFor"/> gives for the server's name; disposes <paramref name="response"/>.</summary>
    internal async Task<SavedFile> SaveFileResponseAsync(
        FileResponse response, string? directory, Func<string?, string> nameFor, bool overwrite, IProgress<long>? progress,
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
                response.Stream, directory ?? ResultDirectory, safeName, overwrite, progress, cancellationToken).ConfigureAwait(false);
            return new SavedFile(path, rawName, Header(response, "Content-Type"), new FileInfo(path).Length);
        }
    }

    /// <summary>
    /// Reads an infer answer by its content type: multipart (params + files), JSON only, or a single file.
    /// Disposes <paramref name="response"/>. On failure no file of this answer is left behind.
    /// </summary>
    internal async Task<InferResult> ReadInferResultAsync(
        FileResponse response, InferResultNames names, string? directory, bool overwrite, IProgress<long>? progress,
        CancellationToken cancellationToken, bool durable = true)
    {
        var contentType = Header(response, "Content-Type");
        if (IsMediaType(contentType, "multipart/"))
        {
            using (response)
            {
                return await ReadMultipartResultAsync(response.Stream, contentType!, names, directory ?? ResultDirectory, overwrite, progress, durable, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        if (IsJson(contentType?.Split(';')[0].Trim()))
        {
            using (response)
            {
                var json = await ReadJsonAsync(response.Stream, "infer answer", cancellationToken).ConfigureAwait(false);
                return new InferResult(json as JObject ?? new JObject { ["result"] = json }, Array.Empty<SavedFile>());
            }
        }

        var file = await SaveFileResponseAsync(response, directory, rawName => names.NameFor(0, rawName), overwrite, progress, cancellationToken)
            .ConfigureAwait(false);
        return new InferResult(null, new[] { file });
    }

    private async Task<InferResult> ReadMultipartResultAsync(
        Stream body, string contentType, InferResultNames names, string directory, bool overwrite, IProgress<long>? progress,
        bool durable, CancellationToken cancellationToken)
    {
        var boundary = MultipartBoundary.Parse(contentType);
        // Files become visible only when the whole answer has been read: a failure part-way leaves the directory as
        // it was, including files an Overwrite would have replaced.
        var pending = new List<(ResultFileWriter.PendingFile File, MultipartSection Part, long Length)>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        JObject? parameters = null;
        long savedBytes = 0;
        long textBytes = 0;
        try
        {
            using (var reader = new MultipartStreamReader(body, boundary))
            {
                MultipartSection? section;
                while ((section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false)) != null)
                {
                    if (section.IsFile)
                    {
                        // Every file part is saved (the Python client kept only the first), under a predictable name:
                        // the server's is a temporary one (tmp0rbjqoff.nii.gz) and lends only its extension. A part
                        // that declares a file name is a file even when that name is empty or unusable.
                        // Progress counts the bytes of all files of the answer, so it never goes back.
                        var savedBefore = savedBytes;
                        var written = await ResultFileWriter.WriteAsync(
                                section.Body, directory, names.NameFor(pending.Count, section.RawFileName),
                                progress == null ? null : new OffsetProgress(progress, savedBefore), cancellationToken, durable)
                            .ConfigureAwait(false);
                        var length = new FileInfo(written.TempPath).Length;
                        pending.Add((written, section, length));
                        savedBytes += length;
                        continue;
                    }

                    var text = await section.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    textBytes += Encoding.UTF8.GetByteCount(text);
                    if (textBytes > MaxJsonAnswerBytes)
                    {
                        // Each text part is bounded by MaxTextPartLength; together they are held in memory too.
                        throw new MonaiLabelClientException(
                            MonaiLabelErrorKind.InvalidResponse,
                            $"The text parts of the infer answer are larger than {MaxJsonAnswerBytes} bytes together (MaxJsonAnswerBytes).");
                    }

                    if (string.Equals(section.Name, "params", StringComparison.Ordinal))
                    {
                        parameters = ParseParams(text);
                    }
                    else
                    {
                        fields[section.Name ?? string.Empty] = text;
                    }
                }

                await ReadEpilogueAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            foreach (var written in pending)
            {
                written.File.Discard();
            }

            throw;
        }

        var files = new List<SavedFile>(pending.Count);
        try
        {
            foreach (var written in pending)
            {
                var path = written.File.Commit(overwrite);
                files.Add(new SavedFile(path, written.Part.RawFileName, written.Part.ContentType, written.Length));
            }
        }
        catch
        {
            // A rename failed (disk trouble): undo what this answer added and drop what it had not moved yet.
            foreach (var written in pending.Skip(files.Count))
            {
                written.File.Discard();
            }

            foreach (var file in files.Where(_ => !overwrite))
            {
                TryDelete(file.Path);
            }

            throw;
        }

        return new InferResult(parameters, files, fields);
    }

    /// <summary>
    /// Reads what follows the closing delimiter to the end of the answer and drops it. The parts are complete, but
    /// an answer that ends before its Content-Length (or its last chunk) was cut on the way, like a short file
    /// answer, and is an error too. Held to MaxJsonAnswerBytes: nothing after the delimiter is worth more.
    /// </summary>
    private async Task ReadEpilogueAsync(Stream body, CancellationToken cancellationToken)
    {
        var limited = new ResponseBodyStream(
            body, new ResponseBodyLimits("the epilogue of the infer answer", Timeout.InfiniteTimeSpan, MaxJsonAnswerBytes, truncateAtMax: false));
        var buffer = new byte[16 * 1024];
        while (await limited.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private static JObject ParseParams(string text)
    {
        try
        {
            using (var jsonReader = CreateJsonReader(new StringReader(text)))
            {
                var token = JToken.ReadFrom(jsonReader);
                if (token is JObject parameters && !jsonReader.Read())
                {
                    return parameters;
                }
            }
        }
        catch (JsonException e)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                "The 'params' part of the infer answer is not a JSON object: " + e.Message, e);
        }

        throw new MonaiLabelClientException(
            MonaiLabelErrorKind.InvalidResponse, "The 'params' part of the infer answer is not a single JSON object.");
    }

    /// <summary>
    /// A reader that keeps the server's JSON as sent: strings that look like dates stay strings (Newtonsoft would
    /// turn them into DateTime, changing their text and time zone).
    /// </summary>
    private static JsonTextReader CreateJsonReader(TextReader reader) =>
        new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None };

    internal async Task<JToken> ReadJsonAsync(Stream stream, string what, CancellationToken cancellationToken)
    {
        // Read into memory, so bounded like every JSON answer (the body's read-idle timeout is already on the stream).
        var limited = new ResponseBodyStream(
            stream, new ResponseBodyLimits("the " + what, Timeout.InfiniteTimeSpan, MaxJsonAnswerBytes, truncateAtMax: false));
        try
        {
            using (var streamReader = new StreamReader(limited, Encoding.UTF8, true, 16 * 1024, leaveOpen: true))
            using (var jsonReader = CreateJsonReader(streamReader))
            {
                return await JToken.ReadFromAsync(jsonReader, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The {what} is not valid JSON: {e.Message}", e);
        }
    }

    private static string? Header(FileResponse response, string name)
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

    private static bool IsMediaType(string? contentType, string prefix) =>
        contentType != null && contentType.TrimStart().StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reports a file's bytes on top of the bytes of the files saved before it in the same answer.</summary>
    private sealed class OffsetProgress : IProgress<long>
    {
        private readonly IProgress<long> _inner;
        private readonly long _offset;

        public OffsetProgress(IProgress<long> inner, long offset)
        {
            _inner = inner;
            _offset = offset;
        }

        public void Report(long value) => _inner.Report(_offset + value);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error is what the caller needs to see.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
