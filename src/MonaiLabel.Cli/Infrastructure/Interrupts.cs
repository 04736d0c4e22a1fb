using System;
using System.Threading;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// What Ctrl+C does. A command that can stop gently (the bulk ones set <see cref="GentleStopInUse"/>) is asked to
/// start no new item at the first press and aborted at the second; any other command is aborted at the first.
/// After that the process is left to end.
/// </summary>
internal sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly CancellationTokenSource abort;
    private volatile bool gentleStopInUse;

    public Interrupts(CancellationToken stopToken = default, CancellationToken abortToken = default)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        abort = CancellationTokenSource.CreateLinkedTokenSource(abortToken);
    }

    /// <summary>Cancelled by a gentle stop: start nothing new.</summary>
    public CancellationToken StopToken => stop.Token;

    /// <summary>Cancelled by an abort: end the calls in flight.</summary>
    public CancellationToken AbortToken => abort.Token;

    /// <summary>Set by a command that honours <see cref="StopToken"/>.</summary>
    public bool GentleStopInUse
    {
        get => gentleStopInUse;
        set => gentleStopInUse = value;
    }

    /// <summary>One Ctrl+C; answers whether the process should stay alive to clean up.</summary>
    public bool Press()
    {
        if (gentleStopInUse && !stop.IsCancellationRequested)
        {
            stop.Cancel();
            return true;
        }

        if (!abort.IsCancellationRequested)
        {
            abort.Cancel();
            return true;
        }

        return false;
    }

    public void Dispose()
    {
        stop.Dispose();
        abort.Dispose();
    }
}
