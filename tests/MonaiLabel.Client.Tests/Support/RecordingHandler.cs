using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// Records each request as normalised text (method, path and query, stable headers, body with the multipart
/// boundary replaced) and answers 200 <c>{}</c>, so no server is needed to see what goes on the wire.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    // Headers that differ between runs or machines, or that the transport (not the SDK) decides.
    private static readonly HashSet<string> Volatile = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Host", "traceparent", "Request-Id",
    };

    public List<string> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(await DescribeAsync(request));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        text.Append(request.Method.Method).Append(' ').Append(request.RequestUri!.PathAndQuery).Append('\n');
        var headers = request.Headers.Select(h => (h.Key, Value: string.Join(", ", h.Value)));
        if (request.Content != null)
        {
            headers = headers.Concat(request.Content.Headers.Select(h => (h.Key, Value: string.Join(", ", h.Value))));
        }

        string? boundary = null;
        foreach (var (name, value) in headers.Where(h => !Volatile.Contains(h.Key)).OrderBy(h => h.Key, System.StringComparer.OrdinalIgnoreCase))
        {
            if (name.Equals("Content-Type", System.StringComparison.OrdinalIgnoreCase))
            {
                boundary = Regex.Match(value, "boundary=\"?([^\";]+)\"?").Groups[1].Value;
            }

            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        if (request.Content != null)
        {
            var body = Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
            if (!string.IsNullOrEmpty(boundary))
            {
                body = body.Replace(boundary, "BOUNDARY");
            }

            text.Append('\n').Append(body.Replace("\r\n", "\\r\\n\n"));
        }

        return string.IsNullOrEmpty(boundary) ? text.ToString() : text.ToString().Replace(boundary, "BOUNDARY");
    }
}
