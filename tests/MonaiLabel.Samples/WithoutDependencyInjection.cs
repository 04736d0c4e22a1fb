// tests/MonaiLabel.Samples/WithoutDependencyInjection.cs: run with WithoutDependencyInjection.RunAsync(new Uri("https://host/monailabel/"), Console.Out)
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client;

namespace MonaiLabel.Samples;

public static class WithoutDependencyInjection
{
    public static async Task RunAsync(
        Uri serverUrl, TextWriter output, string? username = null, string? password = null, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions
        {
            ServerUrl = serverUrl,                          // a path prefix (https://host/monailabel/) is kept
            Username = username, Password = password,       // for a server with auth on: token fetched on first need, refreshed on a 401
            ClientId = "sample",                            // added to the params of every call, as the Python client does
            Timeout = TimeSpan.FromMinutes(15),
        }, loggerFactory);                                  // log events per request: never bodies, queries or secrets

        DatastoreStats stats = await client.GetDatastoreStatsAsync(cancellationToken);
        output.WriteLine($"datastore: {stats.Total} images, {stats.Completed} with a final label");
    }
}
