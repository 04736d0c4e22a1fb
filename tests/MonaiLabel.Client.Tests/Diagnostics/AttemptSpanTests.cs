using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>
/// The SDK's own attempt spans, for runtimes whose HttpClient makes none (Mono): on; and off on .NET, where
/// System.Net.Http's spans are the attempts.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class AttemptSpanTests
{
    [Fact]
    public async Task An_attempt_is_a_Client_span_with_method_server_and_status_but_no_URL_and_sends_its_traceparent()
    {
        using var capture = new TelemetryCapture();
        var inner = new Answering(HttpStatusCode.OK);
        using var http = new HttpClient(new AttemptSpanHandler(enabled: true) { InnerHandler = inner });

        (await http.GetAsync("http://127.0.0.1:8000/datastore/image/info?image=patient-12345")).Dispose();

        var span = Assert.Single(capture.Spans);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET", span.DisplayName);
        Assert.Equal(capture.Root.SpanId, span.ParentSpanId);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(8000, span.GetTagItem("server.port"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.DoesNotContain(span.TagObjects, t => (t.Value?.ToString() ?? string.Empty).Contains("patient-12345"));
        Assert.Equal(span.Id, inner.TraceParent);
    }

    [Fact]
    public async Task An_error_status_or_a_failed_attempt_is_an_Error_span_with_its_error_type()
    {
        using var capture = new TelemetryCapture();
        using var http503 = new HttpClient(new AttemptSpanHandler(enabled: true) { InnerHandler = new Answering(HttpStatusCode.ServiceUnavailable) });
        using var broken = new HttpClient(new AttemptSpanHandler(enabled: true) { InnerHandler = new Answering(null) });

        (await http503.GetAsync("http://127.0.0.1:8000/info/")).Dispose();
        await Assert.ThrowsAsync<HttpRequestException>(() => broken.GetAsync("http://127.0.0.1:8000/info/"));

        var spans = capture.Spans;
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(ActivityStatusCode.Error, s.Status));
        Assert.Equal("503", spans[0].GetTagItem("error.type"));
        Assert.Equal(typeof(HttpRequestException).FullName, spans[1].GetTagItem("error.type"));
    }

    [Fact]
    public async Task Off_it_makes_no_span_and_adds_no_header()
    {
        using var capture = new TelemetryCapture();
        var inner = new Answering(HttpStatusCode.OK);
        using var http = new HttpClient(new AttemptSpanHandler(enabled: false) { InnerHandler = inner });

        (await http.GetAsync("http://127.0.0.1:8000/info/")).Dispose();

        Assert.Empty(capture.Spans);
        Assert.Null(inner.TraceParent);
    }

    [Fact]
    public void It_is_on_exactly_where_the_runtime_is_Mono()
    {
        // A constant in the net8.0 build (no runtime that loads it lacks HttpClient spans), a check in netstandard2.0's.
        bool on = AttemptSpanHandler.RuntimeHasNoHttpSpans;
        Assert.Equal(Type.GetType("Mono.Runtime") != null, on);
    }

    private sealed class Answering(HttpStatusCode? status) : HttpMessageHandler
    {
        public string? TraceParent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TraceParent = request.Headers.TryGetValues("traceparent", out var values) ? values.Single() : null;
            if (status == null)
            {
                throw new HttpRequestException("connection refused");
            }

            return Task.FromResult(new HttpResponseMessage(status.Value) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        }
    }
}
