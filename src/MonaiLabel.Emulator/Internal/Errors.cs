using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>FastAPI's <c>HTTPException</c>: answered as <c>{"detail": ...}</c> with its status code.</summary>
internal sealed class HttpError : Exception
{
    public HttpError(int status, string detail, IReadOnlyDictionary<string, string>? headers = null)
        : base(detail)
    {
        Status = status;
        Detail = JsonValue.Create(detail);
        Headers = headers;
    }

    public int Status { get; }

    public JsonNode? Detail { get; }

    public IReadOnlyDictionary<string, string>? Headers { get; }
}

/// <summary>
/// An exception the app raises itself (MONAILabelException, ValueError, ...). The real server maps none of them,
/// so Starlette answers 500 <c>text/plain</c> "Internal Server Error".
/// </summary>
internal sealed class AppError : Exception
{
    public AppError(string message)
        : base(message)
    {
    }
}

/// <summary>FastAPI's <c>RequestValidationError</c>: 422 with pydantic-1 shaped errors.</summary>
internal sealed class ValidationFailed : Exception
{
    public ValidationFailed(JsonArray errors)
        : base("validation failed")
    {
        Errors = errors;
    }

    public JsonArray Errors { get; }

    public static JsonObject Missing(string where, string name) => new()
    {
        ["loc"] = new JsonArray(where, name),
        ["msg"] = "field required",
        ["type"] = "value_error.missing",
    };
}

/// <summary>A multipart or form body that cannot be parsed: FastAPI answers 400.</summary>
internal sealed class BodyParseError : Exception
{
    public BodyParseError(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
