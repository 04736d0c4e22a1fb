using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Sessions: create, read, download the image, delete, and gone afterwards.</summary>
[Collection(TargetCollection.Name)]
public sealed class SessionScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task A_session_is_created_read_downloaded_and_removed()
    {
        var bytes = Data(NewId("s"), 2500);
        var created = await Client.CreateSessionAsync(FileParameter.FromFile(WriteFile("volume.nii.gz", bytes)), expiry: 600);
        var id = created.SessionId!;
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", id);
        Assert.Equal(600, created.SessionInfo!.Expiry);

        var info = await Client.GetSessionAsync(id);
        Assert.Equal(id, info.Name);
        Assert.EndsWith(".nii.gz", info.Image);
        var saved = await Client.DownloadSessionImageToAsync(id, Temp);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(saved.Path));

        var removed = await Client.DeleteSessionAsync(id);
        Assert.Equal(id, removed.Name);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.GetSessionAsync(id));
        Assert.Equal(MonaiLabelErrorKind.SessionExpired, e.Kind);
    }

    [Fact]
    public async Task A_session_that_does_not_exist_is_expired()
    {
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.GetSessionAsync("0f0f0f0f-0000-1000-8000-000000000000"));
        Assert.Equal(MonaiLabelErrorKind.SessionExpired, e.Kind);
    }
}
