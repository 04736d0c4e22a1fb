using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// Infer's raw answer (the generated <see cref="FileResponse"/>) read into an <see cref="InferResult"/>: its params and
/// every result file saved to disk. The last step of an infer call, run once per call; the directory and the limit on
/// text parts come from the call and the client's <see cref="ClientSettings"/>.
/// </summary>
internal static class InferAnswer
{
    /// <summary>
    /// Reads an infer answer by its content type: multipart (params + files), JSON only, or a single file.
    /// Disposes <paramref name="response"/>. On failure no file of this answer is left behind.
    /// </summary>
    public static async Task<InferResult> ReadAsync(
        FileResponse response, InferResultNames names, string directory, bool overwrite, IProgress<long>? progress,
        long maxJsonAnswerBytes, bool durable, CancellationToken cancellationToken)
    {
        var contentType = FileAnswer.Header(response, "Content-Type");
        if (IsMediaType(contentType, "multipart/"))
        {
            using (response)
            {
                return await ReadMultipartAsync(response.Stream, contentType!, names, directory, overwrite, progress, maxJsonAnswerBytes, durable, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        if (JsonAnswer.IsJsonMediaType(contentType?.Split(';')[0].Trim()))
        {
            using (response)
            {
                var json = await JsonAnswer.ReadAsync(response.Stream, "infer answer", maxJsonAnswerBytes, cancellationToken).ConfigureAwait(false);
                return new InferResult(json as JObject ?? new JObject { ["result"] = json }, Array.Empty<SavedFile>());
            }
        }

        var file = await FileAnswer.SaveAsync(response, directory, rawName => names.NameFor(0, rawName), overwrite, progress, cancellationToken)
            .ConfigureAwait(false);
        return new InferResult(null, new[] { file });
    }

    private static async Task<InferResult> ReadMultipartAsync(
        Stream body, string contentType, InferResultNames names, string directory, bool overwrite, IProgress<long>? progress,
        long maxJsonAnswerBytes, bool durable, CancellationToken cancellationToken)
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
                    if (textBytes > maxJsonAnswerBytes)
                    {
                        // Each text part is bounded by MaxTextPartLength; together they are held in memory too.
                        throw new MonaiLabelClientException(
                            MonaiLabelErrorKind.InvalidResponse,
                            $"The text parts of the infer answer are larger than {maxJsonAnswerBytes} bytes together (MaxJsonAnswerBytes).");
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

                await ReadEpilogueAsync(body, maxJsonAnswerBytes, cancellationToken).ConfigureAwait(false);
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
    private static async Task ReadEpilogueAsync(Stream body, long maxJsonAnswerBytes, CancellationToken cancellationToken)
    {
        var limited = new ResponseBodyStream(
            body, new ResponseBodyLimits("the epilogue of the infer answer", Timeout.InfiniteTimeSpan, maxJsonAnswerBytes, truncateAtMax: false));
        var buffer = new byte[16 * 1024];
        while (await limited.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private static JObject ParseParams(string text)
    {
        try
        {
            using (var jsonReader = JsonAnswer.CreateReader(new StringReader(text)))
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
