using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

/// <summary>Logs each request attempt: method, path, status, duration and size. No bodies, queries or headers.</summary>
internal sealed class LoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public LoggingHandler(ILogger logger)
    {
        _logger = logger;
    }

    // Not async when none of its levels is on (no logger, as with new MonaiLabelClient(url)): see AttemptSpanHandler.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _logger.IsEnabled(LogLevel.Debug) || _logger.IsEnabled(LogLevel.Information) || _logger.IsEnabled(LogLevel.Warning)
            ? SendLoggedAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = RequestPaths.Of(request);
        Log.Sending(_logger, method, path);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Log.Answered(_logger, method, path, (int)response.StatusCode, stopwatch.ElapsedMilliseconds, response.Content?.Headers.ContentLength);
            return response;
        }
        catch (Exception e)
        {
            Log.Failed(_logger, method, path, stopwatch.ElapsedMilliseconds, e is OperationCanceledException ? "cancelled or timed out" : e.GetType().Name);
            throw;
        }
    }
}
