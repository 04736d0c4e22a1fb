using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// A local image uploaded once into a server session, and any number of prompts sent against it by session id —
/// the 3D Slicer pattern, without Slicer's <c>GET /session/{id}</c> before every click. When the server has dropped
/// the session (expiry, restart: MONAI Label then answers an infer with an opaque 500), the session is re-created
/// from the same file and the prompt sent again, once, without the caller noticing; that check costs one
/// <c>GET /session/{id}</c> only after a failed infer. Disposing deletes the session on the server. Thread-safe:
/// concurrent prompts that meet a dropped session re-create it once. Created by
/// <see cref="MonaiLabelClient.StartInteractiveSessionAsync"/>.
/// </summary>
public class InteractiveSession : IAsyncDisposable
{
    private readonly MonaiLabelClient _client = null!;
    private readonly int _expiry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _sessionId;
    private int _recreations;
    private int _disposed;

    /// <summary>For test doubles (mocking).</summary>
    protected InteractiveSession()
    {
        ImagePath = string.Empty;
    }

    internal InteractiveSession(MonaiLabelClient client, string imagePath, int expiry)
    {
        _client = client;
        ImagePath = imagePath;
        _expiry = expiry;
    }

    /// <summary>The local image file the session holds (uploaded again if the server drops the session).</summary>
    public string ImagePath { get; }

    /// <summary>The server's id of the session now (a new one after a re-creation).</summary>
    public virtual string SessionId => _sessionId ?? throw new InvalidOperationException("The session has not been created.");

    /// <summary>How many times the session was re-created because the server had dropped it.</summary>
    public virtual int Recreations => Volatile.Read(ref _recreations);

    /// <summary>
    /// Sends <paramref name="prompt"/> to <paramref name="model"/> on the session's image and saves the result; each
    /// answer replaces this model's previous result file, named <c>{image}_{model}</c> (image: the file's stem) in the
    /// client's result directory (written atomically, not forced to disk: the next click replaces it; upload the label
    /// you keep with <see cref="MonaiLabelClient.UploadLabelAsync"/>). Checked against <paramref name="model"/> first, as
    /// <see cref="MonaiLabelClient.InferAsync(ModelCapabilities, InferRequest, CancellationToken)"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">The prompt does not fit the model; nothing was sent.</exception>
    /// <exception cref="MonaiLabelClientException">The server refused the call (after at most one re-creation).</exception>
    public virtual Task<InferResult> InferAsync(ModelCapabilities model, InferPrompt? prompt, CancellationToken cancellationToken = default) =>
        InferAsync(model, new InferRequest { Prompt = prompt, Overwrite = true }, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="model"/> on the session's image. The request names no image
    /// of its own (<see cref="InferRequest.ImageId"/>, <see cref="InferRequest.SessionId"/>, <see cref="InferRequest.File"/>
    /// stay null) and no <see cref="InferRequest.Label"/> stream (use a <see cref="ScribblesPrompt"/>, which can be sent
    /// again); it is not modified. Without a <see cref="InferRequest.ResultFileName"/> the result is named
    /// <c>{image}_{model}</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The request does not fit the model or names an image; nothing was sent.</exception>
    /// <exception cref="MonaiLabelClientException">The server refused the call (after at most one re-creation).</exception>
    public virtual async Task<InferResult> InferAsync(ModelCapabilities model, InferRequest request, CancellationToken cancellationToken = default)
    {
        if (model == null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(InteractiveSession));
        }

        if (!string.IsNullOrEmpty(request.ImageId) || !string.IsNullOrEmpty(request.SessionId) || request.File != null || request.Label != null)
        {
            throw new ArgumentException(
                "A session's request names no image (ImageId, SessionId, File) and no Label stream: the session holds the image; send scribbles as a ScribblesPrompt.",
                nameof(request));
        }

        var sessionId = SessionId;
        try
        {
            return await _client.InferAsync(model, ForSession(request, model, sessionId), cancellationToken).ConfigureAwait(false);
        }
        catch (MonaiLabelClientException e) when (e.Kind is MonaiLabelErrorKind.ServerError or MonaiLabelErrorKind.SessionExpired)
        {
            // An infer on a dropped session fails like any server error; only the session route tells them apart.
            if (!await IsGoneAsync(sessionId, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }

        await RecreateAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return await _client.InferAsync(model, ForSession(request, model, SessionId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the session on the server (a session already gone is no error). Later prompts are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _sessionId is not { } sessionId)
        {
            return;
        }

        try
        {
            await _client.DeleteSessionAsync(sessionId).ConfigureAwait(false);
        }
        catch (MonaiLabelClientException)
        {
            // Gone already, or the server is unreachable: it expires the session itself.
        }

        GC.SuppressFinalize(this);
    }

    internal async Task CreateAsync(string? staleId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (staleId != null && _sessionId != staleId)
            {
                return; // Another prompt re-created it meanwhile.
            }

            var created = await _client.CreateSessionAsync(FileParameter.FromFile(ImagePath), false, _expiry, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(created.SessionId))
            {
                throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, "The server created a session but answered no session_id.");
            }

            _sessionId = created.SessionId;
            if (staleId != null)
            {
                Interlocked.Increment(ref _recreations);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task RecreateAsync(string staleId, CancellationToken cancellationToken) => CreateAsync(staleId, cancellationToken);

    private async Task<bool> IsGoneAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_sessionId != sessionId)
        {
            return true; // Already re-created by a concurrent prompt.
        }

        try
        {
            await _client.GetSessionAsync(sessionId, false, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (MonaiLabelClientException e) when (e.Kind == MonaiLabelErrorKind.SessionExpired)
        {
            return true;
        }
    }

    private InferRequest ForSession(InferRequest request, ModelCapabilities model, string sessionId) => new()
    {
        SessionId = sessionId,
        Output = request.Output,
        Params = request.Params,
        Prompt = request.Prompt,
        ResultOptions = request.ResultOptions,
        ResultDirectory = request.ResultDirectory,
        ResultFileName = request.ResultFileName ?? FileNameParts.Split(SafeFileName.Sanitize(Path.GetFileName(ImagePath), "image")).Stem + "_" + model.Name,
        Overwrite = request.Overwrite,
        Progress = request.Progress,
        Scratch = true,
    };
}
