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
