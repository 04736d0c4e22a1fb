// tests/MonaiLabel.Samples/QuickStart.cs: a whole program. In a new app (dotnet new console; dotnet add package MonaiLabel.Client)
// replace Program.cs with this file, then: dotnet run -- http://127.0.0.1:8000/ spleen_10.nii.gz
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Newtonsoft.Json;

namespace MonaiLabel.Samples;

public static class QuickStart
{
    // dotnet run -- SERVER_URL IMAGE_FILE [RESULT_DIRECTORY]
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: dotnet run -- SERVER_URL IMAGE_FILE [RESULT_DIRECTORY]");
            return 2;
        }

        try
        {
            await RunAsync(new Uri(args[0]), args[1], args.Length > 2 ? args[2] : "results", Console.Out);
            return 0;
        }
        catch (MonaiLabelClientException e)
        {
            // Kind says what went wrong (ConnectionFailed, NotFound, ...); Message has the server's detail.
            Console.Error.WriteLine($"error: {e.Kind}: {e.Message}");
            return 1;
        }
    }

    public static async Task RunAsync(Uri serverUrl, string imageFile, string resultDirectory, TextWriter output, CancellationToken cancellationToken = default)
    {
        using var client = new MonaiLabelClient(serverUrl);

        AppInfo info = await client.GetAppInfoAsync(cancellationToken);
        output.WriteLine($"{info.Name} {info.Version}: models {string.Join(", ", info.Models!.Keys.OrderBy(m => m, StringComparer.Ordinal))}");

        // Upload an image (streamed from disk; the name sent keeps .nii.gz and is ASCII-safe).
        AddImageResult added = await client.UploadImageAsync(FileParameter.FromFile(imageFile), imageId: "spleen_10", cancellationToken: cancellationToken);
        output.WriteLine($"uploaded {added.Image}");

        // Infer: params JSON + every result file, streamed to disk; nothing partial is left on failure.
        // The label is saved as <image>_<model> with the server's extension; ResultFileName chooses another name.
        InferResult result = await client.InferAsync("segmentation_spleen", new InferRequest
        {
            ImageId = added.Image,
            ResultDirectory = resultDirectory,
            Overwrite = true, // a second run replaces the file instead of saving "spleen_10_segmentation_spleen (1).nii.gz"
        }, cancellationToken);
        output.WriteLine($"label saved as {result.Label!.FileName} (the server's name was {result.Label.RawFileName})");
        output.WriteLine($"label names {result.Params!["label_names"]!.ToString(Formatting.None)}");

        // Errors are MonaiLabelClientException with Kind, StatusCode and the server's Detail. (Asking for the info
        // of an image that does not exist is no error: the server answers an empty ImageInfo.)
        try
        {
            await client.DownloadImageToAsync("no-such-image", resultDirectory, cancellationToken: cancellationToken);
        }
        catch (MonaiLabelClientException e) when (e.Kind == MonaiLabelErrorKind.NotFound)
        {
            output.WriteLine($"{e.StatusCode}: {e.Detail}");
        }
    }
}
