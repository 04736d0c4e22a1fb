using System;
using System.Net.Http;

namespace MonaiLabel.Client;

// ProcessResponse, per request: every answer's body, before any code reads it: read-idle timeout, size limits, typed errors (ResponseBodyContent).
internal partial class MonaiLabelRestClient
{
    /// <summary>The most bytes of an error answer's body kept for <see cref="MonaiLabelClientException.Response"/>.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

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
                content, new ResponseBodyLimits("the error " + what.Substring(4), _clientSettings.ReadTimeout, MaxErrorBodyBytes, truncateAtMax: true));
            return;
        }

        var kind = RequestContext.AnswerOf(request);
        if (kind == AnswerKind.Stream)
        {
            response.Content = new ResponseBodyContent(content, new ResponseBodyLimits(what, _clientSettings.ReadTimeout, null, truncateAtMax: false));
            return;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        if (kind == AnswerKind.Json && mediaType != null && !JsonAnswer.IsJsonMediaType(mediaType) && status != 204)
        {
            response.Dispose();
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"Expected JSON as {what}, but the server sent '{mediaType}'" +
                (mediaType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? " (an HTML page: is the server URL right, or is a proxy answering?)." : "."));
        }

        var max = _clientSettings.MaxJsonAnswerBytes;
        if (content.Headers.ContentLength is { } declared && declared > max)
        {
            response.Dispose();
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse,
                $"{char.ToUpperInvariant(what[0])}{what.Substring(1)} is {declared} bytes long, more than {max} bytes (MaxJsonAnswerBytes); it was not read.");
        }

        response.Content = new ResponseBodyContent(content, new ResponseBodyLimits(what, _clientSettings.ReadTimeout, max, truncateAtMax: false));
    }
}
