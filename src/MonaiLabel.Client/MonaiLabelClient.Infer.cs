using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Infer: the answer is read into params + saved files.
public partial class MonaiLabelClient
{
    /// <summary>
    /// Runs <paramref name="model"/> and saves every result file (the Python client's <c>infer</c>). The answer is
    /// read by its content type — multipart (params + label), a single file, or JSON only — and streamed to
    /// disk; on failure or cancellation no result file of this call remains. Files are saved in
    /// <see cref="InferRequest.ResultDirectory"/> under predictable names, not the server's temporary ones:
    /// <c>{image}_{model}.nii.gz</c> by default, or <see cref="InferRequest.ResultFileName"/>; the server's name is
    /// kept in <see cref="SavedFile.RawFileName"/>.
    /// </summary>
    /// <exception cref="MonaiLabelClientException">The server refused the call or sent an answer that cannot be read.</exception>
    public virtual Task<InferResult> InferAsync(string model, InferRequest request, CancellationToken cancellationToken = default)
    {
        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        // A prompt is checked as far as it can be without the model's capabilities, before anything is sent.
        PromptRules.Check(model, null, request);
        return InferCheckedAsync(model, null, request, cancellationToken);
    }

    // The request has been checked (against the capabilities when given): build params and the label part, send.
    private Task<InferResult> InferCheckedAsync(string model, ModelCapabilities? capabilities, InferRequest request, CancellationToken cancellationToken)
    {
        var parameters = PromptRules.Params(model, capabilities, request);
        var label = request.Prompt?.OpenLabelFile() ?? request.Label;

        // The protocol layer's optional file parts are typed non-nullable by NSwag; null leaves the part out.
        // As in the Python client: an uploaded image is not sent when a session already holds one.
        var file = string.IsNullOrEmpty(request.SessionId) ? request.File : null;
        if (file == null)
        {
            // An upload that is not sent is still closed, as a sent one would be.
            request.File?.Data?.Dispose();
        }

        // One span name, "MonaiLabel Infer", whichever overload was called.
        return Traced(nameof(InferAsync),
            async () =>
            {
                var response = await Rest.InferAsync(
                    model, request.ImageId ?? string.Empty, request.SessionId, request.Output, RequestParams.Json(Settings, parameters, Rest.SerializerSettings),
                    file!, label!, cancellationToken).ConfigureAwait(false);
                return await ReadInferAnswerAsync(
                        response, InferResultNames.For(model, request), request.ResultDirectory, request.Overwrite, request.Progress,
                        durable: !request.Scratch, cancellationToken)
                    .ConfigureAwait(false);
            },
            model);
    }

    /// <summary>
    /// Whole-slide inference on a region of <paramref name="imageId"/> (the Python client's <c>wsi_infer</c>, on the
    /// current <c>/infer/wsi_v2/</c> route). DSA/JSON answers come back in <see cref="InferResult.Params"/>; an
    /// ASAP XML answer is saved as a file, named <c>{image}_{model}</c> plus the extension of the server's name.
    /// </summary>
    /// <param name="model">The WSI model.</param>
    /// <param name="imageId">The datastore image id of the slide.</param>
    /// <param name="region">The region and params; null runs on the server's default region.</param>
    /// <param name="output">The answer format (default DSA JSON).</param>
    /// <param name="sessionId">A session holding the slide, instead of the datastore.</param>
    /// <param name="resultDirectory">Where an ASAP XML answer is saved; null uses the options' result directory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<InferResult> InferWsiAsync(
        string model, string imageId, WsiInput? region = null, WsiInferOutput output = WsiInferOutput.Dsa, string? sessionId = null,
        string? resultDirectory = null, CancellationToken cancellationToken = default) =>
        Traced(nameof(InferWsiAsync), () => InferWsiCoreAsync(model, imageId, region, output, sessionId, resultDirectory, cancellationToken), model);

    private async Task<InferResult> InferWsiCoreAsync(
        string model, string imageId, WsiInput? region, WsiInferOutput output, string? sessionId, string? resultDirectory,
        CancellationToken cancellationToken)
    {
        // Serialise a copy with the client id in its params: the caller's WsiInput is never modified.
        var serializer = JsonSerializer.Create(Rest.SerializerSettings);
        var body = JObject.FromObject(region ?? new WsiInput(), serializer);
        var regionParams = region?.Params?.ToDictionary(p => p.Key, p => (object?)p.Value);
        body["params"] = JObject.FromObject(RequestParams.WithClientId(Settings, regionParams), serializer);
        var response = await Rest.InferWsiAsync(
            model, imageId, sessionId, output, null!, body.ToString(Formatting.None), cancellationToken)
            .ConfigureAwait(false);
        return await ReadInferAnswerAsync(response, InferResultNames.Default(model, imageId), resultDirectory, false, null, durable: true, cancellationToken)
            .ConfigureAwait(false);
    }
}
