using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>The SDK's instruments: operation duration, body bytes by direction, task polls and waits.</summary>
[Collection(TelemetryCollection.Name)]
public class MetricTests
{
    [Fact]
    public async Task Each_operation_records_its_duration_in_seconds_with_the_operation_and_server()
    {
        using var server = new ScriptedServer(_ => Reply.AppInfo());
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        await client.GetAppInfoAsync();

        var duration = Assert.Single(capture.Of("monailabel.client.operation.duration"));
        Assert.Equal("s", duration.Unit);
        Assert.True(duration.Value >= 0);
        Assert.Equal("GetAppInfo", duration.Tag("monailabel.operation"));
        Assert.Equal("127.0.0.1", duration.Tag("server.address"));
        Assert.Equal(server.Port, duration.Tag("server.port"));
        Assert.False(duration.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task A_failed_operation_records_its_duration_with_error_type()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{\"detail\":\"nope\"}", 403));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetDatastoreAsync());

        var duration = Assert.Single(capture.Of("monailabel.client.operation.duration"));
        Assert.Equal("GetDatastore", duration.Tag("monailabel.operation"));
        Assert.Equal("Forbidden", duration.Tag("error.type"));
    }

    [Fact]
    public async Task Body_bytes_are_counted_by_direction_in_bytes()
    {
        var answer = "{\"image\":\"x\"}";
        using var server = new ScriptedServer(_ => Reply.Json(answer));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        await client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(2, 4096)), "a.nii.gz"), "x");

        var io = capture.Of("monailabel.client.io");
        Assert.All(io, m => Assert.Equal("By", m.Unit));
        Assert.All(io, m => Assert.Equal("UploadImage", m.Tag("monailabel.operation")));
        var sent = io.Where(m => (string?)m.Tag("network.io.direction") == "transmit").Sum(m => m.Value);
        var received = io.Where(m => (string?)m.Tag("network.io.direction") == "receive").Sum(m => m.Value);
        Assert.Equal(server.Requests.Single().Body.Length, sent);
        Assert.True(sent > 4096);
        Assert.Equal(answer.Length, received);
    }

    [Fact]
    public async Task A_streamed_upload_of_unknown_length_is_sent_chunked_and_counted_as_sent()
    {
        using var server = new ScriptedServer(_ => Reply.Json("{}"));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();
        var data = ClientTest.BinaryBytes(5, 3000);

        await client.UploadImageAsync(FileParameter.FromStream(new TrickleStream(data, maxChunk: 512), "a.nii.gz"), "x");

        var request = server.Requests.Single();
        Assert.Null(request.Header("Content-Length"));
        Assert.True(request.Body.Length > data.Length);
        var span = capture.Span("MonaiLabel UploadImage");
        Assert.Equal((long)request.Body.Length, span.GetTagItem("monailabel.request.body.size"));
    }

    [Fact]
    public async Task A_retried_upload_counts_the_bytes_of_every_attempt()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{}"));
        using var client = MonaiLabelClient.Create(server.Options(o => o.Retry.RetryNonIdempotent = true));
        using var capture = new TelemetryCapture();

        await client.UploadImageAsync(FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(2, 1000)), "a.nii.gz"), "x");

        Assert.Equal(2, server.Requests.Count);
        var sent = capture.Of("monailabel.client.io").Where(m => (string?)m.Tag("network.io.direction") == "transmit").Sum(m => m.Value);
        Assert.Equal(server.Requests.Sum(r => r.Body.Length), sent);
        Assert.Equal(1, capture.Of("monailabel.client.retries").Sum(m => m.Value));
    }

    [Fact]
    public async Task Task_polls_are_counted_by_kind_and_state_and_the_wait_is_timed_once()
    {
        var statuses = new[] { "RUNNING", "RUNNING", "DONE" };
        var polls = 0;
        using var server = new ScriptedServer(_ =>
            Reply.Json("{\"id\":\"t1\",\"status\":\"" + statuses[Math.Min(Interlocked.Increment(ref polls) - 1, statuses.Length - 1)] + "\"}"));
        using var client = MonaiLabelClient.Create(server.Options());
        using var capture = new TelemetryCapture();

        var done = await client.GetOperation(BackgroundTaskKind.Scoring, "t1").WaitForCompletionAsync(TimeSpan.Zero);

        Assert.Equal(BackgroundTaskState.Done, done.Status);
        var counted = capture.Of("monailabel.client.task.polls");
        Assert.Equal(new[] { "RUNNING", "RUNNING", "DONE" }, counted.Select(m => (string?)m.Tag("monailabel.task.status")).ToArray());
        Assert.All(counted, m => Assert.Equal("scoring", m.Tag("monailabel.task.kind")));
        var wait = Assert.Single(capture.Of("monailabel.client.task.duration"));
        Assert.Equal("s", wait.Unit);
        Assert.Equal("DONE", wait.Tag("monailabel.task.status"));
        Assert.Equal("scoring", wait.Tag("monailabel.task.kind"));

        // One duration per poll (UpdateStatus) and one for the wait.
        var operations = capture.Of("monailabel.client.operation.duration").Select(m => (string?)m.Tag("monailabel.operation")).ToList();
        Assert.Equal(3, operations.Count(o => o == "BackgroundTask.UpdateStatus"));
        Assert.Equal(1, operations.Count(o => o == "BackgroundTask.WaitForCompletion"));
    }
}
