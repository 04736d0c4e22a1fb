using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel datastore download --all DIR [--labels TAG]</c>: every image (and its label) through the SDK's resumable bulk download.</summary>
internal static class BulkDownload
{
    public static Task<int> RunAsync(ServerConnection server, DatastoreCommands.DownloadCommand.Settings settings, Output output, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(settings.All!);
        return BulkDisplay.RunAsync(
            output, "download",
            (progress, stop) => server.Client.DownloadManyAsync(ImageSelection.All, new BulkDownloadOptions
            {
                Directory = directory,
                LabelTag = settings.Labels,
                MaxConcurrency = settings.Concurrency,
                Progress = progress,
                StopToken = stop,
                SkipCompleted = !settings.Overwrite,
            }, cancellationToken),
            o => new JObject { ["image_path"] = o.ImagePath, ["label_path"] = o.LabelPath, ["bytes"] = o.Bytes },
            cancellationToken);
    }
}
