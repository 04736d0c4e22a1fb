using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>
/// Nothing identifying in the SDK's spans, events or measurements: ids (often patient or study identifiers), file
/// names, paths, queries, tokens and user names never appear. (.NET's own HttpClient spans carry url.full; what they
/// record is the application's to configure, see the README.)
/// </summary>
[Collection(TelemetryCollection.Name)]
public class NoIdentifierTests
{
    private const string ImageId = "patient-12345";
    private const string FileName = "secret-name.nii.gz";

    private static readonly string[] Secrets = { "patient-12345", "secret-name", "study-777", "tok-9f8e", "annotator-jane", "pa55-w0rd", "/datastore", "?", "session-4242" };

    [Fact]
    public async Task Uploads_infer_downloads_and_sessions_with_ids_and_file_names_leave_none_in_telemetry()
    {
        using var server = new ScriptedServer(r => r.Path switch
        {
            "/auth/token" => Reply.Token("tok-9f8e"),
            "/infer/segmentation_spleen" => SpanTests.InferAnswer("filename=\"" + FileName + "\""),
            "/datastore/image" when r.Method == "GET" => new Reply(200) { Body = new byte[] { 1, 2, 3 } }
                .With("Content-Type", "application/octet-stream")
                .With("Content-Disposition", "attachment; filename=\"" + FileName + "\""),
            "/session/session-4242" => Reply.Json("{\"detail\":\"Session session-4242 not found\"}", 404),
            "/session/" => Reply.Json("{\"session_id\":\"session-4242\",\"session_info\":{}}"),
            _ => Reply.Json("{\"image\":\"" + ImageId + "\",\"label\":\"" + ImageId + "\"}"),
        });
        using var dir = new TempResultDir();
        var input = dir.File(FileName, 2000);
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator-jane";
            o.Password = "pa55-w0rd";
        }));
        using var capture = new TelemetryCapture();

        await client.UploadImageAsync(FileParameter.FromFile(input), ImageId, new Dictionary<string, object?> { ["study"] = "study-777" });
        await client.UploadLabelAsync(ImageId, FileParameter.FromFile(input), "final");
        await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = ImageId, ResultDirectory = dir.Dir });
        await client.DownloadImageToAsync(ImageId, dir.Dir, overwrite: true);
        await client.CreateSessionAsync(FileParameter.FromFile(input));
        await client.ImageExistsAsync(ImageId);
        await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetSessionAsync("session-4242"));

        Assert.Equal(7, capture.SdkSpans.Count(s => s.Kind == ActivityKind.Internal)); // operation spans (on Mono the SDK adds attempt spans)
        Assert.NotEmpty(capture.Measurements);
        var texts = capture.SdkTexts().ToList();
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(texts, t => t.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0);
        }

        // The ids did reach the server: the test would prove nothing if they had not been sent.
        Assert.Contains(server.Requests, r => r.Query.Contains(ImageId));
    }
}
