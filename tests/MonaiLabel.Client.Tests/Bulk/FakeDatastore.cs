using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client.Tests.Bulk;

/// <summary>
/// A datastore behind a <see cref="ScriptedServer"/> answering the routes the bulk methods use, as MONAI Label
/// does: the listing, HEAD of a label, infer (multipart: params with label_names, then the label = the image id's
/// bytes), label and image PUTs. It counts the infers in flight; a test can hold an infer until it says so.
/// </summary>
internal sealed class FakeDatastore : IDisposable
{
    private int inFlight;
    private int maxInFlight;

    public FakeDatastore(params string[] images)
    {
        foreach (var id in images)
        {
            Images[id] = true;
        }

        Server = new ScriptedServer(AnswerAsync);
    }

    public ScriptedServer Server { get; }

    public ConcurrentDictionary<string, bool> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels by "image/tag".</summary>
    public ConcurrentDictionary<string, bool> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers an infer of this image with a 500.</summary>
    public Func<string, bool> InferFails { get; set; } = _ => false;

    /// <summary>Answers an image PUT of this id with a 422 (refused id).</summary>
    public Func<string, bool> UploadRefused { get; set; } = _ => false;

    /// <summary>Awaited before an infer of this image is answered (null: answered at once).</summary>
    public Func<string, Task>? HoldInfer { get; set; }

    /// <summary>Told the image id when its infer request arrives.</summary>
    public Action<string>? InferArrived { get; set; }

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public int Infers(string? image = null) => Server.RequestsTo("/infer/seg").Count(r => image == null || Query(r, "image") == image);

    public static byte[] LabelOf(string id) => Encoding.UTF8.GetBytes("label of " + id);

    public MonaiLabelClient Client(Action<MonaiLabelClientOptions>? configure = null) => MonaiLabelClient.Create(Server.Options(configure));

    public void Dispose() => Server.Dispose();

    private async Task<Reply> AnswerAsync(WireRequest request)
    {
        switch (request.Method, request.Path)
        {
            case ("GET", "/datastore/"):
                var objects = new JObject();
                foreach (var id in Images.Keys)
                {
                    var labels = new JObject();
                    foreach (var key in Labels.Keys.Where(k => k.StartsWith(id + "/", StringComparison.Ordinal)))
                    {
                        labels[key.Substring(id.Length + 1)] = new JObject { ["ext"] = ".nii.gz" };
                    }

                    objects[id] = new JObject { ["image"] = new JObject { ["ext"] = ".nii.gz" }, ["labels"] = labels };
                }

                return Reply.Json(new JObject { ["name"] = "fake", ["objects"] = objects }.ToString());
            case ("HEAD", "/datastore/label"):
                return new Reply(Labels.ContainsKey(Query(request, "image") + "/" + Query(request, "tag")) ? 200 : 404);
            case ("PUT", "/datastore/label"):
                Labels[Query(request, "image") + "/" + Query(request, "tag")] = true;
                return Reply.Json("{\"image\":\"" + Query(request, "image") + "\",\"label\":\"" + Query(request, "image") + "\"}");
            case ("PUT", "/datastore/image"):
                var image = Query(request, "image");
                if (UploadRefused(image))
                {
                    return Reply.Json("{\"detail\":[{\"loc\":[\"query\",\"image\"],\"msg\":\"refused\",\"type\":\"value_error\"}]}", 422);
                }

                Images[image] = true;
                return Reply.Json("{\"image\":\"" + image + "\"}");
            case ("POST", "/infer/seg"):
                return await InferAsync(Query(request, "image"));
            default:
                return Reply.Json("{\"detail\":\"Not Found\"}", 404);
        }
    }

    private async Task<Reply> InferAsync(string image)
    {
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, now);
        try
        {
            InferArrived?.Invoke(image);
            if (HoldInfer != null)
            {
                await HoldInfer(image);
            }

            if (InferFails(image))
            {
                return new Reply(500) { Body = Encoding.ASCII.GetBytes("Internal Server Error") }.With("Content-Type", "text/plain");
            }

            var body = MultipartAnswer.Build(
                AnswerPart.Params("{\"label_names\":{\"spleen\":1}}"),
                AnswerPart.File("filename=\"tmpx1y2.nii.gz\"", LabelOf(image)));
            return new Reply(200) { Body = body }.With("Content-Type", MultipartAnswer.ContentType);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static string Query(WireRequest request, string name) =>
        request.Query.Split('&').Select(p => p.Split(new[] { '=' }, 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)).FirstOrDefault()
        ?? string.Empty;

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
