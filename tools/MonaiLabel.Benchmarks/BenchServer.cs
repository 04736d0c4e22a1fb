using System;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// A loopback Kestrel server (127.0.0.1, ephemeral port) answering like MONAI Label, with every body streamed:
/// <list type="bullet">
/// <item>POST /infer/{model}?image=ID — drains the request, answers multipart/form-data: params JSON + the label
/// (<see cref="InferLabelLength"/> bytes of <see cref="Pattern"/> from <c>Pattern.StartFor(ID)</c>), with a
/// Content-Length, as MONAI Label's MultipartEncoder answer has.</item>
/// <item>PUT /datastore/image?image=ID — reads the multipart upload part by part, hashes the file part and throws the
/// bytes away; answers {"image": ID}. What it received is queued in <see cref="Uploads"/>.</item>
/// <item>GET /datastore/image?image=ID — a <see cref="DownloadLength"/>-byte file answer generated from the pattern
/// (not read from disk) with Content-Disposition and Content-Length.</item>
/// </list>
/// Each answer closes its connection (see <see cref="FreshConnectionEach"/>).
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    /// <summary>Bytes per write of a generated answer.</summary>
    private const int WriteChunk = 64 * 1024;

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Cancelled when the host is asked to stop (SIGTERM, Ctrl+C).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public long InferLabelLength { get; set; } = 512L << 20;

    public long DownloadLength { get; set; } = 1L << 30;

    /// <summary>What each upload's file part held, in order of arrival.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<UploadRecord> Uploads { get; } = new();

    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0); // 127.0.0.1 only, any free port.
            kestrel.Limits.MaxRequestBodySize = null; // 1 GiB uploads.
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        BenchServer? server = null;
        app.MapPost("/infer/{model}", (HttpContext context, string model) => server!.InferAsync(context, model));
        app.MapPut("/datastore/image", (HttpContext context) => server!.UploadAsync(context));
        app.MapGet("/datastore/image", (HttpContext context) => server!.DownloadAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new BenchServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return server;
    }

    /// <summary>The answer /infer/{model}?image=ID sends now.</summary>
    public InferAnswer AnswerFor(string model, string image, string boundary) =>
        new(boundary, InferAnswer.ParamsJson(model, image, InferLabelLength), image + "_label.nii.gz", Pattern.StartFor(image), InferLabelLength);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task InferAsync(HttpContext context, string model)
    {
        var aborted = context.RequestAborted;
        await context.Request.Body.CopyToAsync(Stream.Null, aborted).ConfigureAwait(false);
        var image = context.Request.Query["image"].ToString();
        var answer = AnswerFor(model, image, InferAnswer.NewBoundary());
        var response = context.Response;
        FreshConnectionEach(response);
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Length;
        await response.Body.WriteAsync(answer.Head, aborted).ConfigureAwait(false);
        await Pattern.WriteAsync(response.Body, answer.LabelStart, answer.LabelLength, WriteChunk, aborted).ConfigureAwait(false);
        await response.Body.WriteAsync(answer.Tail, aborted).ConfigureAwait(false);
    }

    private async Task UploadAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var image = context.Request.Query["image"].ToString();
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
        // A 256 KiB buffer (the default is 4 KiB) keeps this sink from being the slow end of a 1 GiB upload.
        var reader = new MultipartReader(boundary, context.Request.Body, 256 * 1024) { BodyLengthLimit = null };
        var buffer = new byte[WriteChunk];
        UploadRecord? file = null;
        FreshConnectionEach(context.Response);
        while (await reader.ReadNextSectionAsync(aborted).ConfigureAwait(false) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var hash = new XxHash3();
            long length = 0;
            int read;
            while ((read = await section.Body.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
                length += read;
            }

            if (disposition?.IsFileDisposition() == true)
            {
                file = new UploadRecord(disposition.FileName.Value ?? string.Empty, length, hash.GetCurrentHashAsUInt64());
            }
        }

        Uploads.Enqueue(file ?? new UploadRecord(string.Empty, -1, 0));
        var id = string.IsNullOrEmpty(image) ? Path.GetFileNameWithoutExtension(file?.FileName ?? "image") : image;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"image\": \"" + id + "\"}", aborted).ConfigureAwait(false);
    }

    private async Task DownloadAsync(HttpContext context)
    {
        var image = context.Request.Query["image"].ToString();
        var response = context.Response;
        FreshConnectionEach(response);
        response.ContentType = "application/octet-stream";
        response.ContentLength = DownloadLength;
        response.Headers.ContentDisposition = $"attachment; filename=\"{image}.nii.gz\"";
        await Pattern.WriteAsync(response.Body, Pattern.StartFor(image), DownloadLength, WriteChunk, context.RequestAborted).ConfigureAwait(false);
    }

    // Every transfer gets a connection of its own, as each curl run does: here a second 1 GiB answer on a kept-alive
    // connection is markedly slower than the first, for curl as for the SDK, which would make a warm SDK call look
    // slow for reasons of the server's. Kestrel closes the connection after the answer.
    private static void FreshConnectionEach(HttpResponse response) => response.Headers.Connection = "close";

    /// <summary>What one upload's file part held.</summary>
    public sealed record UploadRecord(string FileName, long Length, ulong Hash);
}
