using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Emulator;
using Xunit;

namespace MonaiLabel.Samples.Tests;

/// <summary>
/// Each README sample of tests/MonaiLabel.Samples run against a fresh emulator, its printed output checked line by
/// line. The same methods take any server URL, so they can be run against a real MONAI Label as they are here.
/// </summary>
public sealed class SampleRunTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("samples-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Quick_start_uploads_infers_saves_under_a_predictable_name_and_reports_a_real_404()
    {
        await using var server = await StartAsync(sampleImages: 0);
        var image = Path.Combine(_work.FullName, "spleen_10.nii.gz");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        var results = Path.Combine(_work.FullName, "results");

        var lines = await RunAsync(output => QuickStart.RunAsync(server.Url, image, results, output, Cancel()));

        Assert.Equal(5, lines.Length);
        Assert.Equal("MONAILabel - Emulator 0.8.5+emulator: models deepedit, segmentation_spleen, segmentation_tissue", lines[0]);
        Assert.Equal("uploaded spleen_10", lines[1]);
        Assert.Matches(new Regex(@"^label saved as spleen_10_segmentation_spleen\.nii\.gz \(the server's name was tmp[^ /\\]*\.nii\.gz\)$"), lines[2]);
        Assert.Equal("label names {\"spleen\":1}", lines[3]);
        Assert.Equal("404: Image NOT Found or is a directory", lines[4]);
        Assert.Equal(new[] { "spleen_10_segmentation_spleen.nii.gz" }, Directory.GetFiles(results).Select(Path.GetFileName));

        // Run again: the same name, replaced (Overwrite), not a second file.
        lines = await RunAsync(output => QuickStart.RunAsync(server.Url, image, results, output, Cancel()));
        Assert.StartsWith("label saved as spleen_10_segmentation_spleen.nii.gz ", lines[2]);
        Assert.Equal(new[] { "spleen_10_segmentation_spleen.nii.gz" }, Directory.GetFiles(results).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_old_quick_start_error_example_never_fires_the_info_of_a_missing_image_is_empty()
    {
        // What issue 17 found: MONAI Label (and the emulator) answer 200 {} here, so a catch of NotFound never runs.
        await using var server = await StartAsync(sampleImages: 0);
        using var client = new MonaiLabel.Client.MonaiLabelClient(server.Url);

        var info = await client.GetImageInfoAsync("no-such-image", Cancel());

        Assert.Null(info.Name);
        Assert.Empty(info.AdditionalProperties);
        Assert.False(await client.ImageExistsAsync("no-such-image", cancellationToken: Cancel()));
    }

    [Fact]
    public async Task Without_dependency_injection_reads_the_datastore()
    {
        await using var server = await StartAsync(sampleImages: 3);

        var lines = await RunAsync(output => WithoutDependencyInjection.RunAsync(server.Url, output, cancellationToken: Cancel()));

        Assert.Equal(new[] { "datastore: 3 images, 0 with a final label" }, lines);
    }

    [Fact]
    public async Task Without_dependency_injection_signs_in_when_given_credentials()
    {
        await using var server = await StartAsync(sampleImages: 2, auth: true);

        var lines = await RunAsync(output => WithoutDependencyInjection.RunAsync(server.Url, output, "annotator", "annotator", cancellationToken: Cancel()));

        Assert.Equal(new[] { "datastore: 2 images, 0 with a final label" }, lines);
    }

    [Fact]
    public async Task With_dependency_injection_resolves_a_service_using_the_client()
    {
        await using var server = await StartAsync(sampleImages: 2);

        var lines = await RunAsync(output => WithDependencyInjection.RunAsync(server.Url, output, Cancel()));

        Assert.Equal(new[] { "MONAILabel - Emulator: 3 models, 2 images" }, lines);
    }

    [Fact]
    public async Task Interactive_annotation_sends_deepedit_clicks_on_a_session_and_refuses_a_label_the_model_lacks()
    {
        await using var server = await StartAsync(sampleImages: 0);
        var image = Path.Combine(_work.FullName, "case.nii.gz");
        await File.WriteAllBytesAsync(image, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        var results = Path.Combine(_work.FullName, "results");

        var lines = await RunAsync(output => InteractiveAnnotation.RunAsync(server.Url, image, results, output, Cancel()));

        Assert.Equal(4, lines.Length);
        Assert.Equal("Model 'deepedit' (deepedit, 3D): labels spleen, background", lines[0]);
        Assert.Equal("1 click(s) on spleen: label saved as case_deepedit.nii.gz", lines[1]);
        Assert.Equal("2 click(s) on spleen: label saved as case_deepedit.nii.gz", lines[2]);
        Assert.Equal(
            "Model 'deepedit' (deepedit, 3D): prompt field 'kidney' is not a label of the model: points go under one of spleen, background. (Parameter 'request')",
            lines[3]);
        Assert.Equal(new[] { "case_deepedit.nii.gz" }, Directory.GetFiles(results).Select(Path.GetFileName));
    }

    private static Task<MonaiLabelEmulator> StartAsync(int sampleImages, bool auth = false) =>
        MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
        {
            SampleImages = sampleImages,
            AuthEnabled = auth,
        });

    private static CancellationToken Cancel() => new CancellationTokenSource(Limit).Token;

    private static async Task<string[]> RunAsync(Func<TextWriter, Task> sample)
    {
        using var output = new StringWriter();
        await sample(output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
