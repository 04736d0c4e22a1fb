using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>A disposed client refuses calls; an injected HttpClient is never disposed by the client.</summary>
public class DisposeTests
{
    [Fact]
    public async Task A_call_after_Dispose_throws_ObjectDisposedException()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var client = MonaiLabelClient.Create(server.Options());
        await client.GetAppInfoAsync();

        client.Dispose();
        client.Dispose(); // twice is harmless

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAppInfoAsync());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_uri_constructor_client_refuses_calls_after_Dispose()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var client = new MonaiLabelClient(server.BaseUrl);
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAppInfoAsync());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_upload_after_Dispose_throws_and_closes_the_file()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var files = new TempResultDir();
        var path = files.File("a.nii.gz", 1000);
        var client = MonaiLabelClient.Create(server.Options());
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.UploadImageAsync(FileParameter.FromFile(path), "a"));

        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Disposing_a_client_over_an_injected_HttpClient_leaves_the_HttpClient_usable()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var client = new MonaiLabelClient(http);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAppInfoAsync());
        using var again = new MonaiLabelClient(http);
        await again.GetAppInfoAsync();
        Assert.Single(server.Requests);
    }
}
