using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>
/// <see cref="MonaiLabelEmulatorOptions.Interactive"/>: the interactive models of <c>mlref --interactive</c>, their
/// refusals of missing or malformed prompts (500 text/plain, as the real models' exceptions) and what each model
/// reports it received (<c>params.mlref.received</c>). Every expected answer here was first seen on the reference
/// server; the conformance suite runs the same prompts against both.
/// </summary>
public sealed class InteractiveModelTests : IAsyncLifetime
{
    private static readonly string[] InteractiveNames = { "deepgrow_2d", "deepgrow_3d", "deepedit_seg", "sam_2d", "sam_3d", "Histogram+GraphCut" };
    private MonaiLabelEmulator server = null!;
    private HttpClient http = null!;
    private readonly byte[] image = Data.Volume(22, 3000);

    public async Task InitializeAsync()
    {
        server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { Interactive = true });
        http = Http.Client(server);
        var put = await http.PutAsync("datastore/image?image=img1", Http.Form(null, ("file", "img1.nii.gz", image)));
        Assert.Equal(200, (int)put.StatusCode);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Info_lists_the_interactive_models_exactly_as_the_reference_server_does()
    {
        // Fixtures/interactive_models.real.json: the six entries of mlref --interactive's /info/, as FastAPI wrote them.
        using var real = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "interactive_models.real.json")));
        using var info = JsonDocument.Parse(await http.GetStringAsync("info/"));
        var models = info.RootElement.GetProperty("models");
        Assert.Equal(
            new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" }.Concat(InteractiveNames),
            models.EnumerateObject().Select(p => p.Name));
        foreach (var entry in real.RootElement.EnumerateObject())
        {
            Assert.Equal(entry.Value.GetRawText(), models.GetProperty(entry.Name).GetRawText());
        }

        Assert.Contains("liver", info.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Without_the_option_the_model_list_is_unchanged()
    {
        await using var plain = await MonaiLabelEmulator.StartAsync();
        using var client = Http.Client(plain);
        using var info = JsonDocument.Parse(await client.GetStringAsync("info/"));
        Assert.Equal(
            new[] { "segmentation_spleen", "deepedit", "segmentation_tissue" },
            info.RootElement.GetProperty("models").EnumerateObject().Select(p => p.Name));
        var answer = await client.PostAsync("infer/deepgrow_2d?image=x", Http.Form("{\"foreground\": [[1, 2, 3]]}"));
        Assert.Equal(500, (int)answer.StatusCode);
    }

    [Theory]
    [InlineData("deepgrow_2d", "{}")] // no foreground
    [InlineData("deepgrow_3d", "{\"foreground\": []}")] // an empty foreground
    [InlineData("deepgrow_3d", "{\"foreground\": \"x\"}")] // not a list
    [InlineData("sam_2d", "{\"foreground\": [[1, 2, 3]]}")] // SAM2 reads background unguarded
    [InlineData("sam_3d", "{\"foreground\": [[1, 2]], \"background\": []}")] // a point of two coordinates
    [InlineData("deepgrow_2d", "{\"foreground\": [[1, 2, 3]], \"background\": [[1, 2]]}")] // a bad background point
    [InlineData("deepgrow_2d", "{\"foreground\": [[1, 2, 3]], \"background\": \"abc\"}")] // list("abc") has no points
    [InlineData("deepgrow_2d", "{\"foreground\": [[1.5, \"a\", null]], \"background\": 5}")] // list(5): a TypeError
    [InlineData("deepedit", "{\"mlref_require_clicks\": true, \"foreground\": [[1, 2, 3]]}")] // no points under a label name
    [InlineData("Histogram+GraphCut", "{\"label_info\": [{\"name\": \"background_scribbles\", \"id\": 2}]}")] // no label file
    public async Task A_missing_or_malformed_prompt_fails_as_the_real_model_does(string model, string parameters)
    {
        var (status, type, body, _) = await Http.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, $"infer/{Uri.EscapeDataString(model)}?image=img1&output=json")
        {
            Content = Http.Form(parameters),
        });
        Assert.Equal(500, status);
        Assert.Equal("text/plain; charset=utf-8", type);
        Assert.Equal("Internal Server Error", Http.Text(body));
    }

    [Fact]
    public async Task A_label_key_in_params_replaces_the_uploaded_scribbles_file_and_the_model_refuses()
    {
        var status = (await Http.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "infer/Histogram%2BGraphCut?image=img1&output=json")
        {
            Content = Http.Form("{\"label\": \"x\"}", ("label", "s.nrrd", new byte[] { 1, 2 })),
        })).Status;
        Assert.Equal(500, status);
    }

    [Theory]
    [InlineData("deepgrow_2d", "{\"foreground\": [[1, 2, 3]]}", "{\"foreground\":[[1,2,3]],\"description\":\"fake deepgrow 2D\"}")]
    [InlineData("sam_2d", "{\"foreground\": [[1, 2, 3]], \"background\": []}", "{\"foreground\":[[1,2,3]],\"background\":[],\"description\":\"fake SAM2 2D\"}")]
    [InlineData("deepgrow_2d", "{\"foreground\": [[1, 2, 3]], \"background\": 0}", "{\"foreground\":[[1,2,3]],\"background\":0,\"description\":\"fake deepgrow 2D\"}")]
    [InlineData("deepgrow_2d", "{\"foreground\": [[1.5, \"a\", null]]}", "{\"foreground\":[[1.5,\"a\",null]],\"description\":\"fake deepgrow 2D\"}")]
    [InlineData(
        "deepedit",
        "{\"spleen\": [[1, 2, 3]], \"liver\": [], \"background\": [], \"label\": \"spleen\"}",
        "{\"spleen\":[[1,2,3]],\"liver\":[],\"background\":[],\"label\":\"spleen\",\"description\":\"Emulated interactive DeepEdit model (threshold model)\"}")]
    [InlineData("deepedit", "{\"mlref_require_clicks\": true, \"spleen\": []}", "{\"mlref_require_clicks\":true,\"spleen\":[],\"description\":\"Emulated interactive DeepEdit model (threshold model)\"}")]
    public async Task An_accepted_prompt_is_reported_as_received_key_by_key_in_request_order(string model, string parameters, string received)
    {
        var answer = await InferJsonAsync(model, "image=img1", Http.Form(parameters));
        Assert.Equal(received, Received(answer));
        Assert.Equal(model, (string?)answer["model"]);
        Assert.False((bool)answer["mlref"]!["session"]!);
        Assert.Equal(Sha(image), (string?)answer["mlref"]!["input_sha256"]);
        Assert.Equal(Sha(MonaiLabelEmulator.ComputeLabel(image)), (string?)answer["mlref"]!["label_sha256"]);
        Assert.Equal(image.Length, (int)answer["mlref"]!["input_size"]!);
    }

    [Theory]
    [InlineData("s.nrrd", ".nrrd")]
    [InlineData("a.seg.nrrd", ".seg.nrrd")]
    [InlineData("noext", "")]
    public async Task A_scribbles_label_file_is_reported_by_digest_suffix_and_size(string fileName, string ext)
    {
        var scribbles = Data.Volume(5, 100);
        var answer = await InferJsonAsync("Histogram+GraphCut", "image=img1", Http.Form(
            "{\"label_info\": [{\"name\": \"background_scribbles\", \"id\": 2}], \"roi\": [1, 2, 3, 4, 5, 6]}",
            ("label", fileName, scribbles)));
        Assert.Equal(
            $"{{\"label_file\":{{\"sha256\":\"{Sha(scribbles)}\",\"ext\":\"{ext}\",\"size\":100}},\"label_info\":[{{\"name\":\"background_scribbles\",\"id\":2}}],\"roi\":[1,2,3,4,5,6],\"description\":\"fake histogram GraphCut\"}}",
            Received(answer));
        Assert.Empty(Directory.GetFiles(Path.Combine(server.DataDirectory, "tmp")));
    }

    [Fact]
    public async Task An_uploaded_image_and_a_session_are_reported_with_save_label_false()
    {
        var upload = await InferJsonAsync("deepgrow_3d", string.Empty, Http.Form("{\"foreground\": [[1, 2, 3]]}", ("file", "x.nii.gz", image)));
        Assert.Equal("{\"foreground\":[[1,2,3]],\"description\":\"fake deepgrow 3D\",\"save_label\":false}", Received(upload));

        var created = JsonNode.Parse(await (await http.PutAsync("session/", Http.Form(null, ("files", "s.nii.gz", image)))).Content.ReadAsStringAsync())!;
        var session = (string)created["session_id"]!;
        var onSession = await InferJsonAsync("sam_3d", "session_id=" + session, Http.Form("{\"foreground\": [[1, 2, 3]], \"background\": null, \"slice\": 4}"));
        Assert.Equal("{\"foreground\":[[1,2,3]],\"background\":null,\"slice\":4,\"description\":\"fake SAM2 3D\",\"save_label\":false}", Received(onSession));
        Assert.True((bool)onSession["mlref"]!["session"]!);
    }

    [Fact]
    public async Task Result_extension_names_the_result_file_and_a_non_string_one_fails()
    {
        var answer = await http.PostAsync("infer/deepgrow_2d?image=img1&output=image", Http.Form("{\"foreground\": [[1, 2, 3]], \"result_extension\": \".nrrd\", \"result_dtype\": \"uint8\"}"));
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.EndsWith(".nrrd", answer.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), await answer.Content.ReadAsByteArrayAsync());

        var bad = await http.PostAsync("infer/deepgrow_2d?image=img1&output=json", Http.Form("{\"foreground\": [[1, 2, 3]], \"result_extension\": 5}"));
        Assert.Equal(500, (int)bad.StatusCode);
    }

    [Fact]
    public async Task Options_refuse_a_model_name_taken_twice_and_a_config_value_of_another_shape()
    {
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
        {
            Interactive = true,
            Models = new List<EmulatorModel> { new("sam_2d", "deepgrow") },
        }));
        Assert.Contains("unique", twice.Message, StringComparison.Ordinal);

        var shape = await Assert.ThrowsAsync<ArgumentException>(() => MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
        {
            Models = new List<EmulatorModel> { new("m", "segmentation") { Config = new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch } } },
        }));
        Assert.Contains("'m'", shape.Message, StringComparison.Ordinal);
        Assert.Contains("'when'", shape.Message, StringComparison.Ordinal);
    }

    private async Task<JsonNode> InferJsonAsync(string model, string query, HttpContent form)
    {
        var answer = await http.PostAsync($"infer/{Uri.EscapeDataString(model)}?{query}{(query.Length > 0 ? "&" : string.Empty)}output=json", form);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(200 == (int)answer.StatusCode, text);
        var node = JsonNode.Parse(text)!;
        node["raw"] = text;
        return node;
    }

    /// <summary>params.mlref.received exactly as the server wrote it (FastAPI's compact JSON).</summary>
    private static string Received(JsonNode answer)
    {
        using var doc = JsonDocument.Parse((string)answer["raw"]!);
        return doc.RootElement.GetProperty("mlref").GetProperty("received").GetRawText();
    }

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
