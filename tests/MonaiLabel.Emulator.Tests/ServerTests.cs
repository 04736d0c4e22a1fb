using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>The server's lifetime, files, models, logs and WSI answers.</summary>
public class ServerTests
{
    [Fact]
    public async Task Dispose_stops_the_server_frees_the_port_and_deletes_the_data_folder()
    {
        var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 1 });
        var port = server.Port;
        var folder = server.DataDirectory;
        Assert.Equal($"http://127.0.0.1:{port}/", server.Url.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "studies", "case_01.nii.gz")));
        Assert.True(File.Exists(Path.Combine(folder, "studies", "datastore_v2.json")));

        await server.DisposeAsync();
        await server.DisposeAsync();
        Assert.False(Directory.Exists(folder));

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();

        await using var again = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { Port = port });
        Assert.Equal(port, again.Port);
        using var http = Http.Client(again);
        Assert.Equal(200, (int)(await http.GetAsync("info/")).StatusCode);
    }

    [Fact]
    public async Task Model_files_can_be_uploaded_inspected_and_deleted()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var client = new MonaiLabelClient(server.Url);
        var weights = Data.Volume(1, 1000);
        var uploaded = await client.UploadModelAsync("deepedit", new FileParameter(new MemoryStream(weights), "deepedit.pt"));
        Assert.Equal("SHA256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(weights)).ToLowerInvariant(), uploaded.Checksum);
        var info = await client.GetModelInfoAsync("deepedit");
        Assert.Equal(uploaded.Checksum, info.Checksum);
        Assert.Null(info.TrainStats);

        await client.DeleteModelAsync("deepedit");
        var gone = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetModelInfoAsync("deepedit"));
        Assert.Equal("Model File NOT Found for deepedit", gone.Detail);
        Assert.Single(Directory.GetFiles(Path.Combine(server.DataDirectory, "model"), "deepedit.pt.*.deleted"));
    }

    [Fact]
    public async Task Dataset_zip_logs_and_datastore_listings()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 3 });
        using var client = new MonaiLabelClient(server.Url);
        using var http = Http.Client(server);
        foreach (var id in new[] { "case_01", "case_03" })
        {
            await client.UploadLabelAsync(id, new FileParameter(new MemoryStream(new byte[] { 1, 0, 1 }), "x.nii.gz"));
        }

        var zip = await http.GetAsync("datastore/dataset");
        Assert.Equal("attachment; filename=\"dataset.zip\"", Http.Header(zip, "content-disposition"));
        using (var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal(
                new[] { "image/case_01.nii.gz", "label/case_01.nii.gz", "image/case_03.nii.gz", "label/case_03.nii.gz", "metadata.json" },
                archive.Entries.Select(e => e.FullName).ToArray());
        }

        var train = JsonDocument.Parse(await http.GetStringAsync("datastore/?output=train")).RootElement;
        Assert.Equal(2, train.GetArrayLength());
        Assert.Equal(Path.Combine(server.StudiesDirectory, "labels", "final", "case_03.nii.gz"), train[1].GetProperty("label").GetString());

        var all = JsonDocument.Parse(await http.GetStringAsync("datastore/?output=all")).RootElement;
        Assert.Equal("{\"ext\":\".nii.gz\",\"info\":{\"ts\":", all.GetProperty("objects").GetProperty("case_02").GetProperty("image").GetRawText().Substring(0, 30));
        Assert.Equal("{\"total\":3,\"completed\":2,\"label_tags\":{\"final\":2}}", await http.GetStringAsync("datastore/"));

        var text = await http.GetAsync("logs/?text=true&lines=5");
        Assert.Equal("text/plain; charset=utf-8", text.Content.Headers.ContentType!.ToString());
        Assert.Contains("Saving Label for case_03", await text.Content.ReadAsStringAsync());
        var html = await http.GetAsync("logs/");
        Assert.Equal("text/html; charset=utf-8", html.Content.Headers.ContentType!.ToString());
        Assert.Equal("text/plain; charset=utf-8", (await http.GetAsync("logs/gpu")).Content.Headers.ContentType!.ToString());

        // The legacy upload route and id-from-file-name.
        var legacy = await http.PutAsync("datastore/", Http.Form("{}", ("file", "/home/me/from_path.nii.gz", new byte[] { 9 })));
        Assert.Equal("{\"image\":\"from_path\"}", await legacy.Content.ReadAsStringAsync());
        Assert.Equal("null", await (await http.PutAsync("datastore/image/info?image=from_path", new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("info", "{\"reviewed\": true}") }))).Content.ReadAsStringAsync());
        Assert.Contains("\"reviewed\":true", await http.GetStringAsync("datastore/image/info?image=from_path"));
    }

    [Fact]
    public async Task Wsi_infer_answers_dsa_json_asap_and_plain_json()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 1, SampleImageSize = 8192 });
        using var http = Http.Client(server);
        var wsi = "{\"location\": [0, 0], \"size\": [2048, 1024], \"tile_size\": [512, 512]}";

        // The server tiles only what openslide takes (by extension: .svs, .tif, ...). Checked against the real server
        // code (conformance suite): a .nii.gz answers the plain infer instead, below.
        var bytes = await http.GetByteArrayAsync("datastore/image?image=case_01");
        Assert.Equal(200, (int)(await http.PutAsync("datastore/image?image=slide_01", Http.Form(null, ("file", "slide_01.svs", bytes)))).StatusCode);

        var plain = await http.PostAsync("infer/wsi_v2/segmentation_tissue?image=case_01&output=dsa", new MultipartFormDataContent { { new StringContent(wsi), "wsi" } });
        Assert.Matches("^attachment; filename=\"tmp[a-z0-9_]{8}\\.nii\\.gz\"$", Http.Header(plain, "content-disposition"));
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(bytes), await plain.Content.ReadAsByteArrayAsync());
        var plainJson = await http.PostAsync("infer/wsi_v2/segmentation_tissue?image=case_01&output=json", new MultipartFormDataContent { { new StringContent(wsi), "wsi" } });
        Assert.True(JsonDocument.Parse(await plainJson.Content.ReadAsStringAsync()).RootElement.TryGetProperty("label_names", out _));

        var json = await http.PostAsync("infer/wsi_v2/segmentation_tissue?image=slide_01", new MultipartFormDataContent { { new StringContent(wsi), "wsi" } });
        Assert.Equal("application/json", json.Content.Headers.ContentType!.ToString());
        var result = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(8, result.GetProperty("annotations").GetArrayLength());
        Assert.Equal("MONAILabel Annotations - segmentation_tissue for [0, 0, 2048, 1024]", result.GetProperty("name").GetString());

        var dsa = await http.PostAsync("infer/wsi_v2/segmentation_tissue?image=slide_01&output=dsa", new MultipartFormDataContent { { new StringContent(wsi), "wsi" } });
        Assert.Equal("application/json", dsa.Content.Headers.ContentType!.ToString());
        Assert.Matches("^attachment; filename=\"tmp[a-z0-9_]{8}\\.json\"$", Http.Header(dsa, "content-disposition"));
        var doc = JsonDocument.Parse(await dsa.Content.ReadAsStringAsync()).RootElement;
        var elements = doc.GetProperty("elements");
        Assert.True(elements.GetArrayLength() > 0);
        Assert.Equal("polyline", elements[0].GetProperty("type").GetString());
        Assert.Equal(elements.GetArrayLength(), JsonDocument.Parse(doc.GetProperty("description").GetString()!).RootElement.GetProperty("count").GetInt32());

        var asap = await http.PostAsync("infer/wsi/segmentation_tissue?image=slide_01&output=asap", new StringContent(wsi, Encoding.UTF8, "application/json"));
        Assert.Equal("text/xml; charset=utf-8", asap.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("<?xml version=\"1.0\"?>\n<ASAP_Annotations>", await asap.Content.ReadAsStringAsync());
    }
}
