using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>Answers shaped as Starlette's Response, JSONResponse, PlainTextResponse and FileResponse.</summary>
internal static class Responses
{
    public static Task Json(HttpContext ctx, int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        Bytes(ctx, status, PyJson.FastApi(body), "application/json", headers);

    /// <summary>FastAPI's <c>{"detail": ...}</c> answer.</summary>
    public static Task Detail(HttpContext ctx, int status, string detail, IReadOnlyDictionary<string, string>? headers = null) =>
        Json(ctx, status, new JsonObject { ["detail"] = detail }, headers);

    public static Task Text(HttpContext ctx, int status, string text, string mediaType = "text/plain") =>
        Bytes(ctx, status, Encoding.UTF8.GetBytes(text), mediaType + "; charset=utf-8", null);

    public static Task InternalServerError(HttpContext ctx) => Text(ctx, 500, "Internal Server Error");

    public static async Task Bytes(HttpContext ctx, int status, byte[] body, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var response = ctx.Response;
        response.StatusCode = status;
        if (headers != null)
        {
            foreach (var kv in headers)
            {
                response.Headers[kv.Key] = kv.Value;
            }
        }

        response.ContentLength = body.Length;
        response.ContentType = contentType;
        if (!HttpMethods.IsHead(ctx.Request.Method))
        {
            await response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Starlette's FileResponse: streamed, with content-disposition (filename= for plain names, only
    /// filename*= otherwise), content-length, last-modified and an etag of md5("mtime-size").</summary>
    public static async Task File(HttpContext ctx, string path, string? mediaType, string? fileName)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            // Starlette: RuntimeError("File at path ... does not exist.") => 500.
            throw new AppError($"File at path {path} does not exist.");
        }

        var response = ctx.Response;
        response.StatusCode = 200;
        mediaType ??= Mime.Guess(fileName ?? path);
        response.ContentType = mediaType.StartsWith("text/", StringComparison.Ordinal) ? mediaType + "; charset=utf-8" : mediaType;
        if (fileName != null)
        {
            response.Headers["content-disposition"] = ContentDisposition(fileName);
        }

        response.ContentLength = info.Length;
        var mtime = info.LastWriteTimeUtc;
        response.Headers["last-modified"] = mtime.ToString("r", CultureInfo.InvariantCulture);
        var etagBase = PyJson.FormatFloat(Py.UnixSeconds(mtime)) + "-" + info.Length.ToString(CultureInfo.InvariantCulture);
        response.Headers["etag"] = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(etagBase))).ToLowerInvariant();
        if (HttpMethods.IsHead(ctx.Request.Method))
        {
            return;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        await stream.CopyToAsync(response.Body, 64 * 1024, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The default infer answer, as requests_toolbelt's MultipartEncoder builds it: boundary of 32 hex digits,
    /// part <c>params</c> (application/json, <c>json.dumps</c> text) then part <c>image</c> (the result file), no
    /// per-part Content-Length, closing <c>--boundary--\r\n</c>. Streamed; the total length is known up front.
    /// </summary>
    public static async Task Multipart(HttpContext ctx, JsonObject json, string resultFile)
    {
        var boundary = Guid.NewGuid().ToString("N");
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json\r\n\r\n" +
            PyJson.Dumps(json) +
            $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{Path.GetFileName(resultFile)}\"\r\n" +
            $"Content-Type: {Mime.Guess(resultFile)}\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        await using var stream = new FileStream(resultFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        var response = ctx.Response;
        response.StatusCode = 200;
        response.ContentType = "multipart/form-data; boundary=" + boundary;
        response.ContentLength = head.Length + stream.Length + tail.Length;
        await response.Body.WriteAsync(head, ctx.RequestAborted).ConfigureAwait(false);
        await stream.CopyToAsync(response.Body, 64 * 1024, ctx.RequestAborted).ConfigureAwait(false);
        await response.Body.WriteAsync(tail, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Starlette's content-disposition for a file name.</summary>
    public static string ContentDisposition(string fileName)
    {
        var quoted = Py.Quote(fileName);
        return quoted != fileName ? "attachment; filename*=utf-8''" + quoted : "attachment; filename=\"" + fileName + "\"";
    }
}

/// <summary>Python's <c>mimetypes.guess_type(strict=False)</c> for the file types a MONAI Label server meets.</summary>
internal static class Mime
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = "application/json",
        [".zip"] = "application/zip",
        [".xml"] = "text/xml",
        [".txt"] = "text/plain",
        [".log"] = "text/plain",
        [".html"] = "text/html",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".bmp"] = "image/bmp",
        [".tar"] = "application/x-tar",
        [".tgz"] = "application/x-tar",
        [".bin"] = "application/octet-stream",
        [".pdf"] = "application/pdf",
    };

    private static readonly string[] Encodings = { ".gz", ".bz2", ".xz", ".Z", ".br" };

    public static string Guess(string path)
    {
        var name = Py.BaseName(path);
        var ext = Path.GetExtension(name);
        foreach (var enc in Encodings)
        {
            if (string.Equals(ext, enc, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - ext.Length);
                ext = Path.GetExtension(name);
                break;
            }
        }

        return ext.Length > 0 && Types.TryGetValue(ext, out var type) ? type : "application/octet-stream";
    }
}
