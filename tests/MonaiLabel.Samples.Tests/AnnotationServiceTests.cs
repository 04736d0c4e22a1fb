// tests/MonaiLabel.Samples.Tests/AnnotationServiceTests.cs: an xunit test of your own against the emulator
using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator;
using Xunit;

namespace MonaiLabel.Samples.Tests;

public sealed class AnnotationServiceTests : IDisposable
{
    private readonly DirectoryInfo _results = Directory.CreateTempSubdirectory("labels-");

    [Fact]
    public async Task Infers_and_saves_the_final_label()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
        {
            SampleImages = 3,                               // case_01 .. case_03 in the datastore
            TaskDuration = TimeSpan.FromMilliseconds(100),  // train / scoring / batch tasks finish quickly
        });
        using var client = new MonaiLabelClient(server.Url);

        var sample = await client.GetNextSampleAsync("first");
        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = sample.Id, ResultDirectory = _results.FullName });
        await client.UploadLabelAsync(sample.Id!, FileParameter.FromFile(result.Label!.Path), "final");

        Assert.Equal("case_01_segmentation_spleen.nii.gz", result.Label.FileName);
        Assert.Equal(1, (await client.GetDatastoreStatsAsync()).Completed);
    }

    public void Dispose() => _results.Delete(recursive: true);
}
