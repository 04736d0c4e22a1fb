using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Reports transport failures (no route, refused, reset, TLS) as the SDK's one exception type,
/// <see cref="MonaiLabelErrorKind.ConnectionFailed"/>, after retries have given up. The original is the inner exception.
/// </summary>
internal sealed class ConnectionErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            var server = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.GetLeftPart(System.UriPartial.Authority) : "the server";
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.ConnectionFailed,
                $"{request.Method} {RequestPaths.Of(request)} could not reach {server}: {e.Message}", e);
        }
    }
}
