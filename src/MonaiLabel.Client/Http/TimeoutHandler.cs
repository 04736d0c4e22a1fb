using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// The whole call's time limit (retries included), reported as <see cref="MonaiLabelErrorKind.Timeout"/> rather
/// than the bare TaskCanceledException HttpClient throws. A caller's own cancellation still wins and stays an
/// OperationCanceledException.
/// </summary>
internal sealed class TimeoutHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    public TimeoutHandler(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    // Not async without a limit: see AttemptSpanHandler.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _timeout == Timeout.InfiniteTimeSpan ? base.SendAsync(request, cancellationToken) : SendWithLimitAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithLimitAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_timeout);
            try
            {
                return await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw new MonaiLabelClientException(
                    MonaiLabelErrorKind.Timeout,
                    $"{request.Method} {RequestPaths.Of(request)} got no answer within {_timeout.TotalSeconds:0.###} s.", e);
            }
        }
    }
}
