using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// The engine of the bulk methods: at most N items in flight, outcomes streamed in the order they end, the source
/// read lazily (nothing is kept per finished item, so memory stays flat in the number of items).
/// </summary>
internal static class BulkRunner
{
    /// <summary>
    /// Runs <paramref name="work"/> over <paramref name="items"/>. <paramref name="work"/> turns the item's own
    /// failures into a failed outcome (see <see cref="Failure"/>); only cancellation by <paramref name="cancellationToken"/>
    /// ends the run with an exception. <see cref="BulkOptions.StopToken"/> stops starting items; those in flight still finish.
    /// </summary>
    public static async IAsyncEnumerable<TOutcome> RunAsync<TItem, TOutcome>(
        IEnumerable<TItem> items, Func<TItem, CancellationToken, Task<TOutcome>> work, BulkOptions options,
        Func<TOutcome, long> bytesOf, long? total, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TOutcome : BulkItemOutcome
    {
        var running = new List<Task<TOutcome>>(options.MaxConcurrency);
        long succeeded = 0, skipped = 0, failed = 0, bytes = 0;
        using var source = items.GetEnumerator();
        var more = true;
        if (total != null)
        {
            options.Progress?.Report(new BulkProgress(total, 0, 0, 0, 0)); // the total, before the first item ends
        }

        try
        {
            while (true)
            {
                while (more && running.Count < options.MaxConcurrency && !options.StopToken.IsCancellationRequested)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!source.MoveNext())
                    {
                        more = false;
                        break;
                    }

                    var item = source.Current;
                    running.Add(Task.Run(() => work(item, cancellationToken), cancellationToken));
                }

                if (running.Count == 0)
                {
                    yield break;
                }

                var done = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(done);
                var outcome = await done.ConfigureAwait(false);
                switch (outcome.Status)
                {
                    case BulkItemStatus.Succeeded: succeeded++; break;
                    case BulkItemStatus.Skipped: skipped++; break;
                    default: failed++; break;
                }

                bytes += bytesOf(outcome);
                options.Progress?.Report(new BulkProgress(total, succeeded, skipped, failed, bytes));
                yield return outcome;
            }
        }
        finally
        {
            // Abandoned or aborted: let the items in flight end (each cleans up after itself) before returning.
            foreach (var task in running)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    /// <summary>
    /// The typed error of a failed item: the SDK's own exception as it is; a local file problem (unreadable,
    /// missing, no permission) as <see cref="MonaiLabelErrorKind.LocalFile"/>. Null for anything else, which is a bug
    /// and propagates.
    /// </summary>
    public static MonaiLabelClientException? Failure(Exception e, string what) => e switch
    {
        MonaiLabelClientException client => client,
        IOException or UnauthorizedAccessException => new MonaiLabelClientException(MonaiLabelErrorKind.LocalFile, $"{what}: {e.Message}", e),
        _ => null,
    };
}
