using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// A Client span per request attempt where the runtime's HttpClient makes none: Mono (Unity) has no HttpClient
/// instrumentation, so without this an operation span there would have no children. On .NET the runtime's own
/// <c>System.Net.Http</c> spans are those children and this handler only passes the request on. Its tags follow the
/// HTTP client conventions without the URL (paths carry image and session ids): method, server, status, error.type.
/// It also sends the W3C <c>traceparent</c> of the attempt, as .NET's HttpClient does.
/// </summary>
internal sealed class AttemptSpanHandler : DelegatingHandler
{
    /// <summary>Whether the runtime's HttpClient makes no spans of its own (Mono's .NET Framework profile).</summary>
    /// <remarks>
    /// Known at compile time for the net8.0 build: every runtime that loads it (CoreCLR, and Mono as .NET 8+ ships it
    /// for mobile and WebAssembly) has System.Net.Http's own spans. Only the netstandard2.0 build asks, because
    /// <c>Type.GetType("Mono.Runtime")</c> costs a fresh process ~1.8 ms (type-name parsing and assembly probing).
    /// </remarks>
#if NET8_0_OR_GREATER
    internal const bool RuntimeHasNoHttpSpans = false;
#else
    internal static readonly bool RuntimeHasNoHttpSpans = Type.GetType("Mono.Runtime") != null;
#endif

    private readonly bool _enabled;

    public AttemptSpanHandler()
        : this(RuntimeHasNoHttpSpans)
    {
    }

    internal AttemptSpanHandler(bool enabled)
    {
        _enabled = enabled;
    }

    // Not async when there is nothing to do (always, off Mono): an async pass-through costs a fresh process ~10
    // JIT-compiled methods of async machinery on its first call.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        !_enabled || !MonaiLabelDiagnostics.Source.HasListeners()
            ? base.SendAsync(request, cancellationToken)
            : SendWithSpanAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendWithSpanAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        using var span = MonaiLabelDiagnostics.Source.StartActivity(method, ActivityKind.Client);
        if (span == null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (span.IsAllDataRequested)
        {
            span.SetTag("http.request.method", method);
            span.SetTag(MonaiLabelDiagnostics.ServerAddressTag, request.RequestUri?.Host);
            span.SetTag(MonaiLabelDiagnostics.ServerPortTag, request.RequestUri?.Port);
        }

        if (!request.Headers.Contains("traceparent"))
        {
            request.Headers.TryAddWithoutValidation("traceparent", span.Id);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            span.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                span.SetTag(MonaiLabelDiagnostics.ErrorTypeTag, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                span.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception e)
        {
            span.SetTag(MonaiLabelDiagnostics.ErrorTypeTag, OperationScope.ErrorType(e));
            span.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }
}
