using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// Interactive annotation: what each model takes, prompts checked against it, and a session that looks after itself.
public partial class MonaiLabelClient
{
    /// <summary>
    /// What every model of the app takes (one <c>GET /info/</c>), by model name. Keep the answer and pass a model's
    /// <see cref="ModelCapabilities"/> to
    /// <see cref="InferAsync(ModelCapabilities, InferRequest, CancellationToken)"/>: prompts are then checked on the
    /// client with no round trip per click. Read it again when the server's models change (a retrained or new model).
    /// </summary>
    public virtual async Task<IReadOnlyDictionary<string, ModelCapabilities>> GetModelCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        ModelCapabilities.FromAppInfo(await GetAppInfoAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>What <paramref name="model"/> takes (one <c>GET /info/</c>).</summary>
    /// <exception cref="MonaiLabelClientException">The app has no such model (<see cref="MonaiLabelErrorKind.NotFound"/>), or the call failed.</exception>
    public virtual async Task<ModelCapabilities> GetModelCapabilitiesAsync(string model, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(model))
        {
            throw new ArgumentException("A model name is required.", nameof(model));
        }

        var models = await GetModelCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        return models.TryGetValue(model, out var capabilities)
            ? capabilities
            : throw new MonaiLabelClientException(
                MonaiLabelErrorKind.NotFound, $"The server has no model '{model}' (it has: {string.Join(", ", models.Keys)}).");
    }

    /// <summary>
    /// Runs <paramref name="model"/> as <see cref="InferAsync(string, InferRequest, CancellationToken)"/> does, after
    /// checking <paramref name="request"/> against what the model takes: its <see cref="InferRequest.Prompt"/> kind,
    /// points, slice, labels, scribbles and result options. A request the model cannot take is refused with an
    /// <see cref="ArgumentException"/> naming the model, the prompt field and what it expects, and nothing is sent.
    /// </summary>
    /// <exception cref="ArgumentException">The request does not fit the model.</exception>
    /// <exception cref="MonaiLabelClientException">The server refused the call or sent an answer that cannot be read.</exception>
    public virtual Task<InferResult> InferAsync(ModelCapabilities model, InferRequest request, CancellationToken cancellationToken = default)
    {
        if (model == null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        PromptRules.Check(model.Name, model, request);
        return InferCheckedAsync(model.Name, model, request, cancellationToken);
    }

    /// <summary>
    /// Uploads the local image <paramref name="imagePath"/> once into a server session and answers an
    /// <see cref="InteractiveSession"/> that sends prompts against it by session id. When the server has dropped the
    /// session (expiry, restart), the session is re-created from the same file and the prompt sent again, once.
    /// Dispose the session to delete it on the server.
    /// </summary>
    /// <param name="imagePath">The image file (e.g. <c>case.nii.gz</c>); it must stay readable while the session is used.</param>
    /// <param name="expiry">Seconds until the server may drop the session; 0 uses the server's default (an hour).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual async Task<InteractiveSession> StartInteractiveSessionAsync(string imagePath, int expiry = 0, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(imagePath))
        {
            throw new ArgumentException("An image file path is required.", nameof(imagePath));
        }

        if (expiry < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "Expiry is a number of seconds, 0 for the server's default.");
        }

        var session = new InteractiveSession(this, imagePath, expiry);
        await session.CreateAsync(null, cancellationToken).ConfigureAwait(false);
        return session;
    }
}
