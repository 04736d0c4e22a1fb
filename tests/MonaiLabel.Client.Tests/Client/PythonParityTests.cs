using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// One test per method of the Python <c>MONAILabelClient</c> (monailabel/client/client.py): the C# member that
/// replaces it sends the same request and reads the answer with the same meaning.
/// </summary>
public class PythonParityTests
{
    [Fact]
    public void Parity_get_server_url()
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:8000/monailabel"));

        Assert.Equal(new Uri("http://127.0.0.1:8000/monailabel/"), client.ServerUrl);
    }

    [Fact]
    public async Task Parity_set_server_url()
    {
        using var first = new WireMockServerFixture();
        using var second = new WireMockServerFixture();
        first.RespondWithCapture("10_get_info");
        second.RespondWithCapture("10_get_info");
        var client = first.CreateClient();

        await client.GetAppInfoAsync();
        client.ServerUrl = new Uri(second.BaseUrl, "monailabel/");
        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(first).AssertRoute("GET", "/info/");
        ClientTest.SingleRequest(second).AssertRoute("GET", "/monailabel/info/");
        Assert.Equal(new Uri(second.BaseUrl, "monailabel/"), client.ServerUrl);
    }

    [Theory]
    [InlineData("monailabel/")]
    [InlineData("monailabel")]
    [InlineData("a/b/monailabel")]
    public async Task Parity_set_server_url_keeps_a_path_prefix_with_or_without_trailing_slash(string prefix)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        using var client = new MonaiLabelClient(new Uri(wire.BaseUrl, prefix));

        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/" + prefix.TrimEnd('/') + "/info/");
    }

    [Fact]
    public async Task Parity_set_server_url_on_an_injected_HttpClient_keeps_its_prefix()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        using var http = new HttpClient { BaseAddress = new Uri(wire.BaseUrl, "monailabel") };
        using var client = new MonaiLabelClient(http);

        await client.GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/monailabel/info/");
        Assert.Equal(new Uri(wire.BaseUrl, "monailabel"), http.BaseAddress); // The injected client is not modified.
    }

    [Fact]
    public async Task Parity_update_auth()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        var client = wire.CreateClient();

        await client.GetAppInfoAsync();
        client.UpdateAuth(new AuthToken { AccessToken = "x", TokenType = "Bearer" });
        await client.GetAppInfoAsync();
        await client.GetAppInfoAsync();
        client.UpdateAuth(null);
        await client.GetAppInfoAsync();

        var entries = ClientTest.WaitForRequests(wire, 4);
        Assert.Null(ClientTest.Authorization(entries[0]));
        Assert.Equal("Bearer x", ClientTest.Authorization(entries[1]));
        Assert.Equal("Bearer x", ClientTest.Authorization(entries[2]));
        Assert.Null(ClientTest.Authorization(entries[3]));
    }

    [Fact]
    public async Task Parity_update_auth_applies_to_concurrent_calls_of_one_client()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");
        var client = wire.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "tok-123", TokenType = "Bearer" });

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAppInfoAsync()));

        var entries = ClientTest.WaitForRequests(wire, 16);
        Assert.All(entries, e => Assert.Equal("Bearer tok-123", ClientTest.Authorization(e)));
    }

    [Fact]
    public async Task Parity_auth_enabled()
    {
        using var enabled = new WireMockServerFixture();
        enabled.RespondWithCapture("50_auth_get_auth");
        Assert.True((await enabled.CreateClient().GetAuthSettingsAsync()).Enabled == true);
        ClientTest.SingleRequest(enabled).AssertRoute("GET", "/auth/");

        using var off = new WireMockServerFixture();
        off.RespondWithCapture("41_404_unknown_route");
        Assert.False((await off.CreateClient().GetAuthSettingsAsync()).Enabled == true);

        using var disabled = new WireMockServerFixture();
        disabled.RespondWithJson("{\"enabled\":false}");
        Assert.False((await disabled.CreateClient().GetAuthSettingsAsync()).Enabled == true);
    }

    [Fact]
    public async Task Parity_auth_token()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("51_auth_post_token");
        var client = wire.CreateClient();

        var token = await client.GetAuthTokenAsync("annotator", "pa ss&=ü");

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/auth/token");
        var fields = request.FormFields().ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("annotator", fields["username"]);
        Assert.Equal("pa ss&=ü", fields["password"]);
        Assert.Equal("password", fields["grant_type"]);
        Assert.All(fields.Where(f => f.Key is not ("username" or "password" or "grant_type")), f => Assert.Equal("", f.Value)); // e.g. scope=
        var body = JObject.Parse(capture.BodyText);
        Assert.Equal((string?)body["access_token"], token.AccessToken);
        Assert.Equal("Bearer", token.TokenType);

        client.UpdateAuth(token);
        await client.GetAuthTokenAsync("annotator", "annotator");
        var entries = ClientTest.WaitForRequests(wire, 2);
        Assert.Null(ClientTest.Authorization(entries[0]));
        Assert.Equal("Bearer " + token.AccessToken, ClientTest.Authorization(entries[1]));
    }

    [Fact]
    public async Task Parity_auth_valid_token()
    {
        using var valid = new WireMockServerFixture();
        valid.RespondWithCapture("52_auth_token_valid");
        var client = valid.CreateClient();
        client.UpdateAuth(new AuthToken { AccessToken = "abc.def.ghi", TokenType = "Bearer" });
        var user = await client.ValidateAuthTokenAsync();
        Assert.False(string.IsNullOrEmpty(user.Username));
        var request = ClientTest.SingleRequest(valid).AssertRoute("GET", "/auth/token/valid");
        Assert.Equal("Bearer abc.def.ghi", request.Header("Authorization"));

        using var invalid = new WireMockServerFixture();
        invalid.RespondWithCapture("55_auth_401_bad_token");
        var refused = await Assert.ThrowsAsync<MonaiLabelClientException>(() => invalid.CreateClient().ValidateAuthTokenAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, refused.Kind);

        using var missing = new WireMockServerFixture();
        missing.RespondWithCapture("54_auth_401_no_token");
        var none = await Assert.ThrowsAsync<MonaiLabelClientException>(() => missing.CreateClient().ValidateAuthTokenAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, none.Kind);
    }

    [Fact]
    public async Task Parity_info()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("10_get_info");

        var info = await wire.CreateClient().GetAppInfoAsync();

        ClientTest.SingleRequest(wire).AssertRoute("GET", "/info/");
        Assert.Equal(new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" }, info.Models!.Keys.ToArray());
    }

    [Fact]
    public async Task Parity_info_error_is_a_MonaiLabelClientException_like_SERVER_ERROR()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text("Internal Server Error", "text/plain; charset=utf-8", 500));

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => wire.CreateClient().GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.ServerError, error.Kind);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task Parity_next_sample()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"id\":\"wire_case\",\"path\":\"/s/wire_case.nii.gz\",\"ts\":1795547549,\"strategy\":{\"random\":{\"ts\":1795547549,\"client_id\":\"viewer-1\"}}}");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");
        var parameters = new Dictionary<string, object?> { ["seed"] = 3 };

        var sample = await client.GetNextSampleAsync("random", parameters);

        var request = ClientTest.SingleRequest(wire).AssertRoute("POST", "/activelearning/random");
        Assert.StartsWith("application/json", request.ContentType);
        WireAssert.JsonEqual("{\"seed\":3,\"client_id\":\"viewer-1\"}", request.BodyText);
        Assert.Equal("wire_case", sample.Id);
        Assert.Equal(1795547549L, sample.Ts);
        Assert.False(parameters.ContainsKey("client_id"));
    }

    [Fact]
    public async Task Parity_next_sample_sends_params_unchanged_apart_from_client_id()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient(o => o.ClientId = "viewer-1");

        var sample = await client.GetNextSampleAsync("first", new Dictionary<string, object?> { ["since"] = "2026-11-24T19:12:29.5+01:00", ["ratio"] = 0.1 });

        WireAssert.JsonEqual("{\"since\":\"2026-11-24T19:12:29.5+01:00\",\"ratio\":0.1,\"client_id\":\"viewer-1\"}", ClientTest.SingleRequest(wire).BodyText);
        Assert.Contains("\"since\":\"2026-11-24T19:12:29.5+01:00\"", ClientTest.SingleRequest(wire).BodyText);
        Assert.Null(sample.Id); // {} means no image is left.
    }

    [Fact]
    public async Task Parity_create_session()
    {
        using var inputs = new TempResultDir();
        var path = ClientTest.WriteInput(inputs.Root, "case.nii.gz", ClientTest.BinaryBytes(30, 100));
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"s-1\",\"session_info\":{\"name\":\"s-1\",\"expiry\":3600}}");

        var created = await wire.CreateClient().CreateSessionAsync(FileParameter.FromFile(path));

        var request = ClientTest.SingleRequest(wire).AssertRoute("PUT", "/session/", "uncompress=false&expiry=0");
        Assert.Equal("case.nii.gz", request.Multipart().Part("files").FileName);
        Assert.Equal("s-1", created.SessionId);
    }

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
        Assert.Equal("SUBMITTED", operation.Status);
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
        Assert.Equal("RUNNING", status.Status);
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
        Assert.Null(anonymous.Rest.ClientId);
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
