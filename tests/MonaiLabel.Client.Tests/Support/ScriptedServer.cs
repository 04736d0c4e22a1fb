using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace MonaiLabel.Client.Tests;

/// <summary>One scripted answer of <see cref="ScriptedServer"/>.</summary>
internal sealed class Reply
{
    public Reply(int status, string? json = null)
    {
        Status = status;
        if (json != null)
        {
            Body = Encoding.UTF8.GetBytes(json);
            Headers["Content-Type"] = "application/json";
        }
    }

    public int Status { get; }

    public byte[]? Body { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Reply Json(string json, int status = 200) => new(status, json);

    public static Reply AppInfo(string name = "ecosystem") => new(200, "{\"name\":\"" + name + "\",\"version\":\"1.0\"}");

    public static Reply Token(string token) => new(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}");

    public static Reply Status503 => new(503, "{\"detail\":\"busy\"}");

    public static Reply Unauthorized => new(401, "{\"detail\":\"Not authenticated\"}");

    public Reply With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}

/// <summary>
/// WireMock on 127.0.0.1 (through <see cref="WireMockServerFixture"/>) whose every answer is computed by the test.
/// Each request is recorded synchronously before it is answered, so counts are exact once the client has its answer.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly WireMockServerFixture _wire = new();
    private readonly object _gate = new();
    private readonly List<WireRequest> _requests = new();

    public ScriptedServer(Func<WireRequest, Reply> answer)
        : this(request => Task.FromResult(answer(request)))
    {
    }

    /// <summary>Answers asynchronously: a test can hold a request without blocking a server thread.</summary>
    public ScriptedServer(Func<WireRequest, Task<Reply>> answer)
    {
        _wire.Server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async message =>
            {
                var request = new WireRequest(message);
                lock (_gate)
                {
                    _requests.Add(request);
                }

                return ToMessage(await answer(request).ConfigureAwait(false));
            }));
    }

    public Uri BaseUrl => _wire.BaseUrl;

    public int Port => _wire.Server.Port;

    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<WireRequest> RequestsTo(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>An options object pointing at this server, with fast retries.</summary>
    public MonaiLabelClientOptions Options(Action<MonaiLabelClientOptions>? configure = null)
    {
        var options = new MonaiLabelClientOptions { ServerUrl = BaseUrl };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        configure?.Invoke(options);
        return options;
    }

    public void Dispose() => _wire.Dispose();

    private static IResponseMessage ToMessage(Reply reply)
    {
        var message = new ResponseMessage { StatusCode = reply.Status };
        foreach (var header in reply.Headers)
        {
            message.AddHeader(header.Key, header.Value);
        }

        if (reply.Body != null)
        {
            message.BodyData = new BodyData { BodyAsBytes = reply.Body, DetectedBodyType = BodyType.Bytes };
        }

        return message;
    }
}
