using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// Sends a request once more, at once, when it failed on a pooled connection the server had already given up on.
/// MONAI Label's uvicorn closes a connection a moment after an error answer (a 500) without saying
/// <c>Connection: close</c>; the next request on it is reset before any byte of an answer. SocketsHttpHandler
/// does not re-send it itself: its own retry of a reused connection covers one that ends cleanly (EOF) before any
/// answer byte, not one that is reset — and a server closing a socket with the unread next request in it sends a
/// reset (seen with uvicorn: FIN about 14 ms after the 500, RST for a request written before that). The retry
/// policy above would re-send only idempotent calls, after a back-off. Here a request is re-sent at most once, and only when all of these hold: the failure is a transport
/// failure (not a cancellation), the connection had carried an earlier request, not one byte of an answer had
/// arrived, and the body can be sent again as it was (no body, bytes in memory, or a seekable stream — an upload
/// from a file is read again from its start, never buffered). net8.0 only: the connection's stream that observes
/// this needs <c>SocketsHttpHandler.PlaintextStreamFilter</c>; on netstandard2.0 this handler passes requests through.
/// </summary>
internal sealed class ReusedConnectionReplayHandler : AnswerHandler
{
    private readonly ILogger _logger;

    public ReusedConnectionReplayHandler(ILogger logger) => _logger = logger;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        FollowAsync(request, new ConnectionExchange(), cancellationToken);

    // The first attempt is sent with its exchange current, which the connection's stream reads when it writes the
    // request; the sends below this handler carry it on in their own async flow, so it is left again at once.
    protected override Task<HttpResponseMessage> Begin(HttpRequestMessage request, object? state, CancellationToken cancellationToken)
    {
        var outer = AmbientCall.Enter((ConnectionExchange)state!);
        try
        {
            return SendInnerAsync(request, cancellationToken);
        }
        finally
        {
            AmbientCall.Leave(outer);
        }
    }

    // The state is the first attempt's exchange, null once the request was sent again: the second and last attempt,
    // whatever it ends in is the answer.
    protected override Task<HttpResponseMessage>? Failed(
        HttpRequestMessage request, Exception failure, ref object? state, CancellationToken cancellationToken)
    {
        if (state is not ConnectionExchange exchange || failure is not HttpRequestException || cancellationToken.IsCancellationRequested ||
            !exchange.Reused || exchange.Answered || !CanReplay(request.Content))
        {
            return null;
        }

        Log.ReplayOnNewConnection(_logger, request.Method.Method, RequestPaths.Of(request));
        state = null;
        return SendInnerAsync(request, cancellationToken);
    }

    /// <summary>
    /// No body, bytes held in memory (JSON, form fields), or a stream that can be rewound: StreamContent seeks a
    /// seekable stream back to where it started, and reports a length only for one (a non-seekable stream's
    /// bytes are gone once sent, so it is never re-sent).
    /// </summary>
    internal static bool CanReplay(HttpContent? content)
    {
        switch (content)
        {
            case null:
            case ByteArrayContent:
                return true;
            case MultipartContent multipart:
                return multipart.All(CanReplay);
            case StreamContent stream:
                return HasLength(stream);
            default:
                return false;
        }
    }

    // Reading ContentLength stores a computed length as a header, which a multipart body would then write out
    // (making it longer than the length already sent): take the answer and leave the headers as they were.
    private static bool HasLength(HttpContent content)
    {
        if (content.Headers.Contains("Content-Length"))
        {
            return true;
        }

        var known = content.Headers.ContentLength != null;
        content.Headers.ContentLength = null;
        return known;
    }
}
