using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>Adds <c>User-Agent: MonaiLabel.Client/&lt;version&gt;</c> unless the caller set one.</summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    internal static readonly ProductInfoHeaderValue Product = new ProductInfoHeaderValue("MonaiLabel.Client", Version());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.UserAgent.Add(Product);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string Version()
    {
        var assembly = typeof(UserAgentHandler).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // Drop SourceLink's "+commit" suffix: a product token allows no '+'.
        var version = informational?.Split('+')[0];
        return string.IsNullOrEmpty(version) ? assembly.GetName().Version?.ToString(3) ?? "0.0.0" : version!;
    }
}
