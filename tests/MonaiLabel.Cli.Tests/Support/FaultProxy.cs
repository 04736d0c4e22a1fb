using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Cli.Tests.Support;

/// <summary>One request seen by <see cref="FaultProxy"/>: its number (from 1), method, path and the <c>image</c> query value.</summary>
public sealed record ProxiedRequest(int Number, string Method, string Path, string? Image);

/// <summary>
/// A proxy on 127.0.0.1 (port 0) in front of a server: each request is numbered and shown to a policy, which may
/// hold it (await) or answer it itself with a status (a 500 as uvicorn sends it, or any other); the rest is
/// forwarded unchanged. Counts what it saw, so a test can tell how often each image was sent.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication host;
    private readonly HttpClient forward;
    private int count;

    private FaultProxy(WebApplication host, HttpClient forward)
    {
        this.host = host;
        this.forward = forward;
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<ProxiedRequest> Seen { get; } = new();

    public int Count(string method, string path, string? image = null) =>
        Seen.Count(r => r.Method == method && r.Path == path && (image == null || r.Image == image));

    /// <summary>Starts a proxy to <paramref name="target"/>; <paramref name="policy"/> answers null to forward, or a status to answer.</summary>
    public static async Task<FaultProxy> StartAsync(Uri target, Func<ProxiedRequest, Task<int?>> policy)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        var proxy = new FaultProxy(host, new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60) });
        host.Run(context => proxy.HandleAsync(context, policy));
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return proxy;
    }

    private async Task HandleAsync(HttpContext context, Func<ProxiedRequest, Task<int?>> policy)
    {
        var request = context.Request;
        var seen = new ProxiedRequest(Interlocked.Increment(ref count), request.Method, request.Path.Value ?? "/", request.Query["image"].FirstOrDefault());
        Seen.Enqueue(seen);
        if (await policy(seen) is { } status)
        {
            // Read the body first, as a server does before it fails: the client is not left writing into a closed socket.
            await request.Body.CopyToAsync(System.IO.Stream.Null);
            context.Response.StatusCode = status;
            context.Response.ContentType = status == 500 ? "text/plain; charset=utf-8" : "application/json";
            // A 500 as uvicorn answers it; anything else with FastAPI's validation-error body.
            await context.Response.WriteAsync(status == 500
                ? "Internal Server Error"
                : "{\"detail\":[{\"loc\":[\"query\",\"image\"],\"msg\":\"refused by the test\",\"type\":\"value_error\"}]}");
            return;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), (request.Path.Value ?? "/").TrimStart('/') + request.QueryString.Value);
        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            message.Content = new StreamContent(request.Body);
            if (request.ContentType != null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }

            if (request.ContentLength is { } length)
            {
                message.Content.Headers.ContentLength = length;
            }
        }

        foreach (var header in new[] { "Authorization", "Accept" })
        {
            if (request.Headers.TryGetValue(header, out var value))
            {
                message.Headers.TryAddWithoutValidation(header, value.ToArray());
            }
        }

        using var answer = await forward.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Content.Headers.Concat(answer.Headers))
        {
            if (header.Key is not ("Transfer-Encoding" or "Connection" or "Keep-Alive"))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        forward.Dispose();
    }
}
