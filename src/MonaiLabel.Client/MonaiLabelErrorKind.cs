namespace MonaiLabel.Client;

/// <summary>What went wrong, as far as the client can tell. Carried by <see cref="MonaiLabelClientException.Kind"/>.</summary>
public enum MonaiLabelErrorKind
{
    /// <summary>The failure does not fit any other kind (for example an unexpected 4xx status).</summary>
    Unknown,

    /// <summary>The server failed (HTTP 5xx). Mirrors the Python client's <c>MONAILabelError.SERVER_ERROR</c>.</summary>
    ServerError,

    /// <summary>The session the call referred to has expired or no longer exists. Mirrors the Python client's <c>MONAILabelError.SESSION_EXPIRED</c>.</summary>
    SessionExpired,

    /// <summary>The server does not know the resource (HTTP 404): an image, label, model, task or route.</summary>
    NotFound,

    /// <summary>The server rejected the request's parameters (HTTP 422); <see cref="MonaiLabelClientException.Detail"/> lists the fields.</summary>
    ValidationFailed,

    /// <summary>The request carried no valid credentials (HTTP 401).</summary>
    Unauthorized,

    /// <summary>The credentials lack a role the operation needs (HTTP 403).</summary>
    Forbidden,

    /// <summary>The server is busy with conflicting work, for example a training task is already running (HTTP 409 or 429).</summary>
    Conflict,

    /// <summary>The server answered, but the answer could not be read: malformed multipart, wrong content type, unreadable JSON.</summary>
    InvalidResponse,

    /// <summary>A file name or path from the server (or the caller) would escape the target directory or cannot be used safely.</summary>
    UnsafeFileName,

    /// <summary>The call did not complete in the time allowed.</summary>
    Timeout,

    /// <summary>The server could not be reached or the connection failed before an answer (DNS, refused, reset, TLS).</summary>
    ConnectionFailed,

    /// <summary>
    /// A start of training, scoring or batch inference was refused because a task of that kind is already running
    /// (MONAI Label's HTTP 429, <c>... Task is Already Running</c>). Stop it, wait for it, or start with enqueue.
    /// </summary>
    TaskAlreadyRunning,

    /// <summary>
    /// A local file could not be read or written (missing, unreadable, no permission): reported per item by the bulk
    /// methods, so that one bad file does not end a run.
    /// </summary>
    LocalFile,
}
