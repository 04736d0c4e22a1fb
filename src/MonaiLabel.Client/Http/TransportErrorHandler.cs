using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// The outermost handler: the whole call's time limit (retries included) and what the transport's failures are
/// reported as, the SDK's one exception type. No answer within the limit is <see cref="MonaiLabelErrorKind.Timeout"/>
/// rather than the bare TaskCanceledException HttpClient throws, while a caller's own cancellation still wins and stays
/// an OperationCanceledException. A transport failure (no route, refused, reset, TLS) that retries gave up on is
/// <see cref="MonaiLabelErrorKind.ConnectionFailed"/>. The original is the inner exception.
/// One handler, not two: see <see cref="AnswerHandler"/> for what each waiting handler costs a first call.
/// </summary>
internal sealed class TransportErrorHandler : AnswerHandler
{
    private readonly TimeSpan _timeout;

    /// <param name="timeout">The call's limit; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    public TransportErrorHandler(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    // The state is the limit's token source, disposed when the call ends; null without a limit.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CancellationTokenSource? limit = null;
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_timeout);
        }

        return FollowAsync(request, limit, cancellationToken);
    }

    protected override Task<HttpResponseMessage> Begin(HttpRequestMessage request, object? state, CancellationToken cancellationToken) =>
        SendInnerAsync(request, state is CancellationTokenSource limit ? limit.Token : cancellationToken);

    protected override Task<HttpResponseMessage>? Failed(
        HttpRequestMessage request, Exception failure, ref object? state, CancellationToken cancellationToken)
    {
        if (failure is OperationCanceledException && state is CancellationTokenSource { IsCancellationRequested: true } &&
            !cancellationToken.IsCancellationRequested)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.Timeout,
                $"{request.Method} {RequestPaths.Of(request)} got no answer within {_timeout.TotalSeconds:0.###} s.", failure);
        }

        if (failure is HttpRequestException)
        {
            var server = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.GetLeftPart(UriPartial.Authority) : "the server";
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.ConnectionFailed,
                $"{request.Method} {RequestPaths.Of(request)} could not reach {server}: {failure.Message}", failure);
        }

        return null;
    }

    protected override void Ended(object? state) => (state as CancellationTokenSource)?.Dispose();
}
