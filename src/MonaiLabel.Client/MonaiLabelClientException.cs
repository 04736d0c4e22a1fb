using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// The one exception the SDK throws for failed calls: an HTTP error from the server, an answer that cannot be read,
/// or a client-side problem such as an unsafe file name. <see cref="Kind"/> says which.
/// </summary>
public partial class MonaiLabelClientException : Exception
{
    private const int MaxPlainTextInMessage = 200;

    private static readonly char[] NotPlainText = { '\r', '\n', '{', '[', '<' };

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders =
        new Dictionary<string, IEnumerable<string>>(0);

    /// <summary>
    /// Creates the exception for an HTTP answer the client did not expect. Called by the generated client; the
    /// <see cref="Kind"/> follows from <paramref name="statusCode"/> and <see cref="Detail"/> from FastAPI's
    /// <c>{"detail": ...}</c> body, when <paramref name="response"/> has one.
    /// </summary>
    /// <param name="message">What the caller was doing; used in <see cref="Exception.Message"/> when the body gives no reason.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body as text, if it was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public MonaiLabelClientException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException)
        : this(KindOf(statusCode), statusCode, response, ReadDetail(response), headers, message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem found on the client side; <see cref="StatusCode"/> is 0.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A message that says exactly what was wrong.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public MonaiLabelClientException(MonaiLabelErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Headers = NoHeaders;
    }

    private protected MonaiLabelClientException(
        MonaiLabelErrorKind kind,
        int statusCode,
        string? response,
        string? detail,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string message,
        Exception? innerException)
        : base(ComposeMessage(kind, statusCode, detail, response, message), innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Response = response;
        Detail = detail;
        Headers = CaseInsensitive(headers);
    }

    // For failures the SDK words itself but that came with a server answer: the message as given, and the status,
    // body, detail and headers as the server answered (so they are not only in an inner exception).
    private MonaiLabelClientException(
        MonaiLabelErrorKind kind,
        string message,
        int statusCode,
        string? response,
        string? detail,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Response = response;
        Detail = detail;
        Headers = CaseInsensitive(headers);
    }

    // HTTP header names are case-insensitive (RFC 9110 §5.1); the generated code collects them case-sensitively.
    private static IReadOnlyDictionary<string, IEnumerable<string>> CaseInsensitive(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers == null || headers.Count == 0)
        {
            return NoHeaders;
        }

        var copy = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = copy.TryGetValue(header.Key, out var earlier) ? earlier.Concat(header.Value).ToList() : header.Value;
        }

