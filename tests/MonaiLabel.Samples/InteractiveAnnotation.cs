// tests/MonaiLabel.Samples/InteractiveAnnotation.cs: run with InteractiveAnnotation.RunAsync(new Uri("http://127.0.0.1:8000/"), "case.nii.gz", "results", Console.Out)
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Samples;

public static class InteractiveAnnotation
{
    public static async Task RunAsync(Uri serverUrl, string imageFile, string resultDirectory, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var client = new MonaiLabelClient(serverUrl);

        // What every model takes, read once from /info/ and reused for every click: no round trip per click.
        IReadOnlyDictionary<string, ModelCapabilities> models = await client.GetModelCapabilitiesAsync(cancellationToken);
        ModelCapabilities deepedit = models["deepedit"];
        output.WriteLine($"{deepedit}: labels {string.Join(", ", deepedit.Labels.Select(l => l.Name))}");

        // The local volume is uploaded once; prompts then name it by session id. If the server drops the session,
        // it is re-created from the same file and the prompt sent again; disposing deletes it.
        await using InteractiveSession session = await client.StartInteractiveSessionAsync(imageFile, cancellationToken: cancellationToken);

        var prompt = new DeepEditPrompt { Label = "spleen" };
        foreach (var click in new[] { new VoxelPoint(70, 69, 33), new VoxelPoint(72, 71, 33) })
        {
            prompt.Add("spleen", click);
            InferResult result = await session.InferAsync(deepedit, new InferRequest
            {
                Prompt = prompt,
                ResultOptions = new InferResultOptions { Extension = ".nii.gz", DataType = "uint8" },
                ResultDirectory = resultDirectory,
                Overwrite = true, // each answer replaces the previous label
            }, cancellationToken);
            output.WriteLine($"{prompt.Points["spleen"].Count} click(s) on spleen: label saved as {result.Label!.FileName}");
        }

        // A prompt the model cannot take is refused before anything is sent.
        try
        {
            await session.InferAsync(deepedit, new DeepEditPrompt().Add("kidney", new VoxelPoint(10, 10, 33)), cancellationToken);
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
        }
    }
}
