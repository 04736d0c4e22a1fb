using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// JSON the public face reads itself, outside the generated code: a free-form answer turned into a model, and a JSON
/// body read from a raw answer (a session's details, infer's JSON-only answer). Every method runs per call; the limits
/// come from the caller's <see cref="ClientSettings"/>.
/// </summary>
internal static class JsonAnswer
{
    /// <summary>Converts a free-form answer (read by the generated code as a JSON token) into a typed model.</summary>
    /// <param name="answer">What the generated operation answered.</param>
    /// <param name="what">The answer in messages: "stopped task".</param>
    /// <param name="settings">The protocol layer's serializer settings (dates kept as text).</param>
    public static T Convert<T>(object? answer, string what, JsonSerializerSettings settings)
    {
        try
        {
            var token = answer as JToken ?? (answer == null ? JValue.CreateNull() : JToken.FromObject(answer));
            return token.ToObject<T>(JsonSerializer.Create(settings))
                ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The server answered null for the {what}.");
        }
        catch (JsonException e)
        {
            throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The {what} has an unexpected shape: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads a JSON body into a token, held to <paramref name="maxBytes"/> like every JSON answer (the body's
    /// read-idle timeout is already on the stream).
    /// </summary>
    public static async Task<JToken> ReadAsync(Stream stream, string what, long maxBytes, CancellationToken cancellationToken)
    {
        var limited = new ResponseBodyStream(
            stream, new ResponseBodyLimits("the " + what, Timeout.InfiniteTimeSpan, maxBytes, truncateAtMax: false));
        try
        {
            using (var streamReader = new StreamReader(limited, Encoding.UTF8, true, 16 * 1024, leaveOpen: true))
            using (var jsonReader = CreateReader(streamReader))
            {
                return await JToken.ReadFromAsync(jsonReader, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, $"The {what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// A reader that keeps the server's JSON as sent: strings that look like dates stay strings (Newtonsoft would
    /// turn them into DateTime, changing their text and time zone).
    /// </summary>
    public static JsonTextReader CreateReader(TextReader reader) =>
        new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None };

    /// <summary>application/json, text/json, application/problem+json, ...</summary>
    public static bool IsJsonMediaType(string? mediaType) =>
        mediaType != null &&
        (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(mediaType, "text/json", StringComparison.OrdinalIgnoreCase) ||
         mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
