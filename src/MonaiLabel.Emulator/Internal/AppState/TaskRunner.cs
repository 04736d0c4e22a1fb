using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

/// <summary>What a background task's work sees: its request, a place for output lines, its cancellation.</summary>
internal sealed class TaskContext
{
    private readonly TaskRecord? record;

    public TaskContext(JsonObject request, TaskRecord? record, CancellationToken cancellationToken)
    {
        Request = request;
        this.record = record;
        CancellationToken = cancellationToken;
    }

    public JsonObject Request { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>A line of the task's output (the server keeps the last 20 in <c>details</c>).</summary>
    public void Log(string line) => record?.AddDetail(line);
}

/// <summary>A task as <c>GET /train/</c> shows it.</summary>
internal sealed class TaskRecord
{
    private readonly object gate = new();
    private readonly Queue<string> details = new();
    private bool started;

    public TaskRecord(JsonObject request)
    {
        Request = request;
    }

    public string Id { get; } = Py.Uuid4();

    public string Status { get; set; } = "SUBMITTED";

    public JsonObject Request { get; }

    public string StartTs { get; } = Py.Timestamp();

    public string? EndTs { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public Task? Completion { get; set; }

    public void MarkStarted()
    {
        lock (gate)
        {
            started = true;
            Status = "RUNNING";
        }
    }

    public void AddDetail(string line)
    {
        lock (gate)
        {
            details.Enqueue(line);
            while (details.Count > 20)
            {
                details.Dequeue();
            }
        }
    }

    public JsonObject ToJson()
    {
        lock (gate)
        {
            var json = new JsonObject
            {
                ["id"] = Id,
                ["status"] = Status,
                ["request"] = PyJson.Clone(Request),
                ["start_ts"] = StartTs,
            };
            if (started)
            {
                var d = new JsonArray();
                foreach (var line in details)
                {
                    d.Add((JsonNode?)line);
                }

                json["details"] = d;
            }

            if (EndTs != null)
            {
                json["end_ts"] = EndTs;
            }

            return json;
        }
    }
}

/// <summary>
/// The server's AsyncTask for one method (train, scoring, batch_infer): a task list, one worker, FIFO queue,
/// "already running" refusals, status, stop.
/// </summary>
internal sealed class TaskRunner
{
    private readonly object gate = new();
    private readonly List<TaskRecord> tasks = new();
    private readonly Queue<TaskRecord> pending = new();
    private readonly Func<TaskContext, Task<JsonNode?>> work;
    private TaskRecord? running;
    private bool disposed;

    public TaskRunner(string method, Func<TaskContext, Task<JsonNode?>> work)
    {
        Method = method;
        this.work = work;
    }

    public string Method { get; }

    private string Name => Py.Capitalize(Method);

    /// <summary><c>AsyncTask.run</c>: (task or sync result, null) or (null, "already running" detail).</summary>
    public async Task<(JsonNode? Result, string? Detail)> RunAsync(JsonObject request, JsonObject? parameters, bool forceSync, bool enqueue, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (running != null && !enqueue)
            {
                return (null, $"++++++++++ {Name} Task is Already Running");
            }
        }

        if (parameters != null)
        {
            foreach (var kv in parameters.ToList())
            {
                request[kv.Key] = PyJson.Clone(kv.Value);
            }
        }

        if (forceSync)
        {
            return (await work(new TaskContext(request, null, cancellationToken)).ConfigureAwait(false), null);
        }

        var record = new TaskRecord(request);
        JsonObject snapshot;
        lock (gate)
        {
            tasks.Add(record);
            snapshot = record.ToJson();
            pending.Enqueue(record);
            StartNextLocked();
        }

        return (snapshot, null);
    }

    /// <summary>
    /// A run for each name (every trainer, every scoring method), queued: the request names it under
    /// <paramref name="key"/> and takes <c>parameters[name]</c> when that is a dict; every run also gets all of
    /// <paramref name="parameters"/>, as upstream passes them. Answers <c>{name: {result, detail}}</c>.
    /// </summary>
    public async Task<JsonObject> RunEachAsync(string key, IEnumerable<string> names, JsonObject? parameters, bool forceSync, CancellationToken cancellationToken)
    {
        var answer = new JsonObject();
        foreach (var name in names)
        {
            var request = new JsonObject { [key] = name };
            if (parameters?[name] is JsonObject own)
            {
                foreach (var kv in own.ToList())
                {
                    request[kv.Key] = PyJson.Clone(kv.Value);
                }
            }

            var (result, detail) = await RunAsync(request, parameters, forceSync, enqueue: true, cancellationToken).ConfigureAwait(false);
            answer[name] = new JsonObject { ["result"] = result, ["detail"] = detail };
        }

        return answer;
    }

    private void StartNextLocked()
    {
        if (running != null || disposed || pending.Count == 0)
        {
            return;
        }

        var record = pending.Dequeue();
        running = record;
        record.Request["gpus"] = "all";
        record.MarkStarted();
        record.Completion = Task.Run(() => ExecuteAsync(record));
    }

    private async Task ExecuteAsync(TaskRecord record)
    {
        string status;
        try
        {
            await work(new TaskContext(record.Request, record, record.Cancellation.Token)).ConfigureAwait(false);
            status = "DONE";
        }
        catch (OperationCanceledException) when (record.Cancellation.IsCancellationRequested)
        {
            status = "STOPPED";
        }
        catch (Exception e)
        {
            record.AddDetail($"{e.GetType().Name}: {e.Message}");
            status = "ERROR";
        }

        lock (gate)
        {
            if (record.Status == "RUNNING")
            {
                record.Status = status;
                record.EndTs = Py.Timestamp();
            }

            if (ReferenceEquals(running, record))
            {
                running = null;
            }

            StartNextLocked();
        }
    }

    /// <summary><c>AsyncTask.status</c>: (answer, null) or (null, the 404 detail).</summary>
    public (JsonNode? Result, string? Detail) Status(bool all, bool checkIfRunning)
    {
        lock (gate)
        {
            if (checkIfRunning)
            {
                return running == null ? (null, $"No {Name} Tasks are currently Running") : (running.ToJson(), null);
            }

            if (tasks.Count == 0)
            {
                return (null, $"No {Name} Tasks Found");
            }

            if (all)
            {
                var list = new JsonArray();
                foreach (var t in tasks)
                {
                    list.Add((JsonNode)t.ToJson());
                }

                return (list, null);
            }

            return (tasks[^1].ToJson(), null);
        }
    }

    /// <summary><c>AsyncTask.stop</c>: the stopped task, or null when nothing runs.</summary>
    public JsonNode? Stop()
    {
        lock (gate)
        {
            if (running == null)
            {
                return null;
            }

            var record = running;
            record.Status = "STOPPED";
            record.EndTs = Py.Timestamp();
            record.Cancellation.Cancel();
            running = null;
            var answer = record.ToJson();
            StartNextLocked();
            return answer;
        }
    }

    public async Task ShutdownAsync()
    {
        List<Task> completions;
        lock (gate)
        {
            disposed = true;
            pending.Clear();
            foreach (var t in tasks)
            {
                t.Cancellation.Cancel();
            }

            completions = tasks.Select(t => t.Completion).Where(c => c != null).Select(c => c!).ToList();
        }

        try
        {
            await Task.WhenAll(completions).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Shutting down: the tasks' own outcome no longer matters.
        }
    }
}
