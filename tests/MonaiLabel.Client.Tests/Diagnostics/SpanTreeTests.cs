using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>The span tree of an infer with auth on, as a user's trace backend shows it (printed to the test output).</summary>
[Collection(TelemetryCollection.Name)]
public class SpanTreeTests
{
    private readonly ITestOutputHelper _output;

    public SpanTreeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task An_infer_with_a_token_fetch_is_one_operation_span_over_both_HttpClient_spans()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("tok-1") : SpanTests.InferAnswer());
        using var dir = new TempResultDir();
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = "secret";
        }));
        using var capture = new TelemetryCapture();

        await client.InferAsync("segmentation_spleen", new InferRequest
        {
            File = FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(1, 2048)), "case.nii.gz"),
            ResultDirectory = dir.Dir,
        });

        _output.WriteLine(capture.Tree());
        Assert.Equal(
            "MonaiLabel Infer [Internal]\n" +
            "  POST [Client]\n" +
            "  POST [Client]\n",
            capture.Tree(withTags: false));
    }

    [Fact]
    public async Task A_session_workflow_shows_retries_as_events_and_polls_under_the_wait()
    {
        var infoCalls = 0;
        var polls = 0;
        using var server = new ScriptedServer(r => r.Path switch
        {
            "/info/" => Interlocked.Increment(ref infoCalls) == 1 ? Reply.Status503 : Reply.AppInfo(),
            "/datastore/image" => Reply.Json("{\"image\":\"patient-12345\"}"),
            "/infer/segmentation_spleen" => SpanTests.InferAnswer(),
            "/train/segmentation_spleen" => Reply.Json("{\"id\":\"t1\",\"status\":\"SUBMITTED\"}"),
            _ => Reply.Json("{\"id\":\"t1\",\"status\":\"" + (Interlocked.Increment(ref polls) < 2 ? "RUNNING" : "DONE") + "\"}"),
        });
        using var dir = new TempResultDir();
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        await client.GetAppInfoAsync();
        await client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(1, 4096)), "secret-name.nii.gz"), "patient-12345");
        await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "patient-12345", ResultDirectory = dir.Dir });
        var training = await client.StartTrainingAsync("segmentation_spleen");
        await training.WaitForCompletionAsync(TimeSpan.Zero);

        _output.WriteLine(capture.Tree());
        var wait = capture.Span("MonaiLabel BackgroundTask.WaitForCompletion");
        var pollBytes = capture.SdkSpans.Where(s => s.DisplayName == "MonaiLabel BackgroundTask.UpdateStatus")
            .Sum(s => (long)s.GetTagItem("monailabel.response.body.size")!);
        Assert.Equal(pollBytes, wait.GetTagItem("monailabel.response.body.size"));
        Assert.Null(wait.GetTagItem("monailabel.request.body.size"));
        Assert.Equal(
            "MonaiLabel GetAppInfo [Internal]\n" +
            "  event monailabel.retry monailabel.retry.attempt=1 monailabel.reason=503 monailabel.retry.delay_ms=" + RetryDelay(capture) + "\n" +
            "  GET [Client] Error\n" +
            "  GET [Client]\n" +
            "MonaiLabel UploadImage [Internal]\n" +
            "  PUT [Client]\n" +
            "MonaiLabel Infer [Internal]\n" +
            "  POST [Client]\n" +
            "MonaiLabel StartTraining [Internal]\n" +
            "  POST [Client]\n" +
            "MonaiLabel BackgroundTask.WaitForCompletion [Internal]\n" +
            "  MonaiLabel BackgroundTask.UpdateStatus [Internal]\n" +
            "    GET [Client]\n" +
            "  MonaiLabel BackgroundTask.UpdateStatus [Internal]\n" +
            "    GET [Client]\n",
            capture.Tree(withTags: false));
    }

    private static object? RetryDelay(TelemetryCapture capture) =>
        capture.Span("MonaiLabel GetAppInfo").Events.Single().Tags.Single(t => t.Key == "monailabel.retry.delay_ms").Value;
}
