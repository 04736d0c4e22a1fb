using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Spectre.Console;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>The byte count of one upload or download, and its total once the SDK knows it.</summary>
internal interface ITransfer : ITransferProgress
{
}

/// <summary>
/// Progress of uploads and downloads: a Spectre progress bar on an interactive terminal; nothing extra when stdout
/// is redirected or --json is on (the command's own result line says where the file went and its size).
/// </summary>
internal static class Transfers
{
    public static async Task<T> RunAsync<T>(Output output, string description, long? total, Func<ITransfer, Task<T>> work)
    {
        if (output.Json || !output.Cli.CanShowLive)
        {
            return await work(NoTransfer.Instance).ConfigureAwait(false);
        }

        T result = default!;
        await output.Console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new RateColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Output.Esc(description), maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total == null;
                var transfer = new BarTransfer(task);
                result = await work(transfer).ConfigureAwait(false);
                transfer.Complete();
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>An upload of <paramref name="path"/> with progress (total = the file's length).</summary>
    public static Task<T> UploadAsync<T>(Output output, string path, Func<FileParameter, Task<T>> send) =>
        RunAsync(output, "upload " + Path.GetFileName(path), new FileInfo(path).Length,
            transfer => send(FileParameter.FromFile(path, progress: transfer)));

    /// <summary>
    /// A download through one of the SDK's <c>Download…ToAsync</c> methods, with a progress bar against the answer's
    /// Content-Length (the SDK reports it through <see cref="ITransferProgress"/>).
    /// </summary>
    public static Task<SavedFile> DownloadAsync(Output output, string description, Func<ITransferProgress, Task<SavedFile>> download) =>
        RunAsync(output, description, null, transfer => download(transfer));

    private sealed class NoTransfer : ITransfer
    {
        public static readonly NoTransfer Instance = new();

        public void Report(long value)
        {
        }

        public void ReportTotal(long totalBytes)
        {
        }
    }

    private sealed class BarTransfer : ITransfer
    {
        private readonly ProgressTask task;

        public BarTransfer(ProgressTask task) => this.task = task;

        public void Report(long value)
        {
            if (task.IsIndeterminate && value > task.MaxValue)
            {
                task.MaxValue = value;
            }

            task.Value = value;
        }

        public void ReportTotal(long totalBytes)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, totalBytes);
        }

        public void Complete()
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(task.Value, 1);
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
