using System;
using System.Linq;
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
/// A call that changes something (any method but GET and HEAD, or one that sends a body) follows a redirect only when
/// it keeps both its method and its origin: a 301/302/303 would turn an infer's POST into a GET whose answer reads as
/// an empty result, and another origin was never configured to receive the image. Such a redirect fails the call.
/// </summary>
internal sealed class RedirectHandler : AnswerHandler
{
    /// <summary>The most hops followed; a longer chain ends with the last 3xx answer, as HttpClientHandler does.</summary>
    internal const int MaxRedirects = 10;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        FollowAsync(request, null, cancellationToken);

    // The state is the last hop followed (null: none yet); each hop is a new request, sent through the handlers below.
    protected override Task<HttpResponseMessage>? Answered(
        HttpRequestMessage request, HttpResponseMessage response, ref object? state, CancellationToken cancellationToken)
    {
        var hop = (Hop?)state;
        var current = hop?.Request ?? request;
        var hops = hop == null ? 0 : hop.Count;
        var target = hops < MaxRedirects ? RedirectTarget(current, response) : null;
        if (target == null)
        {
            return null;
        }

        var status = (int)response.StatusCode;
        if (!MayFollow(current, target, status))
        {
            throw NotFollowed(current, target, response);
        }

        var next = NextHop(current, target, status);
        response.Dispose();
        state = new Hop(next, hops + 1);
        return SendInnerAsync(next, cancellationToken);
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

    /// <summary>GET and HEAD follow any redirect; other calls only one that keeps their method and their origin.</summary>
    private static bool MayFollow(HttpRequestMessage current, Uri target, int status) =>
        IsReadOnly(current) || (!TurnsIntoGet(current.Method, status) && SameOrigin(current.RequestUri!, target));

    private static bool IsReadOnly(HttpRequestMessage request) =>
        request.Content == null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);

    // RFC 9110 15.4 and browsers: 303 turns anything but GET/HEAD into GET; 301/302 turn POST into GET;
    // 307/308 repeat the method and body.
    private static bool TurnsIntoGet(HttpMethod method, int status) =>
        (status == 303 && method != HttpMethod.Get && method != HttpMethod.Head) ||
        ((status == 300 || status == 301 || status == 302) && method == HttpMethod.Post);

    private static bool SameOrigin(Uri from, Uri to) =>
        string.Equals(from.Scheme, to.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        from.Port == to.Port;

    /// <summary>
    /// The error for a redirect not followed: it names the status, the method change and the target's origin (not
    /// its path or query, which may carry image ids); the 3xx's headers stay on the exception.
    /// </summary>
    private static MonaiLabelClientException NotFollowed(HttpRequestMessage current, Uri target, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var origin = $"{target.Scheme}://{target.Authority}";
        var changes = TurnsIntoGet(current.Method, status)
            ? SameOrigin(current.RequestUri!, target) ? "into a GET" : $"into a GET to {origin}"
            : $"to another origin, {origin}";
        var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value);
        response.Dispose();
        return MonaiLabelClientException.ForAnswer(
            MonaiLabelErrorKind.Unknown,
            $"{current.Method} {RequestPaths.Of(current)} was redirected (HTTP {status}) {changes}; a call that sends " +
            "data follows only a redirect that keeps its method and its server, so it was not sent again.",
            status, null, headers, null);
    }

    private static HttpRequestMessage NextHop(HttpRequestMessage current, Uri target, int status)
    {
        var toGet = TurnsIntoGet(current.Method, status);
        var next = new HttpRequestMessage(toGet ? HttpMethod.Get : current.Method, target)
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

    /// <summary>A redirect followed: the request sent for it, and how many were followed so far.</summary>
    private sealed class Hop
    {
        public Hop(HttpRequestMessage request, int count)
        {
            Request = request;
            Count = count;
        }

        public HttpRequestMessage Request { get; }

        public int Count { get; }
    }
}
