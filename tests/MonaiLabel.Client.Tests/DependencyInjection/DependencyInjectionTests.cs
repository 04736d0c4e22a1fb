using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary><c>services.AddMonaiLabelClient(...)</c>: registration, configuration binding, caller handlers, path prefixes.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task AddMonaiLabelClient_with_a_delegate_resolves_a_working_client()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo("from-di"));
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => o.ServerUrl = server.BaseUrl);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<MonaiLabelClient>();
        var info = await client.GetAppInfoAsync();

        Assert.Equal("from-di", info.Name);
        var request = Assert.Single(server.Requests);
        request.AssertRoute("GET", "/info/");
        Assert.Equal(server.BaseUrl, client.ServerUrl);
    }

    [Fact]
    public async Task AddMonaiLabelClient_binds_options_from_configuration()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var results = new TempResultDir();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MonaiLabel:ServerUrl"] = server.BaseUrl.ToString(),
                ["MonaiLabel:ClientId"] = "client-7",
                ["MonaiLabel:Timeout"] = "00:00:07",
                ["MonaiLabel:Retry:MaxRetries"] = "2",
                ["MonaiLabel:Retry:Delay"] = "00:00:00.001",
                ["MonaiLabel:Retry:MaxDelay"] = "00:00:00.010",
                ["MonaiLabel:ResultDirectory"] = results.Dir,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(configuration.GetSection("MonaiLabel"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MonaiLabelClientOptions>>().Value;
        Assert.Equal(server.BaseUrl, options.ServerUrl);
        Assert.Equal("client-7", options.ClientId);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(2, options.Retry.MaxRetries);
        Assert.Equal(results.Dir, options.ResultDirectory);

        var client = provider.GetRequiredService<MonaiLabelClient>();
        Assert.Equal("client-7", client.Settings.ClientId);
        Assert.Equal(results.Dir, client.Settings.ResultDirectory);

        // The bound retry count is the one in force: 1 attempt + 2 retries of a GET answered 503.
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task The_returned_builder_takes_a_callers_own_handler_which_sees_the_requests()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o =>
            {
                o.ServerUrl = server.BaseUrl;
                o.AccessToken = "di-token";
            })
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();

        var line = Assert.Single(seen);
        Assert.Equal($"GET {server.BaseUrl}info/ Bearer di-token", line);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("monailabel/")]
    [InlineData("monailabel")]
    public async Task A_server_url_with_a_path_prefix_keeps_the_prefix(string prefix)
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => o.ServerUrl = new Uri(server.BaseUrl, prefix));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();

        Assert.Single(server.Requests).AssertRoute("GET", "/monailabel/info/");
    }

    [Theory]
    [InlineData("monailabel/")]
    [InlineData("monailabel")]
    public async Task Create_with_a_path_prefix_keeps_the_prefix_for_calls_and_the_token_request(string prefix)
    {
        using var server = new ScriptedServer(r => r.Path.EndsWith("/auth/token", StringComparison.Ordinal) ? Reply.Token("t") : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.ServerUrl = new Uri(server.BaseUrl, prefix);
            o.Username = "annotator";
            o.Password = "pw";
        }));

        await client.GetAppInfoAsync();

        Assert.Collection(
            server.Requests,
            r => r.AssertRoute("POST", "/monailabel/auth/token"),
            r => r.AssertRoute("GET", "/monailabel/info/"));
    }

    [Fact]
    public async Task Clients_resolved_from_one_container_share_one_token_cache()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("shared") : Reply.AppInfo());
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o =>
        {
            o.ServerUrl = server.BaseUrl;
            o.Username = "annotator";
            o.Password = "pw";
        });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();
        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();
        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();

        Assert.Single(server.RequestsTo("/auth/token"));
        Assert.All(server.RequestsTo("/info/"), r => Assert.Equal("Bearer shared", r.Header("Authorization")));
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<string> _seen;

        public RecordingHandler(ConcurrentQueue<string> seen)
        {
            _seen = seen;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _seen.Enqueue($"{request.Method} {request.RequestUri} {request.Headers.Authorization}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
