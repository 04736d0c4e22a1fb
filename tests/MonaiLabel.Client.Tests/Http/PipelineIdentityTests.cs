using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// <c>MonaiLabelClient.Create(options)</c> and <c>services.AddMonaiLabelClient(...)</c> build their pipelines from one
/// list: the same handlers in the same order, and the same requests on the wire.
/// </summary>
public class PipelineIdentityTests
{
    [Fact]
    public async Task Di_and_non_di_clients_send_identical_requests_through_identical_handlers()
    {
        using var server = new ScriptedServer(r =>
            r.Path == "/auth/token" ? Reply.Token("tok-1") :
            r.Path == "/info/" ? Reply.AppInfo() :
            Reply.Json("{\"id\":\"image-1\"}"));
        void Configure(MonaiLabelClientOptions o)
        {
            o.ServerUrl = server.BaseUrl;
            o.ClientId = "client-7";
            o.Username = "user";
            o.Password = "secret";
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        }

        var direct = new MonaiLabelClientOptions();
        Configure(direct);
        using var plain = MonaiLabelClient.Create(direct);
        await Exercise(plain);
        var plainRequests = Describe(server.Requests);
        var plainHandlers = HandlerTypes(plain.Rest.HttpClient);

        var services = new ServiceCollection();
        services.AddMonaiLabelClient(Configure);
        using var provider = services.BuildServiceProvider();
        var injected = provider.GetRequiredService<MonaiLabelClient>();
        await Exercise(injected);
        var injectedRequests = Describe(server.Requests.Skip(plainRequests.Count).ToList());
        var injectedHandlers = HandlerTypes(injected.Rest.HttpClient);

        Assert.Equal(
            new[]
            {
                "TransportErrorHandler", "UserAgentHandler", "RetryHandler", "AuthenticationHandler",
                "RedirectHandler", "LoggingHandler", "ReusedConnectionReplayHandler", "TransferCountingHandler", "AttemptSpanHandler",
            },
            plainHandlers.Take(plainHandlers.Count - 1));
        Assert.Equal(plainHandlers, injectedHandlers);
        Assert.Contains(plainRequests, r => r.StartsWith("POST /auth/token", StringComparison.Ordinal));
        Assert.Equal(plainRequests, injectedRequests);
    }

    private static async Task Exercise(MonaiLabelClient client)
    {
        await client.GetAppInfoAsync();
        await client.GetNextSampleAsync("random", new Dictionary<string, object?> { ["k"] = 1 });
    }

    private static List<string> Describe(IReadOnlyList<WireRequest> requests) =>
        requests.Select(r =>
            r.Method + " " + r.Path + "?" + r.Query + "\n" +
            string.Join("\n", r.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => h.Key + ": " + h.Value)) +
            "\n\n" + r.BodyText).ToList();

    /// <summary>
    /// The handlers between the HttpClient and the socket that this library adds (the factory's own wrappers, such
    /// as its lifetime tracking and logging scopes, left out), then the socket handler's type.
    /// </summary>
    private static List<string> HandlerTypes(HttpClient http)
    {
        var field = typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var handler = (HttpMessageHandler?)field.GetValue(http);
        var names = new List<string>();
        while (handler is DelegatingHandler delegating)
        {
            var type = delegating.GetType();
            if (type.Assembly == typeof(MonaiLabelClient).Assembly)
            {
                names.Add(type.Name);
            }

            handler = delegating.InnerHandler;
        }

        names.Add(handler!.GetType().Name);
        return names;
    }
}
