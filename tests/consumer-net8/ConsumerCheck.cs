using System.Runtime.InteropServices;
using MonaiLabel.Emulator;

/// <summary>
/// The consumer's entry point: starts the emulator package in-process, then runs the README's quick start program
/// (QuickStart.Main) against it with a generated image, as a user runs it against a server. .ci/run reads the lines.
/// </summary>
public static class ConsumerCheck
{
    public static async Task<int> Main()
    {
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}");
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions());
        var work = Directory.CreateTempSubdirectory("monailabel-consumer-");
        try
        {
            var image = Path.Combine(work.FullName, "spleen_10.nii.gz");
            await File.WriteAllBytesAsync(image, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
            var results = Path.Combine(work.FullName, "results");

            var exit = await MonaiLabel.Samples.QuickStart.Main(new[] { server.Url.ToString(), image, results });

            var saved = Directory.Exists(results) ? Directory.GetFiles(results).Select(Path.GetFileName).ToArray() : Array.Empty<string?>();
            Console.WriteLine($"quick start: exit {exit}, saved {string.Join(", ", saved)}");
            return exit == 0 && saved.SequenceEqual(new[] { "spleen_10_segmentation_spleen.nii.gz" }) ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
