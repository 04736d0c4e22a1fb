using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>
/// Where access tokens come from — a fixed token, user name and password exchanged at <c>POST /auth/token</c>,
/// or a caller's provider — and the tokens cached for each server (by base URL: a token is fetched from, and sent
/// to, only the server of the request it is for). A fetch runs once for every caller that needs it (concurrent calls
/// and 401s share it) and no lock is held while it runs: each caller waits for it under its own cancellation and
/// time limit, and a fetch every caller has given up on is cancelled.
/// </summary>
internal sealed class AccessTokenSource
{
    private readonly MonaiLabelClientOptions _options;
    private readonly TokenExchange _exchange;
    private readonly object _lock = new object();
    private readonly Dictionary<string, Slot> _slots = new Dictionary<string, Slot>(StringComparer.Ordinal);

    /// <param name="options">Where tokens come from (AccessToken, Username, TokenProvider) and the fetch's time limit.</param>
    /// <param name="exchange">How the client exchanges Username and Password for a token.</param>
    public AccessTokenSource(MonaiLabelClientOptions options, TokenExchange exchange)
    {
        _options = options;
        _exchange = exchange;
    }

    /// <summary>False when the options name no token source: requests then go out without Authorization.</summary>
    public bool IsConfigured =>
        !string.IsNullOrEmpty(_options.AccessToken) || !string.IsNullOrEmpty(_options.Username) || _options.TokenProvider != null;

    /// <summary>True when a rejected token can be replaced by asking again (a fixed token cannot).</summary>
    public bool CanRefresh => !string.IsNullOrEmpty(_options.Username) || _options.TokenProvider != null;

    /// <summary>
    /// The token to send to the server at <paramref name="baseUrl"/>, or null when that server has auth off (it
    /// has no <c>/auth/token</c>). With <paramref name="refresh"/> set (a 401 answered <paramref name="rejected"/>),
    /// a new one is fetched unless another request already replaced it.
    /// </summary>
    public async Task<string?> GetAsync(
        Uri baseUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, ILogger logger,
        bool refresh, string? rejected, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.AccessToken))
        {
            return _options.AccessToken!;
        }

        Fetch fetch;
        Slot? slot;
        lock (_lock)
        {
            var key = baseUrl.AbsoluteUri;
            if (!_slots.TryGetValue(key, out slot))
            {
                _slots[key] = slot = new Slot();
            }

            var cached = slot.Cached;
            if (cached != null && !(refresh && cached.Value == rejected) && !cached.IsExpiring)
            {
                return cached.Value;
            }

            if (slot.Pending == null)
            {
                slot.Pending = Start(slot, baseUrl, send, logger, refresh);
            }

            fetch = slot.Pending;
            fetch.Waiters++;
        }

        try
        {
            var token = await TaskWaits.WaitAsync(fetch.Task, cancellationToken).ConfigureAwait(false);
            return token.Value;
        }
        finally
        {
            var abandoned = false;
            lock (_lock)
            {
                // The last caller to give up on an unfinished fetch cancels it: nobody is left to use its token.
                // It is unlinked first, so no later caller joins a fetch that is being cancelled.
                if (--fetch.Waiters == 0 && !fetch.Task.IsCompleted)
                {
                    abandoned = true;
                    if (slot.Pending == fetch)
                    {
                        slot.Pending = null;
                    }
                }
            }

            if (abandoned)
            {
                fetch.Cancel();
            }
        }
    }

    private Fetch Start(
        Slot slot, Uri baseUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, ILogger logger, bool refresh)
    {
        if (slot.Cached != null)
        {
            // Replacing a token (rejected with a 401, or about to expire), not the first fetch: a refresh.
            OperationScope.RefreshingToken(refresh ? "rejected" : "expiring");
        }

        var fetch = new Fetch(_options.Timeout);
        fetch.Task = RunAsync(fetch, slot, baseUrl, send, logger, refresh);
        // A fetch every caller gave up on may still fail: observe it, so it is not reported as unobserved.
        _ = fetch.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return fetch;
    }

    private async Task<CachedToken> RunAsync(
        Fetch fetch, Slot slot, Uri baseUrl, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, ILogger logger,
        bool refresh)
    {
        await Task.Yield(); // Never run the fetch under the caller's lock.
        try
        {
            CachedToken token;
            if (_options.TokenProvider != null)
            {
                var provided = await _options.TokenProvider(refresh, fetch.Token).ConfigureAwait(false);
                if (string.IsNullOrEmpty(provided))
                {
                    throw new MonaiLabelClientException(MonaiLabelErrorKind.Unauthorized, "The token provider returned no access token.");
                }

                token = CachedToken.Received(provided);
            }
            else
            {
                var fetched = await _exchange(baseUrl, send, fetch.Token).ConfigureAwait(false);
                if (fetched == null)
                {
                    Log.AuthOff(logger, Redaction.Url(baseUrl) ?? string.Empty);
                }

                token = fetched == null ? CachedToken.None : CachedToken.Received(fetched);
            }

            lock (_lock)
            {
                slot.Cached = token;
            }

            return token;
        }
        catch (OperationCanceledException e) when (fetch.TimedOut)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.Timeout, $"POST /auth/token got no whole answer within {_options.Timeout.TotalSeconds:0.###} s (Timeout).", e);
        }
        finally
        {
            lock (_lock)
            {
                if (slot.Pending == fetch)
                {
                    slot.Pending = null; // A failed fetch is not remembered: the next call tries again.
                }

                fetch.Dispose();
            }
        }
    }

    private sealed class Slot
    {
        public CachedToken? Cached { get; set; }

        public Fetch? Pending { get; set; }
    }

    /// <summary>One running fetch: its own time limit (the options' Timeout) and a cancellation for when nobody waits.</summary>
    private sealed class Fetch : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly CancellationTokenSource _timeout = new CancellationTokenSource();
        private readonly CancellationTokenSource _linked;
        private bool _disposed;

        public Fetch(TimeSpan timeout)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, _timeout.Token);
            Token = _linked.Token;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                _timeout.CancelAfter(timeout);
            }
        }

        public Task<CachedToken> Task { get; set; } = null!;

        public CancellationToken Token { get; }

        public int Waiters { get; set; }

        public bool TimedOut => _timeout.IsCancellationRequested && !_cancel.IsCancellationRequested;

        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The fetch ended meanwhile: nothing left to cancel.
            }
        }

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _linked.Dispose();
                _cancel.Dispose();
                _timeout.Dispose();
            }
        }
    }
}
