using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>The long-running-operation handle of training, scoring and batch inference.</summary>
public class BackgroundTaskOperationTests
{
    private static string Task(string id, string status, params string[] details) =>
        "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"details\":[" + string.Join(",", details.Select(d => "\"" + d + "\"")) + "]}";

    [Fact]
    public async Task WaitForCompletion_polls_until_DONE_and_reports_new_lines_and_epochs_once()
    {
        var server = new ScriptedServer(
            Task("t1", "SUBMITTED"),
            Task("t1", "RUNNING", "Epoch: 1/3"),
            Task("t1", "RUNNING", "Epoch: 1/3", "Epoch: 2/3"),
            Task("t1", "DONE", "Epoch: 2/3", "Epoch: 3/3", "finished"));
        using var client = server.Client();
        var reports = new List<BackgroundTaskProgress>();

        var operation = await client.StartTrainingAsync("segmentation_spleen");
        Assert.Equal("t1", operation.Id);
        Assert.Equal(BackgroundTaskKind.Training, operation.Kind);
        Assert.False(operation.HasCompleted);
        var done = await operation.WaitForCompletionAsync(TimeSpan.Zero, new Reports(reports));

        Assert.Equal(BackgroundTaskState.Done, done.Status);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasFailed);
        Assert.Same(done, operation.Value);
        Assert.Equal(new[] { "Epoch: 1/3", "Epoch: 2/3", "Epoch: 3/3", "finished" }, reports.SelectMany(r => r.NewLines));
        Assert.Equal((3, 3), (reports.Last().Epoch, reports.Last().TotalEpochs));
        Assert.Equal(new[] { "POST /train/segmentation_spleen", "GET /train/?all=false&check_if_running=false" },
            server.Requests.Take(2).ToArray());
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Training_every_model_answers_each_models_start_and_follows_the_first_task()
    {
        var server = new ScriptedServer(
            "{\"deepedit\":{\"result\":null,\"detail\":\"No trainer\"}," +
            "\"segmentation_spleen\":{\"result\":" + Task("t7", "SUBMITTED") + ",\"detail\":null}}");
        using var client = server.Client();

        var operation = await client.StartTrainingAsync();

        Assert.Equal("t7", operation.Id);
        Assert.Equal(new[] { "deepedit", "segmentation_spleen" }, operation.ModelStarts.Select(m => m.Model));
        Assert.Null(operation.ModelStarts[0].Task);
        Assert.Equal("No trainer", operation.ModelStarts[0].Detail);
        Assert.Equal("t7", operation.ModelStarts[1].Task!.Id);
        Assert.Null(operation.ModelStarts[1].Detail);
        Assert.Equal("POST /train/", server.Requests[0]);
    }

    [Fact]
    public async Task Training_one_model_has_no_model_starts()
    {
        var server = new ScriptedServer(Task("t1", "SUBMITTED"));
        using var client = server.Client();

        var operation = await client.StartTrainingAsync("segmentation_spleen");

        Assert.Empty(operation.ModelStarts);
        Assert.Equal("t1", operation.Id);
    }

    [Fact]
    public async Task A_failed_task_is_answered_not_thrown()
    {
        var server = new ScriptedServer(Task("s1", "SUBMITTED"), Task("s1", "ERROR", "boom"));
        using var client = server.Client();

        var operation = await client.StartScoringAsync("dice");
        var end = await operation.WaitForCompletionAsync(TimeSpan.Zero);

        Assert.Equal(BackgroundTaskState.Error, end.Status);
        Assert.True(operation.HasFailed);
        Assert.Equal("GET /scoring/?all=false&check_if_running=false", server.Requests[1]);
    }

    [Fact]
    public async Task A_later_task_of_the_same_kind_does_not_hide_ours()
    {
        var server = new ScriptedServer(
            Task("b1", "SUBMITTED"),
            Task("b2", "RUNNING"),
            "[" + Task("b1", "DONE") + "," + Task("b2", "RUNNING") + "]");
        using var client = server.Client();

        var operation = await client.StartBatchInferAsync("segmentation_spleen", BatchInferImages.Unlabeled);
        var status = await operation.UpdateStatusAsync();

        Assert.Equal("b1", status.Id);
        Assert.Equal(BackgroundTaskState.Done, status.Status);
        Assert.Equal("GET /batch/infer?all=true&check_if_running=false", server.Requests[2]);
    }

    [Fact]
    public async Task A_start_while_a_task_runs_fails_with_TaskAlreadyRunning()
    {
        var server = new ScriptedServer((HttpStatusCode)429, "{\"detail\":\"++++++++++ Train Task is Already Running\"}");
        using var client = server.Client();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.StartTrainingAsync("segmentation_spleen"));

