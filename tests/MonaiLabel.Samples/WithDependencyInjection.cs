// tests/MonaiLabel.Samples/WithDependencyInjection.cs: run with WithDependencyInjection.RunAsync(new Uri("http://monailabel:8000/"), Console.Out)
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MonaiLabel.Client;

namespace MonaiLabel.Samples;

public static class WithDependencyInjection
{
    public static async Task RunAsync(Uri serverUrl, TextWriter output, CancellationToken cancellationToken = default)
    {
        // In an ASP.NET Core or worker app these are builder.Configuration (appsettings.json:
        // "MonaiLabel": { "ServerUrl": "http://monailabel:8000/", "ClientId": "viewer", "Retry": { "MaxRetries": 3 } })
        // and builder.Services.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MonaiLabel:ServerUrl"] = serverUrl.ToString(),
                ["MonaiLabel:ClientId"] = "viewer",
                ["MonaiLabel:Retry:MaxRetries"] = "3",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddTransient<CorrelationHandler>();
        services.AddMonaiLabelClient(configuration.GetSection("MonaiLabel"))
            .AddHttpMessageHandler<CorrelationHandler>();   // the IHttpClientBuilder is yours to extend
        services.AddTransient<AnnotationService>();

        await using var provider = services.BuildServiceProvider();
        var annotation = provider.GetRequiredService<AnnotationService>();
        output.WriteLine(await annotation.DescribeAsync(cancellationToken));
    }
}

public sealed class AnnotationService(MonaiLabelClient client)
{
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        AppInfo info = await client.GetAppInfoAsync(cancellationToken);
        return $"{info.Name}: {info.Models?.Count ?? 0} models, {info.Datastore?.Total ?? 0} images";
    }
}

public sealed class CorrelationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", Guid.NewGuid().ToString("N"));
        return base.SendAsync(request, cancellationToken);
    }
}
