using System;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// The path of a request as logs and error messages show it: never the query string (it carries image ids) and
/// never the host's user info (it may carry a password).
/// </summary>
internal static class RequestPaths
{
    public static string Of(Uri? uri) =>
        uri == null ? string.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];

    public static string Of(HttpRequestMessage? request) => Of(request?.RequestUri);
}
