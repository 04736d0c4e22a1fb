using System;
using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator;
using Xunit;

namespace MonaiLabel.Cli.Tests;

/// <summary>The "Using the emulator in your own xunit tests" sample of src/MonaiLabel.Cli/README.md, kept compiling and passing.</summary>
public sealed class ReadmeSampleTests
{
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
        var result = await client.InferAsync("segmentation_spleen", new InferRequest { Image = sample.Id, ResultDirectory = Path.GetTempPath() });
        await client.UploadLabelAsync(sample.Id!, FileParameter.FromFile(result.Label!.Path), "final");

        Assert.Equal(1, (await client.GetDatastoreStatsAsync()).Completed);
        File.Delete(result.Label.Path);
    }
}
