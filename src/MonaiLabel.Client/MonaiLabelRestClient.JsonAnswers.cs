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
    // The model a free-form answer (an operation the spec types as `object`) is read into, set by TypedAnswerAsync
    // around one call. Flows into that call only: an async method's AsyncLocal changes never reach its caller.
    private static readonly AsyncLocal<ExpectedAnswer?> Expected = new();

    private const int ReadBufferSize = 16 * 1024;

    /// <summary>
    /// Runs <paramref name="call"/>, an operation whose answer the spec leaves free-form, and reads its answer
    /// straight into <typeparamref name="T"/>. A wrongly shaped answer fails at its first token that cannot fit
    /// (an array where an object belongs) instead of being read whole into a JToken tree first: the memory an
    /// answer costs is then at most about the model it fills, never many times the answer's bytes.
    /// </summary>
    /// <param name="call">The generated operation.</param>
    /// <param name="what">The answer in messages: "datastore listing".</param>
    internal async Task<T> TypedAnswerAsync<T>(Func<Task<object>> call, string what)
    {
        var outer = Expected.Value;
        Expected.Value = new ExpectedAnswer(typeof(T), what);
        object? answer;
        try
        {
            answer = await call().ConfigureAwait(false);
        }
        finally
        {
            Expected.Value = outer;
        }

        return answer is T typed ? typed : ConvertAnswer<T>(answer, what);
    }

    private async Task<T> ReadJsonAnswerAsync<T>(
        HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
    {
        // Only a free-form read takes the declared model; error bodies and typed answers keep their own type.
        var expected = typeof(T) == typeof(object) ? Expected.Value : null;
        try
        {
            using var stream = await ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
            // Read asynchronously, parsed synchronously: see JsonAnswerBody for why no pool thread waits on the body.
            return await JsonAnswerBody.ParseAsync(stream, body =>
            {
                using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferSize);
                using var json = new JsonTextReader(text);
                var serializer = JsonSerializer.Create(JsonSerializerSettings);
                return expected == null ? serializer.Deserialize<T>(json)! : (T)serializer.Deserialize(json, expected.Type)!;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e) when (Cause(e) is { } cause)
        {
            // Newtonsoft wraps what the body stream threw (MaxJsonAnswerBytes, ReadTimeout, a broken connection, the
            // caller's cancellation) when it happens inside extension data: the SDK's own error stands.
            ExceptionDispatchInfo.Capture(cause).Throw();
            throw;
        }
        catch (JsonException e) when (expected != null)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.InvalidResponse, $"The {expected.What} has an unexpected shape: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new MonaiLabelClientException(
                "Could not deserialize the response body stream as " + typeof(T).FullName + ".", (int)response.StatusCode, string.Empty, headers, e);
        }
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

    private sealed class ExpectedAnswer
    {
        public ExpectedAnswer(Type type, string what)
        {
            Type = type;
            What = what;
        }

        public Type Type { get; }

        public string What { get; }
    }
}
