using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Follows redirects itself (the socket handler's automatic redirects are off), so that credentials never reach
/// another origin: each hop is a new request, the caller's request is never changed, and <c>Authorization</c> and
/// <c>Cookie</c> are dropped as soon as a hop leaves the origin (scheme, host, port) it came from. A retry or a
/// 401 refresh above this handler therefore always starts again at the configured server. Within one origin
/// (e.g. a proxy adding a trailing slash) the credentials are kept, and so they are on the upgrade of a host from
/// http on port 80 to https on port 443 (as Python's requests does). Never https to http.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    /// <summary>The most hops followed; a longer chain ends with the last 3xx answer, as HttpClientHandler does.</summary>
    internal const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var current = request;
        for (var hops = 0; hops < MaxRedirects; hops++)
        {
            var target = RedirectTarget(current, response);
            if (target == null)
            {
                return response;
            }

            var next = NextHop(current, target, (int)response.StatusCode);
            if (next.Content != null && !KeepsCredentials(current.RequestUri!, target))
            {
                // A body (a password form, an image) is never replayed to another origin: the 3xx answer stands
                // and surfaces as an error, rather than handing credentials or data to a server nobody configured.
                next.Content = null;
                next.Dispose();
                return response;
            }

            response.Dispose();
            current = next;
            response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static Uri? RedirectTarget(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status != 300 && status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        {
            return null;
        }

        var location = response.Headers.Location;
        var from = request.RequestUri;
        if (location == null || from == null || !from.IsAbsoluteUri)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        // Like HttpClientHandler: never downgrade from https to http.
        return from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp ? null : target;
    }

    private static HttpRequestMessage NextHop(HttpRequestMessage current, Uri target, int status)
    {
        // RFC 9110 15.4 and browsers: 303 turns anything but GET/HEAD into GET; 301/302 turn POST into GET;
        // 307/308 repeat the method and body.
        var method = current.Method;
        var toGet = (status == 303 && method != HttpMethod.Get && method != HttpMethod.Head) ||
                    ((status == 300 || status == 301 || status == 302) && method == HttpMethod.Post);
        var next = new HttpRequestMessage(toGet ? HttpMethod.Get : method, target)
        {
            Version = current.Version,
            Content = toGet ? null : current.Content,
        };

        var keepCredentials = KeepsCredentials(current.RequestUri!, target);
        foreach (var header in current.Headers)
        {
            if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase) ||
                (!keepCredentials && (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase) ||
                                 string.Equals(header.Key, "Cookie", StringComparison.OrdinalIgnoreCase))))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return next;
    }

    private static bool KeepsCredentials(Uri from, Uri to)
    {
        if (!string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(from.Scheme, to.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return from.Port == to.Port;
        }

        return from.Scheme == Uri.UriSchemeHttp && from.Port == 80 && to.Scheme == Uri.UriSchemeHttps && to.Port == 443;
    }
}
