using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>The span of each public operation: name, kind, parent of HttpClient's spans, tags, outcome, events.</summary>
[Collection(TelemetryCollection.Name)]
public class SpanTests
{
    private static readonly Task<int> Done = Task.FromResult(42);

    internal static Reply InferAnswer(string rawFileName = "filename=\"label.nii.gz\"") =>
        new Reply(200)
        {
            Body = MultipartAnswer.Build(AnswerPart.Params("{\"label_names\":{\"spleen\":1}}"), AnswerPart.File(rawFileName, ClientTest.BinaryBytes(3, 500))),
        }.With("Content-Type", MultipartAnswer.ContentType);

    [Fact]
    public void The_source_and_the_meter_are_MonaiLabel_Client_versioned_with_the_assembly()
    {
        var version = typeof(MonaiLabelClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal("MonaiLabel.Client", MonaiLabelDiagnostics.Source.Name);
        Assert.Equal("MonaiLabel.Client", MonaiLabelDiagnostics.Meter.Name);
        Assert.False(string.IsNullOrEmpty(version));
        Assert.Equal(version, MonaiLabelDiagnostics.Source.Version);
        Assert.Equal(version, MonaiLabelDiagnostics.Meter.Version);
    }

    [Fact]
    public async Task Nobody_listening_means_no_span_and_no_operation_scope()
    {
        // The collection runs alone, so no listener of another test is active.
        Assert.False(MonaiLabelDiagnostics.IsEnabled);
        OperationScope? seen = null;
        Activity? current = null;

        await OperationScope.RunAsync("InferAsync", null, () =>
        {
            seen = OperationScope.Current;
            current = Activity.Current;
            return Task.FromResult(0);
        });

        Assert.Null(seen);
        Assert.Null(current);
    }

    [Fact]
    public void Nobody_listening_costs_no_allocation_in_the_wrapper()
    {
        Assert.False(MonaiLabelDiagnostics.IsEnabled);
        Func<Task<int>> body = () => Done;
        _ = OperationScope.RunAsync("GetAppInfoAsync", null, body); // JIT and statics first

#if NETFRAMEWORK
        // .NET Framework (the Mono host) has no per-thread allocation counter: the body's own task is still all it gets.
        Assert.Same(Done, OperationScope.RunAsync("GetAppInfoAsync", null, body));
#else
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = OperationScope.RunAsync("GetAppInfoAsync", null, body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(Done, task);
        Assert.Equal(0, allocated);
#endif
    }

    [Fact]
    public async Task A_client_from_dependency_injection_traces_the_same_way()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => o.ServerUrl = server.BaseUrl);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<MonaiLabelClient>();
        using var capture = new TelemetryCapture();

        await client.GetAppInfoAsync();

        var span = capture.Span("MonaiLabel GetAppInfo");
        Assert.Equal(span.SpanId, Assert.Single(capture.HttpSpans).ParentSpanId);
        Assert.Single(capture.Of("monailabel.client.operation.duration"));
    }

