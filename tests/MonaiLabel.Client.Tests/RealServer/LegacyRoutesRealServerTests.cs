#if !CLIENT_NETSTANDARD
using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.RealServer;

/// <summary>The two hidden datastore routes, as MONAI Label's own endpoints serve them.</summary>
#pragma warning disable CS0612, CS0618 // the deprecated routes under test
public sealed class LegacyRoutesRealServerTests
{
    [MlrefFact]
    public async Task UpdateLabelInfoLegacy_merges_params_and_DeleteImageLegacy_removes_the_image()
    {
        using var server = await MlrefServer.StartAsync();
        using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = server.Url, Timeout = TimeSpan.FromSeconds(30) });
        await client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(new byte[] { 1, 2, 3 }), "legacy.nii.gz"), "legacy");
        await client.UploadLabelAsync("legacy", FileParameter.FromStream(new MemoryStream(new byte[] { 4, 5, 6 }), "legacy.nii.gz"), "final");

        var updated = await client.UpdateLabelInfoLegacyAsync("legacy", "final", new UpdateLabelInfoLegacyForm { Params = "{\"reviewed\": true}" });
        Assert.Null(updated);
        var info = await client.GetLabelInfoAsync("legacy", "final");
        Assert.Equal(true, (bool?)info.AdditionalProperties["reviewed"]);

        var deleted = await client.DeleteImageLegacyAsync("legacy");
        Assert.NotNull(deleted);
        Assert.False(await client.ImageExistsAsync("legacy"));
    }
}
#pragma warning restore CS0612, CS0618
#endif
