using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary><c>User-Agent: MonaiLabel.Client/&lt;version&gt;</c>, unless the caller chose one.</summary>
public class UserAgentTests
{
    private static string ExpectedProduct
    {
        get
        {
            var assembly = typeof(MonaiLabelClient).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
            return "MonaiLabel.Client/" + version;
        }
    }

    [Fact]
    public async Task Requests_carry_the_SDK_product_and_version()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());

        await client.GetAppInfoAsync();

        var userAgent = Assert.Single(server.Requests).Header("User-Agent");
        Assert.Equal(ExpectedProduct, userAgent);
        Assert.Matches(@"^MonaiLabel\.Client/\d+\.\d+\.\d+", userAgent);
    }

    [Fact]
    public async Task The_uri_constructor_and_DI_send_it_too()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var plain = new MonaiLabelClient(server.BaseUrl);
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => o.ServerUrl = server.BaseUrl);
        using var provider = services.BuildServiceProvider();

        await plain.GetAppInfoAsync();
        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();

        Assert.All(server.Requests, r => Assert.Equal(ExpectedProduct, r.Header("User-Agent")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_caller_set_user_agent_is_kept()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => o.ServerUrl = server.BaseUrl)
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.UserAgent.ParseAdd("MyViewer/2.1"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<MonaiLabelClient>().GetAppInfoAsync();

        Assert.Equal("MyViewer/2.1", Assert.Single(server.Requests).Header("User-Agent"));
    }
}
