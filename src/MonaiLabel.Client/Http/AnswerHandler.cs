using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// A handler that acts on what the handlers below it answered or threw: it sends, then says what follows a response
/// (<see cref="Answered"/>) or a failure (<see cref="Failed"/>) — nothing, or another request to wait for instead.
/// The waiting happens in <see cref="FollowAsync"/>, one async method shared by every such handler, because each
/// async method that suspends costs a fresh process's first call ~13 JIT-compiled methods of async machinery (its
/// state machine's instantiations of the runtime's builder types): four handlers pay that once, not four times
/// (tools/MonaiLabel.Benchmarks/README.md, first call). What a handler keeps per request travels as <c>state</c>.
/// </summary>
internal abstract class AnswerHandler : DelegatingHandler
{
    /// <summary>The request sent on, through the handlers below this one.</summary>
    protected Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>The first send; within <see cref="FollowAsync"/>'s handling, so that a synchronous throw is a failure too.</summary>
    protected virtual Task<HttpResponseMessage> Begin(HttpRequestMessage request, object? state, CancellationToken cancellationToken) =>
        SendInnerAsync(request, cancellationToken);

    /// <summary>What to wait for after <paramref name="response"/>: null returns it.</summary>
    protected virtual Task<HttpResponseMessage>? Answered(
        HttpRequestMessage request, HttpResponseMessage response, ref object? state, CancellationToken cancellationToken) => null;

    /// <summary>What to wait for after <paramref name="failure"/>: null throws it on; a handler may throw its own instead.</summary>
    protected virtual Task<HttpResponseMessage>? Failed(
        HttpRequestMessage request, Exception failure, ref object? state, CancellationToken cancellationToken) => null;

    /// <summary>The request's outcome is final (answer or exception): release what <c>state</c> holds.</summary>
    protected virtual void Ended(object? state)
    {
    }

    /// <summary>Sends <paramref name="request"/> and follows what the handler makes of each outcome.</summary>
    protected async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request, object? state, CancellationToken cancellationToken)
    {
        try
        {
            Task<HttpResponseMessage>? sending = null;
            while (true)
            {
                HttpResponseMessage response;
                try
                {
                    response = await (sending ?? Begin(request, state, cancellationToken)).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    sending = Failed(request, e, ref state, cancellationToken);
                    if (sending == null)
                    {
                        throw;
                    }

                    continue;
                }

                sending = Answered(request, response, ref state, cancellationToken);
                if (sending == null)
                {
                    return response;
                }
            }
        }
        finally
        {
            Ended(state);
        }
    }
}
