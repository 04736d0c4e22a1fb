using System;
using System.Net.Http;
using System.Threading;

namespace MonaiLabel.Client;

// Every answer's body, before any code reads it: read-idle timeout, size limits, typed errors (ResponseBodyContent).
internal partial class MonaiLabelRestClient
{
    /// <summary>The most bytes of an error answer's body kept for <see cref="MonaiLabelClientException.Response"/>.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private TimeSpan _readTimeout = MonaiLabelClientOptions.DefaultReadTimeout;
    private long _maxJsonAnswerBytes = MonaiLabelClientOptions.DefaultMaxJsonAnswerBytes;

    /// <summary>
    /// The longest wait for the next bytes of an answer's body once its headers have arrived; a server that stalls
    /// longer fails the call with <see cref="MonaiLabelErrorKind.Timeout"/>. See <see cref="MonaiLabelClientOptions.ReadTimeout"/>.
    /// </summary>
    internal TimeSpan ReadTimeout
    {
        get => _readTimeout;
        set => _readTimeout = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>
    /// The largest JSON or text answer read into memory; larger ones fail with
    /// <see cref="MonaiLabelErrorKind.InvalidResponse"/>. See <see cref="MonaiLabelClientOptions.MaxJsonAnswerBytes"/>.
    /// </summary>
    internal long MaxJsonAnswerBytes
    {
        get => _maxJsonAnswerBytes;
        set => _maxJsonAnswerBytes = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be greater than zero.");
    }

    /// <summary>
    /// Puts every answer's body behind <see cref="ResponseBodyContent"/> before the generated code reads it, by what
    /// the operation declared it reads (<see cref="RequestContext"/>): JSON and text answers are read into memory (so
    /// they are size-limited, and JSON must be labelled as JSON), file and multipart answers are streamed to their
    /// reader (not limited). Error answers are kept to a bounded preview.
    /// </summary>
    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        var content = response.Content;
        if (content == null || content is ResponseBodyContent)
        {
            return;
        }

        var request = response.RequestMessage;
        var what = $"the answer to {request?.Method.Method ?? "the request"} {RequestPaths.Of(request)}".TrimEnd();
        ContentLengthFraming.Check(response, what);
        var status = (int)response.StatusCode;
        if (status < 200 || status > 299)
        {
            response.Content = new ResponseBodyContent(
                content, new ResponseBodyLimits("the error " + what.Substring(4), ReadTimeout, MaxErrorBodyBytes, truncateAtMax: true));
            return;
        }

        var kind = RequestContext.AnswerOf(request);
        if (kind == AnswerKind.Stream)
        {
            response.Content = new ResponseBodyContent(content, new ResponseBodyLimits(what, ReadTimeout, null, truncateAtMax: false));
            return;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        if (kind == AnswerKind.Json && mediaType != null && !IsJson(mediaType) && status != 204)
        {
            response.Dispose();
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"Expected JSON as {what}, but the server sent '{mediaType}'" +
                (mediaType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? " (an HTML page: is the server URL right, or is a proxy answering?)." : "."));
        }

        var max = MaxJsonAnswerBytes;
        if (content.Headers.ContentLength is { } declared && declared > max)
        {
            response.Dispose();
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"{char.ToUpperInvariant(what[0])}{what.Substring(1)} is {declared} bytes long, more than {max} bytes (MaxJsonAnswerBytes); it was not read.");
        }

        response.Content = new ResponseBodyContent(content, new ResponseBodyLimits(what, ReadTimeout, max, truncateAtMax: false));
    }

    // application/json, text/json, application/problem+json, ...
    private static bool IsJson(string? mediaType) =>
        mediaType != null &&
        (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(mediaType, "text/json", StringComparison.OrdinalIgnoreCase) ||
         mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
