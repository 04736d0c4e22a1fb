using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>The Python <c>MONAILabelClient</c> parity tests, continued: sessions, datastore, infer, training, client id.</summary>
public partial class PythonParityTests
{
    [Fact]
    public async Task Parity_get_session()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"name\":\"s-1\",\"path\":\"/s/s-1\",\"image\":\"/s/s-1/image.nii.gz\",\"meta\":{},\"create_ts\":1795547549,\"last_access_ts\":1795547550,\"expiry\":3600}");

        var session = await wire.CreateClient().GetSessionAsync("s-1");

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/session/s-1", "update_ts=false&image=false");
        Assert.Equal("s-1", session.Name);
        Assert.Equal(1795547550L, session.LastAccessTs);
        Assert.Equal(3600L, session.Expiry);

        using var expired = new WireMockServerFixture();
        expired.RespondWithCapture("42_404_session_missing");
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => expired.CreateClient().GetSessionAsync("gone"));
        Assert.Equal(MonaiLabelErrorKind.SessionExpired, error.Kind);
        var inner = Assert.IsType<MonaiLabelClientException>(error.InnerException);
        Assert.Equal(404, inner.StatusCode);
    }

    [Fact]
    public async Task Parity_remove_session()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"name\":\"s-1\",\"path\":\"/s/s-1\",\"expiry\":3600}");

        var removed = await wire.CreateClient().DeleteSessionAsync("s-1");

        ClientTest.SingleRequest(wire).AssertRoute("DELETE", "/session/s-1");
        Assert.Equal("s-1", removed.Name);
    }

    [Fact]
    public async Task Parity_upload_image()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var client = wire.CreateClient(o => o.ClientId = "c");

        await client.UploadImageAsync(FileParameter.FromStream(new System.IO.MemoryStream(new byte[] { 1 }), "x.nii.gz"), "x");

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/image", "image=x");
        Assert.Equal(new[] { "params", "file" }, request.Multipart().PartNames);
        WireAssert.JsonEqual("{\"client_id\":\"c\"}", request.Multipart().Part("params").Text);
    }

    [Fact]
    public async Task Parity_save_label()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("03_put_datastore_label");
        var client = wire.CreateClient(o => o.ClientId = "c");

        await client.UploadLabelAsync("x", FileParameter.FromStream(new System.IO.MemoryStream(new byte[] { 1 }), "x.nii.gz"), "final");

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/datastore/label", "image=x&tag=final");
        Assert.Equal(new[] { "params", "label" }, request.Multipart().PartNames);
        WireAssert.JsonEqual("{\"client_id\":\"c\"}", request.Multipart().Part("params").Text);
    }

    [Fact]
    public async Task Parity_datastore()
    {
        const string listing =
            "{\"name\":\"Local Datastore\",\"description\":\"\",\"images_dir\":\"/s\",\"labels_dir\":\"/s/labels\"," +
            "\"objects\":{" +
            "\"wire_case\":{\"image\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547549,\"checksum\":\"SHA256:ab\",\"name\":\"wire_case.nii.gz\"}}," +
            "\"labels\":{\"final\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547550,\"name\":\"wire_case.nii.gz\"}}," +
            "\"original\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547551,\"name\":\"wire_case.nii.gz\"}}}}," +
            "\"unlabeled\":{\"image\":{\"ext\":\".nrrd\",\"info\":{\"ts\":1,\"name\":\"unlabeled.nrrd\"}},\"labels\":{}}}}";
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(listing);

        var datastore = await wire.CreateClient().GetDatastoreAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/", "output=all");
        Assert.Equal("Local Datastore", datastore.Name);
        Assert.Equal(new[] { "wire_case", "unlabeled" }, datastore.Objects!.Keys.ToArray());
        var entry = datastore.Objects["wire_case"];
        Assert.Equal(".nii.gz", entry.Image!.Ext);
        Assert.Equal("wire_case.nii.gz", entry.Image.Info!.Name);
        Assert.Equal(new[] { "final", "original" }, entry.Labels!.Keys.ToArray());
        Assert.Equal(".nii.gz", entry.Labels["final"].Ext);
        Assert.Empty(datastore.Objects["unlabeled"].Labels!);
    }

    [Fact]
    public async Task Parity_download_label()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("21_get_datastore_label_ascii");
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadLabelToAsync("wire_case", "final", dir.Dir);

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/datastore/label", "label=wire_case&tag=final");
        Assert.EndsWith(".nii.gz", saved.Path, StringComparison.Ordinal);
        dir.AssertSavedInside(saved, capture.Body);
    }

    [Fact]
    public async Task Parity_infer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("11_post_infer_multipart");
        using var dir = new TempResultDir();
        var client = wire.CreateClient(o => o.ClientId = "c");

        // Python: image_out, params = client.infer(model, image_id, params)
        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "wire_case", Params = new Dictionary<string, object?>(), ResultDirectory = dir.Dir });

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/segmentation_spleen", "image=wire_case");
        WireAssert.JsonEqual("{\"client_id\":\"c\"}", request.Multipart().Part("params").Text);
        Assert.Equal(29, result.Label!.Length);
        Assert.Equal(new JObject { ["spleen"] = 1 }, result.Params!["label_names"]);
    }

    [Fact]
    public async Task Parity_wsi_infer()
    {
        const string dsa = "{\"name\":\"segmentation_tissue\",\"elements\":[{\"type\":\"polyline\",\"points\":[[1,2,0],[3,4,0]]}]}";
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(dsa);
        using var dir = new TempResultDir();
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");
        var region = new WsiInput { Level = 1, Location = new List<int> { 10, 20 }, Size = new List<int> { 256, 256 }, Params = new Dictionary<string, object> { ["threshold"] = 0.5 } };

        var result = await client.InferWsiAsync("segmentation_tissue", "slide-1", region, resultDirectory: dir.Dir);

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/wsi_v2/segmentation_tissue", "image=slide-1&output=dsa");
        var body = request.Multipart();
        Assert.Equal(new[] { "wsi" }, body.PartNames);
        var wsi = JObject.Parse(body.Part("wsi").Text);
        Assert.Equal(1, (int)wsi["level"]!);
        Assert.Equal(new JArray(10, 20), wsi["location"]);
        Assert.Equal(new JArray(256, 256), wsi["size"]);
        WireAssert.JsonEqual("{\"threshold\":0.5,\"client_id\":\"viewer-1\"}", wsi["params"]!.ToString());
        Assert.False(region.Params!.ContainsKey("client_id"));
        WireAssert.JsonEqual(dsa, result.Params!.ToString());
        Assert.Empty(result.Files);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Parity_wsi_infer_asap_answer_is_saved_as_a_file()
    {
        var xml = System.Text.Encoding.UTF8.GetBytes("<ASAP_Annotations><Annotations/></ASAP_Annotations>");
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(xml, "attachment; filename=\"tmpabc.xml\"", "application/xml"));
        using var dir = new TempResultDir();

        var result = await wire.CreateClient().InferWsiAsync("segmentation_tissue", "slide-1", output: WsiInferOutput.Asap, resultDirectory: dir.Dir);

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/infer/wsi_v2/segmentation_tissue", "image=slide-1&output=asap");
        WireAssert.JsonEqual("{}", JObject.Parse(request.Multipart().Part("wsi").Text)["params"]!.ToString());
        dir.AssertSavedInside(Assert.Single(result.Files), xml);
    }

    [Fact]
    public async Task Parity_train_start()
    {
        using var one = new WireMockServerFixture();
        one.RespondWithJson("{\"id\":\"t1\",\"status\":\"SUBMITTED\"}");
        var client = one.CreateClient(o => o.ClientId = "c");
        var operation = await client.StartTrainingAsync("segmentation_spleen", new Dictionary<string, object?> { ["max_epochs"] = 2 });
        Assert.Equal("t1", operation.Id);
        Assert.Equal(BackgroundTaskState.Submitted, operation.Status);
        Assert.False(operation.HasCompleted);
        var request = ClientTest.SingleRequest(one).AssertRoute("POST", "/train/segmentation_spleen");
        WireAssert.JsonEqual("{\"max_epochs\":2,\"client_id\":\"c\"}", request.BodyText);

        using var all = new WireMockServerFixture();
        all.RespondWithJson("{\"id\":\"t2\",\"status\":\"SUBMITTED\"}");
        var allClient = all.CreateClient();
        await allClient.StartTrainingAsync(null, new Dictionary<string, object?>());
        var allRequest = ClientTest.SingleRequest(all).AssertRoute("POST", "/train/");
        WireAssert.JsonEqual("{}", allRequest.BodyText);

        using var busy = new WireMockServerFixture();
        busy.RespondWithJson("{\"detail\":\"Train Task is Already Running\"}", 429);
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => busy.CreateClient().StartTrainingAsync("segmentation_spleen", null));
        Assert.Equal(MonaiLabelErrorKind.TaskAlreadyRunning, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("Train Task is Already Running", error.Detail);
    }

    [Fact]
    public async Task Parity_train_stop()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");

        await wire.CreateClient().StopTrainingAsync();

        ClientTest.SingleRequest(wire).AssertRoute("DELETE", "/train/");
    }

    [Fact]
    public async Task Parity_train_status()
    {
        const string task = "{\"id\":\"t1\",\"status\":\"RUNNING\",\"request\":{\"model\":\"segmentation_spleen\"},\"start_ts\":\"2026-11-24 19:12:29\",\"details\":[\"epoch 1\"]}";
        using var running = new WireMockServerFixture();
        running.RespondWithJson(task);
        var client = running.CreateClient();

        Assert.True(await client.IsTrainingRunningAsync());
        ClientTest.SingleRequest(running).AssertRoute("GET", "/train/", "check_if_running=true");

        var status = await client.GetTrainingStatusAsync();
        Assert.Equal(BackgroundTaskState.Running, status.Status);
        Assert.Equal("2026-11-24 19:12:29", status.StartTs);
        Assert.Equal(new[] { "epoch 1" }, status.Details);

        var raw = await client.Rest.GetTrainStatusAsync(null, null);
        Assert.Equal("RUNNING", (string?)WireAssert.Token(raw)["status"]);

        using var iso = new WireMockServerFixture();
        iso.RespondWithJson("{\"id\":\"t2\",\"status\":\"DONE\",\"start_ts\":\"2026-11-24T19:12:29+01:00\"}");
        var isoRaw = WireAssert.Token(await iso.CreateClient().Rest.GetTrainStatusAsync(null, null));
        Assert.Equal(JTokenType.String, isoRaw["start_ts"]!.Type); // Kept as sent, not turned into a DateTime.
        Assert.Equal("2026-11-24T19:12:29+01:00", (string?)isoRaw["start_ts"]);

        using var idle = new WireMockServerFixture();
        idle.RespondWithCapture("49_404_train_status_none");
        Assert.False(await idle.CreateClient().IsTrainingRunningAsync());
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => idle.CreateClient().GetTrainingStatusAsync());
        Assert.Equal(MonaiLabelErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Parity_client_id()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var anonymous = wire.CreateClient();
        Assert.Null(anonymous.Settings.ClientId);
        var client = wire.CreateClient(o => o.ClientId = "viewer-9");

        await anonymous.GetNextSampleAsync("random", null);
        await client.GetNextSampleAsync("random", null);
        await client.StartTrainingAsync("m", null);

        var bodies = ClientTest.WaitForRequests(wire, 3).Select(e => e.RequestMessage.Body).ToList();
        WireAssert.JsonEqual("null", bodies[0]!); // No params and no client id: nothing to add.
        WireAssert.JsonEqual("{\"client_id\":\"viewer-9\"}", bodies[1]!);
        WireAssert.JsonEqual("{\"client_id\":\"viewer-9\"}", bodies[2]!);
    }
}