    [Fact]
    public async Task An_infer_is_one_Internal_span_parent_of_the_HttpClient_span_with_operation_model_server_and_bytes()
    {
        using var server = new ScriptedServer(_ => InferAnswer());
        using var dir = new TempResultDir();
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        var result = await client.InferAsync("segmentation_spleen", new InferRequest
        {
            File = FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(1, 1234)), "case.nii.gz"),
            ResultDirectory = dir.Dir,
        });

        Assert.Single(result.Files);
        var span = capture.Span("MonaiLabel Infer");
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(capture.Root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("Infer", span.GetTagItem("monailabel.operation"));
        Assert.Equal("segmentation_spleen", span.GetTagItem("monailabel.model"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(server.Port, span.GetTagItem("server.port"));
        Assert.Null(span.GetTagItem("error.type"));

        // The multipart body carries the 1234 image bytes plus the parts' headers; the answer is read whole.
        Assert.True((long)span.GetTagItem("monailabel.request.body.size")! > 1234);
        Assert.Equal((long)server.Requests.Single().Body.Length, span.GetTagItem("monailabel.request.body.size"));
        Assert.Equal((long)InferAnswer().Body!.Length, span.GetTagItem("monailabel.response.body.size"));

        var http = Assert.Single(capture.HttpSpans);
        Assert.Equal(ActivityKind.Client, http.Kind);
        Assert.Equal(span.SpanId, http.ParentSpanId);

        // The span covers reading and saving the answer: it ends after HttpClient's.
        Assert.True(span.StartTimeUtc <= http.StartTimeUtc);
        Assert.True(span.StartTimeUtc + span.Duration >= http.StartTimeUtc + http.Duration);
    }

    [Fact]
    public async Task A_typed_failure_sets_error_type_to_the_error_kind_and_status_Error_without_the_message()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{\"detail\":\"Model 'secret-model-detail' not found\"}", 404));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetModelInfoAsync("spleen"));

        Assert.Equal(MonaiLabelErrorKind.NotFound, error.Kind);
        var span = capture.Span("MonaiLabel GetModelInfo");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("NotFound (HTTP 404)", span.StatusDescription);
        Assert.Equal("NotFound", span.GetTagItem("error.type"));
        Assert.Equal("spleen", span.GetTagItem("monailabel.model"));
        Assert.DoesNotContain(capture.SdkTexts(), t => t.Contains("secret-model-detail"));
    }

    [Fact]
    public async Task A_cancelled_call_is_error_type_Cancelled_with_status_Unset()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAppInfoAsync(cancelled.Token));

        var span = capture.Span("MonaiLabel GetAppInfo");
        Assert.Equal("Cancelled", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Retries_are_events_of_the_operation_span_and_each_attempt_is_a_child_HttpClient_span()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) <= 2 ? Reply.Status503 : Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        await client.GetAppInfoAsync();

        var span = capture.Span("MonaiLabel GetAppInfo");
        var retries = span.Events.Where(e => e.Name == "monailabel.retry").ToList();
        Assert.Equal(2, retries.Count);
        Assert.Equal(new object?[] { 1, 2 }, retries.Select(e => e.Tags.Single(t => t.Key == "monailabel.retry.attempt").Value).ToArray());
        Assert.All(retries, e => Assert.Equal("503", e.Tags.Single(t => t.Key == "monailabel.reason").Value));
        Assert.Equal(2, span.GetTagItem("monailabel.retry.count"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(3, capture.HttpSpans.Count);
        Assert.All(capture.HttpSpans, h => Assert.Equal(span.SpanId, h.ParentSpanId));
        Assert.Equal(2, capture.Of("monailabel.client.retries").Sum(m => m.Value));
        Assert.All(capture.Of("monailabel.client.retries"), m => Assert.Equal("GetAppInfo", m.Tag("monailabel.operation")));
    }

    [Fact]
    public async Task A_token_refreshed_after_a_401_is_an_event_and_counted_but_the_first_fetch_is_not()
    {
        var tokens = 0;
        using var server = new ScriptedServer(r =>
            r.Path == "/auth/token" ? Reply.Token("tok-" + Interlocked.Increment(ref tokens))
            : r.Header("Authorization") == "Bearer tok-2" ? Reply.AppInfo("after-refresh")
            : Reply.Unauthorized);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator-jane";
            o.Password = "pa55-w0rd-never-shown";
        }));
        using var capture = new TelemetryCapture();

        var info = await client.GetAppInfoAsync();

        Assert.Equal("after-refresh", info.Name);
        var span = capture.Span("MonaiLabel GetAppInfo");
        var refresh = Assert.Single(span.Events, e => e.Name == "monailabel.token_refresh");
        Assert.Equal("rejected", refresh.Tags.Single(t => t.Key == "monailabel.reason").Value);
        var counted = Assert.Single(capture.Of("monailabel.client.token_refreshes"));
        Assert.Equal(1, counted.Value);
        Assert.Equal("rejected", counted.Tag("monailabel.reason"));

        // Two token fetches and two /info/ attempts, all under the operation.
        Assert.Equal(4, capture.HttpSpans.Count);
        Assert.DoesNotContain(capture.SdkTexts(), t => t.Contains("tok-") || t.Contains("annotator-jane") || t.Contains("pa55"));
    }

    [Fact]
    public async Task An_operation_handle_wait_is_a_span_over_one_span_per_poll()
    {
        var statuses = new[] { "SUBMITTED", "RUNNING", "RUNNING", "DONE" };
        var polls = 0;
        using var server = new ScriptedServer(r => r.Method == "POST"
            ? Reply.Json("{\"id\":\"run-patient-12345\",\"status\":\"SUBMITTED\"}")
            : Reply.Json("{\"id\":\"run-patient-12345\",\"status\":\"" + statuses[Math.Min(Interlocked.Increment(ref polls), statuses.Length - 1)] + "\"}"));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        var operation = await client.StartTrainingAsync("segmentation_spleen");
        var done = await operation.WaitForCompletionAsync(TimeSpan.Zero);

        Assert.Equal(BackgroundTaskState.Done, done.Status);
        var start = capture.Span("MonaiLabel StartTraining");
        Assert.Equal("training", start.GetTagItem("monailabel.task.kind"));
        Assert.Equal("segmentation_spleen", start.GetTagItem("monailabel.model"));
        var wait = capture.Span("MonaiLabel BackgroundTask.WaitForCompletion");
        Assert.Equal(capture.Root.SpanId, wait.ParentSpanId);
        Assert.Equal(3, wait.GetTagItem("monailabel.task.polls"));
        Assert.Equal("DONE", wait.GetTagItem("monailabel.task.status"));
        var pollSpans = capture.SdkSpans.Where(s => s.DisplayName == "MonaiLabel BackgroundTask.UpdateStatus").ToList();
        Assert.Equal(3, pollSpans.Count);
        Assert.All(pollSpans, p => Assert.Equal(wait.SpanId, p.ParentSpanId));
        Assert.DoesNotContain(capture.SdkTexts(), t => t.Contains("patient-12345"));
    }
}
