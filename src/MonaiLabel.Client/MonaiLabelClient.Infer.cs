using System;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Infer: the generated InferAsync/InferWsiAsync return the raw answer; these read it into params + saved files.
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
    public virtual async Task<InferResult> InferAsync(string model, InferRequest request, CancellationToken cancellationToken = default)
    {
        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        // As in the Python client: an uploaded image is not sent when a session already holds one.
        var file = string.IsNullOrEmpty(request.SessionId) ? request.File : null;
        if (file == null)
        {
            // An upload that is not sent is still closed, as a sent one would be.
            request.File?.Data?.Dispose();
        }

        var response = await InferAsync(
            model, request.Image ?? string.Empty, request.SessionId, request.Output, ParamsJson(request.Params),
            file!, request.Label!, cancellationToken).ConfigureAwait(false);
        return await ReadInferResultAsync(
                response, InferResultNames.For(model, request), request.ResultDirectory, request.Overwrite, request.Progress, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Whole-slide inference on a region of <paramref name="image"/> (the Python client's <c>wsi_infer</c>, on the
    /// current <c>/infer/wsi_v2/</c> route). DSA/JSON answers come back in <see cref="InferResult.Params"/>; an
    /// ASAP XML answer is saved as a file, named <c>{image}_{model}</c> plus the extension of the server's name.
    /// </summary>
    public virtual async Task<InferResult> InferWsiRegionAsync(
        string model, string image, WsiInput? wsi = null, WsiInferOutput? output = WsiInferOutput.Dsa, string? sessionId = null,
        string? resultDirectory = null, CancellationToken cancellationToken = default)
    {
        // Serialise a copy with the client id in its params: the caller's WsiInput is never modified.
        var region = JObject.FromObject(wsi ?? new WsiInput(), JsonSerializer.Create(JsonSerializerSettings));
        var regionParams = region["params"] as JObject ?? new JObject();
        if (!string.IsNullOrEmpty(ClientId))
        {
            regionParams["client_id"] = ClientId;
        }

        region["params"] = regionParams;
        var response = await InferWsiAsync(
            model, image, sessionId, output, null!, region.ToString(Formatting.None), cancellationToken)
            .ConfigureAwait(false);
        return await ReadInferResultAsync(response, InferResultNames.Default(model, image), resultDirectory, false, null, cancellationToken)
            .ConfigureAwait(false);
    }
}
