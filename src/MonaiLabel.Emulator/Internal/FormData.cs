using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MonaiLabel.Emulator.Internal;

/// <summary>An uploaded file part, streamed to a temporary file.</summary>
internal sealed class UploadedFile
{
    public UploadedFile(string? fileName, string? contentType, string tempPath, long length)
    {
        FileName = fileName;
        ContentType = contentType;
        TempPath = tempPath;
        Length = length;
    }

    /// <summary>The part's <c>filename=</c> (never <c>filename*=</c>, as python-multipart).</summary>
    public string? FileName { get; }

    public string? ContentType { get; }

    public string TempPath { get; }

    public long Length { get; }
}

/// <summary>One form value: text, or a file.</summary>
internal sealed class FormValue
{
    public FormValue(string? text, UploadedFile? file)
    {
        Text = text;
        File = file;
    }

    public string? Text { get; }

    public UploadedFile? File { get; }
}

/// <summary>Starlette's <c>request.form()</c>: multipart or url-encoded; anything else reads as empty.</summary>
internal sealed class FormData : IDisposable
{
    private readonly List<KeyValuePair<string, FormValue>> items = new();

    public static FormData Empty => new();

    /// <summary>The last value under a name, as Starlette's <c>FormData.get</c>.</summary>
    public FormValue? Get(string name)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i].Key == name)
            {
                return items[i].Value;
            }
        }

        return null;
    }

    public List<FormValue> GetAll(string name) => items.Where(i => i.Key == name).Select(i => i.Value).ToList();

    public static async Task<FormData> ReadAsync(HttpRequest request, string tempDir, CancellationToken cancellationToken)
    {
        var (mediaType, options) = Py.ParseOptionsHeader(request.ContentType);
        var form = new FormData();
        if (request.ContentLength == 0)
        {
            // An empty body parses as an empty form (python-multipart finds no part), whatever the content type.
            return form;
        }

        try
        {
            if (mediaType == "multipart/form-data")
            {
                if (!options.TryGetValue("boundary", out var boundary) || boundary.Length == 0)
                {
                    throw new BodyParseError("missing boundary");
                }

                await form.ReadMultipartAsync(request.Body, boundary, tempDir, cancellationToken).ConfigureAwait(false);
            }
            else if (mediaType == "application/x-www-form-urlencoded")
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                foreach (var kv in ParseQsl(text))
                {
                    form.items.Add(new(kv.Key, new FormValue(kv.Value, null)));
                }
            }
        }
        catch (BodyParseError)
        {
            form.Dispose();
            throw;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            form.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new BodyParseError("There was an error parsing the body", e);
        }

        return form;
    }

    private async Task ReadMultipartAsync(Stream body, string boundary, string tempDir, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = 64 * 1024, HeadersCountLimit = 64 };
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            section.Headers!.TryGetValue("Content-Disposition", out var cd);
            var (_, cdOptions) = Py.ParseOptionsHeader(cd.ToString());
            if (!cdOptions.TryGetValue("name", out var name))
            {
                throw new BodyParseError("part without a name");
            }

            if (cdOptions.TryGetValue("filename", out var fileName))
            {
                Directory.CreateDirectory(tempDir);
                var path = Path.Combine(tempDir, "upload_" + Guid.NewGuid().ToString("N"));
                long length;
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
                {
                    await section.Body.CopyToAsync(file, 64 * 1024, cancellationToken).ConfigureAwait(false);
                    length = file.Length;
                }

                items.Add(new(name, new FormValue(null, new UploadedFile(fileName, section.ContentType, path, length))));
            }
            else
            {
                using var sr = new StreamReader(section.Body, Encoding.UTF8);
                var text = await sr.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                items.Add(new(name, new FormValue(text, null)));
            }
        }
    }

    /// <summary><c>urllib.parse.parse_qsl(keep_blank_values=True)</c>.</summary>
    public static List<KeyValuePair<string, string>> ParseQsl(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&', ';'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            var key = eq >= 0 ? pair.Substring(0, eq) : pair;
            var value = eq >= 0 ? pair.Substring(eq + 1) : string.Empty;
            result.Add(new(Unquote(key), Unquote(value)));
        }

        return result;
    }

    private static string Unquote(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    public void Dispose()
    {
        foreach (var item in items)
        {
            if (item.Value.File is { } f)
            {
                try
                {
                    System.IO.File.Delete(f.TempPath);
                }
                catch (IOException)
                {
                }
            }
        }

        items.Clear();
    }
}