        return copy;
    }

    /// <summary>A failure of <paramref name="kind"/> that carries what the server answered in <paramref name="answered"/>.</summary>
    internal static MonaiLabelClientException Wrapping(MonaiLabelErrorKind kind, string message, MonaiLabelClientException answered) =>
        new MonaiLabelClientException(kind, message, answered.StatusCode, answered.Response, answered.Detail, answered.Headers, answered);

    /// <summary>A failure of <paramref name="kind"/> for an answer with <paramref name="statusCode"/> and body <paramref name="response"/>.</summary>
    internal static MonaiLabelClientException ForAnswer(
        MonaiLabelErrorKind kind, string message, int statusCode, string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException) =>
        // The body is not quoted in the message: an answer to a credentials request may echo them back.
        new MonaiLabelClientException(kind, message, statusCode, response, ReadDetail(response), headers, innerException);

    internal static MonaiLabelErrorKind KindOfStatus(int statusCode) => KindOf(statusCode);

    /// <summary>The HTTP status code, or 0 when the failure did not come with one.</summary>
    public int StatusCode { get; }

    /// <summary>What went wrong.</summary>
    public MonaiLabelErrorKind Kind { get; }

    /// <summary>The response body as text, or null when there was none or it was not read.</summary>
    public string? Response { get; }

    /// <summary>
    /// The server's reason: FastAPI's <c>detail</c> string, or for a validation error (422) its entries joined as
    /// <c>loc: msg</c> (for example <c>query.label: field required</c>). Null when the body has no detail.
    /// </summary>
    public string? Detail { get; }

    /// <summary>The response headers; empty, never null, when there were none.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    // 408 is the server saying it gave up waiting for us; a 2xx that still ends here could not be read.
    private protected static MonaiLabelErrorKind KindOf(int statusCode) => statusCode switch
    {
        401 => MonaiLabelErrorKind.Unauthorized,
        403 => MonaiLabelErrorKind.Forbidden,
        404 => MonaiLabelErrorKind.NotFound,
        408 => MonaiLabelErrorKind.Timeout,
        409 or 429 => MonaiLabelErrorKind.Conflict,
        422 => MonaiLabelErrorKind.ValidationFailed,
        >= 500 and <= 599 => MonaiLabelErrorKind.ServerError,
        >= 200 and <= 299 => MonaiLabelErrorKind.InvalidResponse,
        _ => MonaiLabelErrorKind.Unknown,
    };

    private static string Describe(MonaiLabelErrorKind kind) => kind switch
    {
        MonaiLabelErrorKind.ServerError => "Server error",
        MonaiLabelErrorKind.SessionExpired => "Session expired",
        MonaiLabelErrorKind.NotFound => "Not found",
        MonaiLabelErrorKind.ValidationFailed => "Validation failed",
        MonaiLabelErrorKind.Unauthorized => "Unauthorized",
        MonaiLabelErrorKind.Forbidden => "Forbidden",
        MonaiLabelErrorKind.Conflict => "Conflict",
        MonaiLabelErrorKind.InvalidResponse => "Invalid response",
        MonaiLabelErrorKind.UnsafeFileName => "Unsafe file name",
        MonaiLabelErrorKind.Timeout => "Timed out",
        MonaiLabelErrorKind.TaskAlreadyRunning => "Task already running",
        _ => "Request failed",
    };

    // Headers are deliberately left out: they may carry credentials.
    private static string ComposeMessage(
        MonaiLabelErrorKind kind, int statusCode, string? detail, string? response, string message)
    {
        var reason = detail ?? ShortPlainText(response) ?? message;
        var head = $"{Describe(kind)} (HTTP {statusCode})";
        return string.IsNullOrWhiteSpace(reason) ? head : $"{head}: {reason}";
    }

    // A short one-line text body ("Internal Server Error") says more than a generic message; HTML or JSON does not.
    private static string? ShortPlainText(string? response)
    {
        var text = response?.Trim();
        if (string.IsNullOrEmpty(text) || text!.Length > MaxPlainTextInMessage)
        {
            return null;
        }

        return text.IndexOfAny(NotPlainText) >= 0 ? null : text;
    }

    private protected static string? ReadDetail(string? response)
    {
        var text = response?.TrimStart();
        if (string.IsNullOrEmpty(text) || text![0] != '{')
        {
            return null;
        }

        try
        {
            return JToken.Parse(text) is JObject body ? DescribeDetail(body["detail"]) : null;
        }
        catch (JsonException)
        {
            return null; // Not JSON after all: there is no detail to report.
        }
    }

    // The generated client reads error bodies straight into typed objects and then passes no text: read it back.
    private protected static string? ReadDetailFromBody(object? errorBody)
    {
        if (errorBody is null)
        {
            return null;
        }

        try
        {
            return JToken.FromObject(errorBody) is JObject body ? DescribeDetail(body["detail"]) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? DescribeDetail(JToken? detail) => detail switch
    {
        null => null,
        JValue { Type: JTokenType.Null } => null,
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        JArray errors => string.Join("; ", errors.Select(DescribeValidationError)),
        _ => detail.ToString(Formatting.None),
    };

    // FastAPI/pydantic: {"loc": ["query", "label"], "msg": "field required", "type": "..."}.
    private static string DescribeValidationError(JToken error)
    {
        if (error is not JObject entry)
        {
            return error is JValue value
                ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty
                : error.ToString(Formatting.None);
        }

        var msg = entry["msg"]?.ToString() ?? entry.ToString(Formatting.None);
        var loc = entry["loc"] is JArray parts ? string.Join(".", parts.Select(p => p.ToString())) : null;
        return string.IsNullOrEmpty(loc) ? msg : $"{loc}: {msg}";
    }
}

/// <summary>
/// A <see cref="MonaiLabelClientException"/> that also carries the server's error body, read as
/// <typeparamref name="TResult"/>. Thrown by the generated client for documented error answers.
/// </summary>
/// <typeparam name="TResult">The type the error body was read as.</typeparam>
internal partial class MonaiLabelClientException<TResult> : MonaiLabelClientException
{
    /// <summary>Creates the exception for a documented error answer. Called by the generated client.</summary>
    /// <param name="message">What the caller was doing; used when the body gives no reason.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body as text, if it was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="result">The error body, read as <typeparamref name="TResult"/>.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public MonaiLabelClientException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        TResult result,
        Exception? innerException)
        : base(KindOf(statusCode), statusCode, response, ReadDetail(response) ?? ReadDetailFromBody(result), headers, message, innerException)
    {
        Result = result;
    }

    /// <summary>The error body, read as <typeparamref name="TResult"/>.</summary>
    public TResult Result { get; }
}
