using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// FastAPI reads the body before anything else: the form (multipart or url-encoded) for a route with form
/// parameters, the JSON (when the content type is JSON or absent, else the raw text) for one with a body parameter.
/// </summary>
internal static class BodyReader
{
    public static async Task ReadAsync(Call call, string tempDirectory)
    {
        var request = call.Http.Request;
        if (call.Route.Body == BodyKind.Form)
        {
            call.Form = await FormData.ReadAsync(request, tempDirectory, call.Http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (call.Route.Body != BodyKind.Json)
        {
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, call.Http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return;
        }

        call.BodyPresent = true;
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var (mediaType, _) = Py.ParseOptionsHeader(request.ContentType);
        var json = string.IsNullOrEmpty(request.ContentType) || mediaType == "application/json" ||
                   (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));
        if (!json)
        {
            call.Body = JsonValue.Create(text);
            return;
        }

        call.BodyIsJson = true;
        try
        {
            call.Body = PyJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw JsonDecodeError(text, e);
        }
    }

    /// <summary>FastAPI's 422 for a body that is not JSON: the error of Python's <c>json.loads</c>.</summary>
    private static ValidationFailed JsonDecodeError(string text, JsonException e)
    {
        var pos = (int)(e.BytePositionInLine ?? 0);
        var line = (int)(e.LineNumber ?? 0);
        return new ValidationFailed(new JsonArray(new JsonObject
        {
            ["loc"] = new JsonArray("body", pos),
            ["msg"] = $"Expecting value: line {line + 1} column {pos + 1} (char {pos})",
            ["type"] = "value_error.jsondecode",
            ["ctx"] = new JsonObject
            {
                ["msg"] = "Expecting value",
                ["doc"] = text,
                ["pos"] = pos,
                ["lineno"] = line + 1,
                ["colno"] = pos + 1,
            },
        }));
    }
}
