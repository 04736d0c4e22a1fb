using System;

namespace MonaiLabel.Client;

/// <summary>Keeps credentials out of text the SDK writes: messages, logs, <c>ToString</c>.</summary>
internal static class Redaction
{
    /// <summary>
    /// <paramref name="url"/> as text with any user info (<c>http://user:password@host/</c>) replaced by <c>***</c>.
    /// Query strings are kept: callers that might hold secrets there log paths only.
    /// </summary>
    public static string? Url(Uri? url)
    {
        if (url == null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || string.IsNullOrEmpty(url.UserInfo))
        {
            return url.ToString();
        }

        var builder = new UriBuilder(url) { UserName = "***", Password = string.Empty };
        return builder.Uri.ToString();
    }
}
