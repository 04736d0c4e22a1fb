using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Interactive;

/// <summary>
/// The session that looks after itself, against a scripted server that keeps sessions as MONAI Label does: an infer
/// on a session it no longer has answers an opaque 500 (text/plain), and <c>GET /session/{id}</c> then 404.
/// </summary>
public sealed class InteractiveSessionTests : IDisposable
{
    private static readonly ModelCapabilities Sam = InteractiveModels.Get("sam_3d");

    private readonly TempResultDir _dir = new();
    private readonly ConcurrentDictionary<string, byte[]> _sessions = new();
    private readonly ConcurrentQueue<byte[]> _uploads = new();
    private readonly string _image;
    private int _next;

    public InteractiveSessionTests()
    {
        _image = Path.Combine(_dir.Root, "case 7.nii.gz");
        File.WriteAllBytes(_image, Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray());
    }

    /// <summary>When set, an infer on a live session still fails with 500 (a model error).</summary>
    private bool ModelFails { get; set; }

    private static ClickPrompt Click(int k = 3) => new() { Foreground = { new VoxelPoint(1, 2, k) } };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Uploads_once_and_sends_every_prompt_by_session_id_with_no_other_request()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));

        await using (var session = await client.StartInteractiveSessionAsync(_image))
        {
            for (var k = 0; k < 5; k++)
            {
                var result = await session.InferAsync(Sam, Click(k));
                Assert.Equal(session.SessionId, (string?)result.Params!["session"]);
            }

            Assert.Equal(0, session.Recreations);
            Assert.Equal(File.ReadAllBytes(_image), Assert.Single(_uploads));
            Assert.Equal(new[] { "PUT /session/" }.Concat(Enumerable.Repeat("POST /infer/sam_3d", 5)), Routes(server));
            Assert.All(server.Requests.Skip(1), r => Assert.Equal($"image=&session_id={session.SessionId}", r.Query));
        }

        Assert.Equal("DELETE", server.Requests.Last().Method);
        Assert.Empty(_sessions);
    }

    [Fact]
    public async Task A_session_dropped_by_the_server_is_recreated_from_the_same_file_and_the_prompt_sent_again_once()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);
        var first = session.SessionId;
        await session.InferAsync(Sam, Click());

        _sessions.Clear(); // expiry or restart: the server forgets the session
        var result = await session.InferAsync(Sam, Click());

        Assert.NotEqual(first, session.SessionId);
        Assert.Equal(session.SessionId, (string?)result.Params!["session"]);
        Assert.Equal(1, session.Recreations);
        Assert.Equal(new[]
        {
            "PUT /session/", "POST /infer/sam_3d",
            "POST /infer/sam_3d", $"GET /session/{first}", "PUT /session/", "POST /infer/sam_3d",
        }, Routes(server));
        Assert.Equal(2, _uploads.Count);
        Assert.All(_uploads, u => Assert.Equal(File.ReadAllBytes(_image), u));

        // Alive again: no extra request per click.
        await session.InferAsync(Sam, Click());
        Assert.Equal("POST /infer/sam_3d", Routes(server).Last());
        Assert.Equal(7, server.Requests.Count);
    }

    [Fact]
    public async Task A_model_error_on_a_live_session_is_thrown_without_recreating()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);
        ModelFails = true;

        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => session.InferAsync(Sam, Click()));

        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(0, session.Recreations);
        Assert.Equal(new[] { "PUT /session/", "POST /infer/sam_3d", $"GET /session/{session.SessionId}" }, Routes(server));
    }

    [Fact]
    public async Task The_prompt_is_sent_again_only_once()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);
        _sessions.Clear();
        ModelFails = true;

        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => session.InferAsync(Sam, Click()));

        Assert.Equal(500, e.StatusCode);
        Assert.Equal(new[] { "PUT /session/", "POST /infer/sam_3d", "PUT /session/", "POST /infer/sam_3d" },
            Routes(server).Where(r => !r.StartsWith("GET", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scribbles_are_sent_again_whole_after_a_recreation()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);
        var scribbles = new byte[] { 9, 8, 7, 6 };
        var prompt = ScribblesPrompt.FromBytes(scribbles, "s.nrrd");
        prompt.LabelInfo.Add(ScribbleLabel.Foreground(3));
        _sessions.Clear();

        await session.InferAsync(InteractiveModels.Get("Histogram+GraphCut"), prompt);

        var infers = server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, infers.Count);
        Assert.All(infers, r => Assert.Equal(scribbles, r.Multipart().Part("label").Content));
    }

    [Fact]
    public async Task Concurrent_prompts_that_meet_a_dropped_session_recreate_it_once()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);
        _sessions.Clear();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(k => session.InferAsync(Sam, new InferRequest { Prompt = Click(k), Output = InferOutput.Json })));

        Assert.Equal(1, session.Recreations);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task A_refused_prompt_or_a_request_naming_an_image_sends_nothing()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);

        await Assert.ThrowsAsync<ArgumentException>(() => session.InferAsync(InteractiveModels.Get("sam_2d"), new ClickPrompt
        {
            Foreground = { new VoxelPoint(1, 1, 1), new VoxelPoint(1, 1, 2) },
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => session.InferAsync(Sam, new InferRequest { ImageId = "other", Prompt = Click() }));

        Assert.Equal(new[] { "PUT /session/" }, Routes(server));
    }

    [Fact]
    public async Task Dispose_deletes_the_session_and_a_session_already_gone_is_no_error()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        var session = await client.StartInteractiveSessionAsync(_image);
        var id = session.SessionId;
        _sessions.Clear();

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Equal(new[] { "PUT /session/", $"DELETE /session/{id}" }, Routes(server));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.InferAsync(Sam, Click()));
    }

    [Fact]
    public async Task Results_are_named_after_the_image_file_and_replace_the_previous_one()
    {
        using var server = Server();
        using var client = MonaiLabelClient.Create(server.Options(o => o.ResultDirectory = _dir.Dir));
        await using var session = await client.StartInteractiveSessionAsync(_image);

        var first = await session.InferAsync(Sam, Click());
        var second = await session.InferAsync(Sam, Click(4));

        Assert.Equal("case 7_sam_3d.nii.gz", first.Label!.FileName);
        Assert.Equal(first.Label.Path, second.Label!.Path);
    }

    private static string[] Routes(ScriptedServer server) => server.Requests.Select(r => r.Method + " " + r.Path).ToArray();

    // A MONAI Label session store in miniature, answering as the real server does.
    private ScriptedServer Server() => new(request =>
    {
        if (request.Method == "PUT" && request.Path == "/session/")
        {
            var id = $"s{Interlocked.Increment(ref _next)}";
            var content = request.Multipart().Part("files").Content;
            _uploads.Enqueue(content);
            _sessions[id] = content;
            return Reply.Json($"{{\"session_id\": \"{id}\", \"session_info\": {{\"name\": \"{id}\"}}}}");
        }

        var sessionPath = request.Path.StartsWith("/session/", StringComparison.Ordinal) ? request.Path.Substring("/session/".Length) : null;
        if (sessionPath != null)
        {
            var known = request.Method == "DELETE" ? _sessions.TryRemove(sessionPath, out _) : _sessions.ContainsKey(sessionPath);
            return known
                ? Reply.Json($"{{\"name\": \"{sessionPath}\", \"expiry\": 3600}}")
                : Reply.Json($"{{\"detail\": \"Session ({sessionPath}) Not Found\"}}", 404);
        }

        var sessionId = request.Query.Split('&').Select(p => p.Split('=')).Where(p => p[0] == "session_id").Select(p => p[1]).Single();
        if (!_sessions.ContainsKey(sessionId) || ModelFails)
        {
            var error = new Reply(500) { Body = System.Text.Encoding.ASCII.GetBytes("Internal Server Error") };
            return error.With("Content-Type", "text/plain; charset=utf-8");
        }

        var answer = new Reply(200) { Body = BuildMultipart(sessionId) };
        return answer.With("Content-Type", "multipart/form-data; boundary=b0undary");
    });

    private static byte[] BuildMultipart(string sessionId) => System.Text.Encoding.ASCII.GetBytes(
        "--b0undary\r\nContent-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json\r\n\r\n" +
        $"{{\"session\": \"{sessionId}\"}}\r\n" +
        "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"tmpab12.nii.gz\"\r\nContent-Type: application/gzip\r\n\r\n" +
        "LABEL\r\n--b0undary--\r\n");
}
