using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Reading what the generated operations hand back raw (FileResponse) or free-form (a JSON token) into results: the
// part of a call NSwag cannot generate. Each runs once per call, with this client's settings (Answers/ does the work).
public partial class MonaiLabelClient
{
    /// <summary>
    /// Saves a file answer in <paramref name="directory"/> (default: the options' result directory) under the safe name
    /// <paramref name="nameFor"/> gives for the server's name; disposes <paramref name="response"/>.
    /// </summary>
    internal Task<SavedFile> SaveFileResponseAsync(
        FileResponse response, string? directory, Func<string?, string> nameFor, bool overwrite, IProgress<long>? progress,
        CancellationToken cancellationToken) =>
        FileAnswer.SaveAsync(response, directory ?? Settings.ResultDirectory, nameFor, overwrite, progress, cancellationToken);

    /// <summary>Saves a file answer under the server's (sanitised) file name, else <paramref name="fallbackName"/>.</summary>
    private Task<SavedFile> SaveFileResponseAsync(
        FileResponse response, string? directory, string fallbackName, bool overwrite, IProgress<long>? progress,
        CancellationToken cancellationToken) =>
        SaveFileResponseAsync(response, directory, FileAnswer.ServerNameOr(fallbackName), overwrite, progress, cancellationToken);

    /// <summary>Reads infer's answer (multipart, JSON or a file) into params and saved files; disposes <paramref name="response"/>.</summary>
    private Task<InferResult> ReadInferAnswerAsync(
        FileResponse response, InferResultNames names, string? directory, bool overwrite, IProgress<long>? progress, bool durable,
        CancellationToken cancellationToken) =>
        InferAnswer.ReadAsync(
            response, names, directory ?? Settings.ResultDirectory, overwrite, progress, Settings.MaxJsonAnswerBytes, durable, cancellationToken);

    /// <summary>Reads a raw JSON body, held to the client's MaxJsonAnswerBytes.</summary>
    private Task<JToken> ReadJsonAsync(Stream body, string what, CancellationToken cancellationToken) =>
        JsonAnswer.ReadAsync(body, what, Settings.MaxJsonAnswerBytes, cancellationToken);

    /// <summary>
    /// Runs <paramref name="call"/>, one call of an operation whose answer the spec leaves free-form, on a view of the
    /// protocol client that reads its answer straight into <typeparamref name="T"/>: a wrongly shaped answer fails at
    /// its first token that cannot fit, and the memory it costs is about the model it fills, never a JToken tree of it.
    /// The model travels with the call's own protocol client, not beside it.
    /// </summary>
    /// <param name="what">The answer in messages: "datastore listing".</param>
    /// <param name="call">The generated operation, called on the view it is given.</param>
    private async Task<T> ReadFreeFormAsAsync<T>(string what, Func<MonaiLabelRestClient, Task<object>> call)
    {
        var answer = await call(Rest.ReadingFreeFormAnswerAs(typeof(T), what)).ConfigureAwait(false);
        return answer is T typed ? typed : ConvertAnswer<T>(answer, what);
    }

    /// <summary>A free-form answer (a JSON token) as the model <typeparamref name="T"/>.</summary>
    private T ConvertAnswer<T>(object? answer, string what) => JsonAnswer.Convert<T>(answer, what, Rest.SerializerSettings);
}
