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
/// One handler, not two, because each handler that awaits costs a fresh process's first call ~13 JIT-compiled
/// methods of async machinery (tools/MonaiLabel.Benchmarks/README.md, first call).
/// </summary>
internal sealed class TransportErrorHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;

    /// <param name="timeout">The call's limit; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    public TransportErrorHandler(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = _timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            limit?.CancelAfter(_timeout);
            return await base.SendAsync(request, limit?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (limit != null && !cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.Timeout,
                $"{request.Method} {RequestPaths.Of(request)} got no answer within {_timeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e)
        {
            var server = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.GetLeftPart(UriPartial.Authority) : "the server";
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.ConnectionFailed,
                $"{request.Method} {RequestPaths.Of(request)} could not reach {server}: {e.Message}", e);
        }
        finally
        {
            limit?.Dispose();
        }
    }
}
