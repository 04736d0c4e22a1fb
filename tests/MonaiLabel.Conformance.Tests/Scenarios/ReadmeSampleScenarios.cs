using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using MonaiLabel.Samples;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>
/// The README's own sample files (tests/MonaiLabel.Samples, shown verbatim in README.md) run against the target, each
/// on a server of its own so that what they print is known, and their output checked line by line. (The emulator
/// sample starts its own emulator, so it has no real-server run: tests/MonaiLabel.Samples.Tests runs it.)
/// </summary>
[Collection(TargetCollection.Name)]
public sealed class ReadmeSampleScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task The_quick_start_sample_prints_the_app_the_upload_the_saved_label_and_a_real_404()
    {
        await using var fresh = await Target.StartAsync();
        var image = Data("spleen_10");
        var file = WriteFile("spleen_10.nii.gz", image);
        var results = Path.Combine(Temp, "results");

        var lines = await RunAsync(output => QuickStart.RunAsync(fresh.Url, file, results, output));

        var info = await new MonaiLabelClient(fresh.Url).GetAppInfoAsync();
        Assert.Equal(5, lines.Length);
        Assert.Equal($"{info.Name} {info.Version}: models {string.Join(", ", info.Models!.Keys.OrderBy(m => m, StringComparer.Ordinal))}", lines[0]);
        Assert.Equal("uploaded spleen_10", lines[1]);
        Assert.Matches(new Regex(@"^label saved as spleen_10_segmentation_spleen\.nii\.gz \(the server's name was tmp[^ /\\]*\.nii\.gz\)$"), lines[2]);
        Assert.StartsWith("label names {\"spleen\":1", lines[3]);
        Assert.Equal("404: Image NOT Found or is a directory", lines[4]);
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(Path.Combine(results, "spleen_10_segmentation_spleen.nii.gz")));
    }

    [Fact]
    public async Task The_sample_without_dependency_injection_reads_the_datastore()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        await SeedImageAsync(NewId("nodi"), client);
        await SeedImageAsync(NewId("nodi"), client);

        var lines = await RunAsync(output => WithoutDependencyInjection.RunAsync(fresh.Url, output));

        Assert.Equal(new[] { "datastore: 2 images, 0 with a final label" }, lines);
    }

    [Fact]
    public async Task The_sample_without_dependency_injection_signs_in_on_a_server_with_auth()
    {
        await using var fresh = await Target.StartAsync(auth: true);

        var lines = await RunAsync(output => WithoutDependencyInjection.RunAsync(fresh.Url, output, "annotator", "annotator"));

        Assert.Equal(new[] { "datastore: 0 images, 0 with a final label" }, lines);
    }

    [Fact]
    public async Task The_dependency_injection_sample_resolves_a_service_that_uses_the_client()
    {
        await using var fresh = await Target.StartAsync();
        using var client = new MonaiLabelClient(fresh.Url);
        await SeedImageAsync(NewId("di"), client);
        var info = await client.GetAppInfoAsync();

        var lines = await RunAsync(output => WithDependencyInjection.RunAsync(fresh.Url, output));

        Assert.Equal(new[] { $"{info.Name}: {info.Models!.Count} models, 1 images" }, lines);
    }

    private static async Task<string[]> RunAsync(Func<TextWriter, Task> sample)
    {
        using var output = new StringWriter();
        await sample(output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
