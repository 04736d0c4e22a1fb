#if !CLIENT_NETSTANDARD
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.RealServer;

/// <summary>Issue 11, defect 1 against MONAI Label's own add_image: the stored id is the file's own stem.</summary>
public sealed class UploadNamesRealServerTests
{
    [MlrefFact]
    public async Task Non_ASCII_files_uploaded_without_id_are_stored_under_their_own_stems()
    {
        using var server = await MlrefServer.StartAsync();
        var dir = Path.Combine(Path.GetTempPath(), "mlc-mlref-names-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var client = MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = server.Url, Timeout = TimeSpan.FromSeconds(30) });
            var ids = new[] { "名前.nii.gz", "文書.nii.gz", "Ünïcødé_名前.nii.gz", "plain.seg.nii.gz" }
                .Select(name =>
                {
                    var path = Path.Combine(dir, name);
                    File.WriteAllBytes(path, Hostile.RawHttp.Bytes(1000, seed: name.Length));
                    return path;
                })
                .ToList();

            foreach (var path in ids)
            {
                var added = await client.UploadImageAsync(FileParameter.FromFile(path));
                Assert.Equal(UploadFileName.ImageId(Path.GetFileName(path)), added.Image);
            }

            Assert.True(await client.ImageExistsAsync("名前"));
            Assert.True(await client.ImageExistsAsync("文書"));
            Assert.True(await client.ImageExistsAsync("Ünïcødé_名前"));
            Assert.True(await client.ImageExistsAsync("plain"));
            Assert.False(await client.ImageExistsAsync("__"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
#endif