        Assert.Equal(MonaiLabelErrorKind.TaskAlreadyRunning, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("already running", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetOperation_follows_the_latest_task_and_StopAsync_stops_it()
    {
        var server = new ScriptedServer(Task("t9", "RUNNING"), Task("t9", "STOPPED"));
        using var client = server.Client();

        var operation = client.GetOperation(BackgroundTaskKind.Training);
        Assert.Null(operation.Id);
        Assert.Empty(server.Requests);
        await operation.UpdateStatusAsync();
        Assert.Equal("t9", operation.Id);
        await operation.StopAsync();

        Assert.Equal(BackgroundTaskState.Stopped, operation.Status);
        Assert.True(operation.HasCompleted);
        Assert.Equal("DELETE /train/", server.Requests[1]);
    }

    [Fact]
    public async Task Waiting_is_cancellable()
    {
        var server = new ScriptedServer(Task("t1", "SUBMITTED"), Task("t1", "RUNNING"));
        using var client = server.Client();
        var operation = await client.StartTrainingAsync("m");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation.WaitForCompletionAsync(TimeSpan.FromMinutes(1), null, cancel.Token));
    }

    [Fact]
    public void New_lines_of_a_rolling_window_are_reported_once_and_the_latest_epoch_is_read()
    {
        var seen = new List<string>();
        Assert.Equal(new[] { "a", "b" }, BackgroundTaskOperation.NewLines(seen, new[] { "a", "b" }));
        Assert.Equal(new[] { "c" }, BackgroundTaskOperation.NewLines(seen, new[] { "a", "b", "c" }));
        Assert.Equal(new[] { "d" }, BackgroundTaskOperation.NewLines(seen, new[] { "b", "c", "d" }));
        Assert.Empty(BackgroundTaskOperation.NewLines(seen, new[] { "b", "c", "d" }));
        Assert.Equal((3, 5), BackgroundTaskOperation.LatestEpoch(new[] { "Epoch: 2/5, Iter", "Epoch: 3/5, Iter: 1/1", "done" }));
    }

    // BackgroundTask.Status is typed (BackgroundTaskState); a state the SDK does not name is no error and no end.
    [Fact]
    public async Task An_operation_waits_through_an_unknown_state_and_ends_on_a_known_one()
    {
        var server = new ScriptedServer(
            "{\"id\":\"t1\",\"status\":\"SUBMITTED\"}",
            "{\"id\":\"t1\",\"status\":\"PREPARING\"}",
            "{\"id\":\"t1\",\"status\":\"RUNNING\"}",
            "{\"id\":\"t1\",\"status\":\"DONE\"}");
        using var client = server.Client();
        var reports = new List<BackgroundTaskProgress>();

        var operation = await client.StartTrainingAsync("segmentation_spleen");
        var done = await operation.WaitForCompletionAsync(TimeSpan.Zero, new Reports(reports));

        Assert.Equal(new[] { "PREPARING", "RUNNING", "DONE" }, reports.Select(r => r.Task.Status.ToString()));
        Assert.Equal(BackgroundTaskState.Done, done.Status);
        Assert.Equal(BackgroundTaskState.Done, operation.Status);
        Assert.True(operation.HasCompleted);
        Assert.False(operation.HasFailed);
    }

    [Theory]
    [InlineData("ERROR", true)]
    [InlineData("FAILED", true)]
    [InlineData("STOPPED", false)]
    public async Task An_operation_that_ended_says_whether_it_failed(string wire, bool failed)
    {
        var server = new ScriptedServer("{\"id\":\"t1\",\"status\":\"SUBMITTED\"}", "{\"id\":\"t1\",\"status\":\"" + wire + "\"}");
        using var client = server.Client();

        var operation = await client.StartScoringAsync("dice");
        await operation.WaitForCompletionAsync(TimeSpan.Zero);

        Assert.True(operation.HasCompleted);
        Assert.Equal(failed, operation.HasFailed);
        Assert.Equal(wire, operation.Status.ToString());
    }

    private sealed class Reports : IProgress<BackgroundTaskProgress>
    {
        private readonly List<BackgroundTaskProgress> _list;

        public Reports(List<BackgroundTaskProgress> list) => _list = list;

        public void Report(BackgroundTaskProgress value) => _list.Add(value);
    }

    /// <summary>Answers each request with the next scripted JSON (the last one repeats) and records "METHOD path?query".</summary>
    private sealed class ScriptedServer : HttpMessageHandler
    {
        private readonly Queue<(HttpStatusCode Status, string Json)> _answers;
        private (HttpStatusCode Status, string Json) _last;

        public ScriptedServer(params string[] answers)
            : this(answers.Select(a => (HttpStatusCode.OK, a)).ToArray())
        {
        }

        public ScriptedServer(HttpStatusCode status, string json)
            : this(new[] { (status, json) })
        {
        }

        private ScriptedServer((HttpStatusCode, string)[] answers)
        {
            _answers = new Queue<(HttpStatusCode, string)>(answers);
            _last = answers.Last();
        }

        public List<string> Requests { get; } = new();

        public MonaiLabelClient Client() =>
            new(new HttpClient(this) { BaseAddress = new Uri("http://monailabel.test:8000/") });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.Method.Method + " " + request.RequestUri!.PathAndQuery);
                var (status, json) = _answers.Count > 0 ? _last = _answers.Dequeue() : _last;
                return System.Threading.Tasks.Task.FromResult(new HttpResponseMessage(status)
                {
                    Content = new StringContent(json, Encoding.UTF8, "application/json"),
                    RequestMessage = request,
                });
            }
        }
    }
}
