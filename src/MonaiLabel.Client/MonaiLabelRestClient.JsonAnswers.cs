using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace MonaiLabel.Client;

// How every JSON answer is read (the generated ReadObjectResponseAsync calls ReadJsonAnswerAsync; template
// openapi/templates/Client.Class.ReadObjectResponse.liquid).
internal partial class MonaiLabelRestClient
{
    private const int ReadBufferSize = 16 * 1024;

    // Reads every JSON answer: the generated settings' one rule set directly (a test pins that the two agree), so a
    // fresh process does not JIT-compile a settings object and JsonSerializer.Create's copy of it, and no call copies
    // the settings into a serializer of its own. Sharing it is safe: Json.NET keeps what a read needs in objects of
    // that read, and nothing changes this serializer after it is made.
    internal static readonly JsonSerializer AnswerSerializer = new() { DateParseHandling = DatesAs };

    private async Task<T> ReadJsonAnswerAsync<T>(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        // Only a free-form read takes the model of this call's view (ReadingFreeFormAnswerAs); error bodies and typed
        // answers keep their own type.
        var expected = typeof(T) == typeof(object) ? _freeFormAnswer : null;
        try
        {
            using var stream = await ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
            // Read asynchronously, parsed synchronously: see JsonAnswerBody for why no pool thread waits on the body.
            return await JsonAnswerBody.ParseAsync(stream, body =>
            {
                using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferSize);
                using var json = new JsonTextReader(text);
                return expected == null ? AnswerSerializer.Deserialize<T>(json)! : (T)AnswerSerializer.Deserialize(json, expected.Model)!;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            // Built apart: a first call that reads well does not compile (and load the types of) the failure paths.
            throw ReadFailure(e, expected, typeof(T), response, headers);
        }
    }

    private static Exception ReadFailure(
        JsonException e, FreeFormAnswer? expected, Type declared, HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (Cause(e) is { } cause)
        {
            // Newtonsoft wraps what the body stream threw (MaxJsonAnswerBytes, ReadTimeout, a broken connection, the
            // caller's cancellation) when it happens inside extension data: the SDK's own error stands.
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        return expected != null
            ? new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse, $"The {expected.What} has an unexpected shape: {e.Message}", e)
            : new MonaiLabelClientException(
                "Could not deserialize the response body stream as " + declared.FullName + ".", (int)response.StatusCode, string.Empty, headers, e);
    }

    private static Exception? Cause(JsonException e)
    {
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
        {
            if (inner is MonaiLabelClientException || inner is OperationCanceledException)
            {
                return inner;
            }
        }

        return null;
    }
}
