using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>
/// Every prompt kind the real clients send (clients.md) to the interactive models of upstream's radiology app, on a
/// server that serves them (mlref <c>--interactive</c>, the emulator's <c>Interactive</c>), checked against what the
/// model received (<c>params.mlref.received</c>: every request key but image/session/model, the app's
/// <c>description</c>, an uploaded label file by digest) and against the label the target's fake model answers.
/// .ci/run runs these against their own reference server: <c>interactive (real server): N passed, N failed</c>.
/// </summary>
[Collection(TargetCollection.Name)]
[Trait("Category", "Interactive")]
public sealed class InteractiveScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Info_describes_each_interactive_model_as_upstreams_radiology_app_registers_it()
    {
        var info = await (await InteractiveClientAsync()).GetAppInfoAsync();
        void Is(string name, string type, int dimension, string labels, string config)
        {
            var m = info.Models![name];
            Assert.Equal(type, m.Type);
            Assert.Equal(dimension, m.Dimension);
            Assert.Equal(labels, JToken.FromObject(m.Labels!).ToString(Formatting.None));
            Assert.Equal(config, JToken.FromObject(m.Config!).ToString(Formatting.None));
        }

        const string Cache = "{\"cache_transforms\":true,\"cache_transforms_in_memory\":true,\"cache_transforms_ttl\":300}";
        const string Sam = "{\"device\":[\"cuda\"],\"reset_state\":false,\"largest_cc\":false,\"pylab\":false}";
        Is("deepgrow_2d", "deepgrow", 2, "[]", Cache);
        Is("deepgrow_3d", "deepgrow", 3, "[]", Cache);
        Is("sam_2d", "deepgrow", 2, "[]", Sam);
        Is("sam_3d", "deepgrow", 3, "[]", Sam);
        Is("deepedit_seg", "segmentation", 3, "{\"spleen\":1,\"liver\":2}", "{}");
        Is("Histogram+GraphCut", "scribbles", 3, "{\"spleen\":1,\"liver\":2}", "{\"lamda\":1.0,\"sigma\":0.1,\"num_bins\":64}");
    }

    [Fact]
    public async Task Deepgrow_2d_clicks_as_Slicer_sends_them_reach_the_model_as_sent()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["label"] = "spleen",
            ["foreground"] = new[] { new[] { 10, 20, 5 }, new[] { 11, 21, 5 } },
            ["background"] = new[] { new[] { 1, 2, 5 } },
            ["slice"] = 5,
            ["reset_state"] = false,
        };
        await InferAndCheckAsync("deepgrow_2d", prompt);
    }

    [Fact]
    public async Task Deepgrow_3d_clicks_with_an_roi_reach_the_model_as_sent()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["foreground"] = new[] { new[] { 10, 20, 30 } },
            ["background"] = new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } },
            ["roi"] = new[] { 0, 64, 0, 64, 0, 32 },
        };
        await InferAndCheckAsync("deepgrow_3d", prompt);
    }

    [Fact]
    public async Task Sam2_2d_clicks_on_one_slice_with_the_slice_named_reach_the_model()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["foreground"] = new[] { new[] { 10, 20, 7 } },
            ["background"] = new int[0][],
            ["slice"] = 7,
        };
        await InferAndCheckAsync("sam_2d", prompt);
    }

    [Fact]
    public async Task Sam2_3d_box_prompt_reaches_the_model_with_its_background_key()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["foreground"] = new[] { new[] { 10, 20, 30 } },
            ["background"] = new int[0][],
            ["roi"] = new[] { 5, 50, 6, 60, 7, 70 },
            ["reset_state"] = true,
        };
        await InferAndCheckAsync("sam_3d", prompt);
    }

    /// <summary>Upstream's SAM2 given 2D points on two slices and no <c>slice</c> does not fail: it silently uses one.</summary>
    [Fact]
    public async Task Sam2_2d_points_on_two_slices_without_a_slice_are_not_refused_by_the_server()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["foreground"] = new[] { new[] { 10, 20, 3 }, new[] { 10, 20, 9 } },
            ["background"] = new int[0][],
        };
        await InferAndCheckAsync("sam_2d", prompt);
    }

    [Fact]
    public async Task Deepedit_points_per_label_with_the_current_label_reach_the_model()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["spleen"] = new[] { new[] { 10, 20, 30 } },
            ["label"] = "spleen",
            ["background"] = new[] { new[] { 1, 2, 3 } },
        };
        await InferAndCheckAsync("deepedit", prompt);
    }

    [Fact]
    public async Task Scribbles_with_a_label_file_and_label_info_reach_the_model_with_the_file_by_digest()
    {
        var scribbles = Data(NewId("scr"), 512);
        var prompt = new Dictionary<string, object?>
        {
            ["label_info"] = new[]
            {
                new Dictionary<string, object?> { ["name"] = "background_scribbles", ["id"] = 2 },
                new Dictionary<string, object?> { ["name"] = "foreground_scribbles", ["id"] = 3 },
            },
            ["roi"] = new[] { 0, 10, 0, 10, 0, 10 },
        };
        var labelFile = new JObject { ["sha256"] = Sha256(scribbles), ["ext"] = ".seg.nrrd", ["size"] = scribbles.Length };
        await InferAndCheckAsync("Histogram+GraphCut", prompt, label: FileParameter.FromFile(WriteFile("scribbles.seg.nrrd", scribbles)), labelFile: labelFile);
    }

    [Fact]
    public async Task Result_options_reach_the_writer_and_name_the_result_file()
    {
        var prompt = new Dictionary<string, object?>
        {
            ["foreground"] = new[] { new[] { 1, 2, 3 } },
            ["result_extension"] = ".nrrd",
            ["result_dtype"] = "uint8",
            ["result_compress"] = false,
            ["restore_label_idx"] = true,
        };
        var result = await InferAndCheckAsync("deepgrow_3d", prompt);
        Assert.EndsWith(".nrrd", result.Label!.FileName);
    }

    [Fact]
    public async Task Clicks_on_a_session_run_on_the_sessions_volume()
    {
        var client = await InteractiveClientAsync();
        var bytes = Data(NewId("isess"), 2500);
        var session = await client.CreateSessionAsync(FileParameter.FromFile(WriteFile("vol.nii.gz", bytes)));
        var prompt = new Dictionary<string, object?> { ["foreground"] = new[] { new[] { 3, 4, 5 } }, ["background"] = new int[0][] };
        var result = await client.InferAsync("sam_3d", new InferRequest { SessionId = session.SessionId, Params = prompt, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.True((bool)result.Params!["mlref"]!["session"]!);
        Assert.Equal(Expected(prompt, await DescriptionAsync("sam_3d"), saveLabelFalse: true), Received(result));
        await client.DeleteSessionAsync(session.SessionId!);
    }

    /// <summary>CVAT and MITK send the image itself with the prompt (no image id).</summary>
    [Fact]
    public async Task Clicks_with_the_image_uploaded_in_the_same_request_as_CVAT_sends_them()
    {
        var client = await InteractiveClientAsync();
        var bytes = Data(NewId("cvat"), 2000);
        var prompt = new Dictionary<string, object?>
        {
            ["output"] = "mask",
            ["foreground"] = new[] { new[] { 3, 4, 0 } },
            ["background"] = new[] { new[] { 9, 9, 0 } },
            ["roi"] = new[] { 0, 0, 32, 32 },
        };
        var result = await client.InferAsync("deepgrow_2d", new InferRequest { File = FileParameter.FromFile(WriteFile("frame.jpg", bytes)), Params = prompt, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.Equal(Expected(prompt, await DescriptionAsync("deepgrow_2d"), saveLabelFalse: true), Received(result));
    }

    [Theory]
    [InlineData("deepgrow_2d", "{}")] // no foreground
    [InlineData("deepgrow_3d", "{\"foreground\": []}")] // an empty foreground
    [InlineData("sam_2d", "{\"foreground\": [[1, 2, 3]]}")] // SAM2 reads background unguarded
    [InlineData("sam_3d", "{\"foreground\": [[1, 2]], \"background\": []}")] // a point that is not [x, y, z]
    [InlineData("deepgrow_3d", "{\"foreground\": [[1, 2, 3]], \"background\": [[1, 2, 3, 4]]}")] // a background point of four
    [InlineData("deepedit", "{\"mlref_require_clicks\": true, \"label\": \"spleen\"}")] // DeepEdit without points under a label
    [InlineData("Histogram+GraphCut", "{\"label_info\": [{\"name\": \"background_scribbles\", \"id\": 2}]}")] // scribbles without a label file
    public async Task A_missing_or_malformed_prompt_is_an_opaque_server_error_and_leaves_no_file(string model, string prompt)
    {
        var client = await InteractiveClientAsync();
        var id = NewId("refused");
        await SeedImageAsync(id, client);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.InferAsync(model, new InferRequest
        {
            ImageId = id,
            Params = JObject.Parse(prompt).ToObject<Dictionary<string, object?>>(),
            ResultDirectory = Temp,
        }));
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
        Assert.Empty(Directory.GetFiles(Temp, "*", SearchOption.AllDirectories));

        // The same client works at once afterwards (the server closes the connection after a 500).
        Assert.NotNull((await client.GetAppInfoAsync()).Models!["deepgrow_2d"]);
    }

    private MonaiLabelClient? interactiveClient;

    private async Task<MonaiLabelClient> InteractiveClientAsync() =>
        interactiveClient ??= Own(new MonaiLabelClient(await Server.InteractiveUrlAsync()));

    private async Task<string> DescriptionAsync(string model) =>
        (await (await InteractiveClientAsync()).GetAppInfoAsync()).Models![model].Description!;

    /// <summary>Infers on a fresh image by id; checks the label and that the model received exactly the prompt.</summary>
    private async Task<InferResult> InferAndCheckAsync(string model, Dictionary<string, object?> prompt, FileParameter? label = null, JObject? labelFile = null)
    {
        var client = await InteractiveClientAsync();
        var id = NewId("click");
        var image = await SeedImageAsync(id, client);
        var result = await client.InferAsync(model, new InferRequest { ImageId = id, Params = prompt, Label = label, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));
        Assert.Equal(model, (string?)result.Params!["model"]);
        Assert.False((bool)result.Params["mlref"]!["session"]!);
        Assert.Equal(Expected(prompt, await DescriptionAsync(model), labelFile: labelFile), Received(result));
        return result;
    }

    /// <summary>What the model should report: the uploaded label file first, the prompt's keys, the app's description.</summary>
    private static string Expected(Dictionary<string, object?> prompt, string description, JObject? labelFile = null, bool saveLabelFalse = false)
    {
        var expected = new JObject();
        if (labelFile != null)
        {
            expected["label_file"] = labelFile;
        }

        foreach (var kv in JObject.FromObject(prompt))
        {
            expected[kv.Key] = kv.Value;
        }

        expected["description"] = description;
        if (saveLabelFalse)
        {
            expected["save_label"] = false;
        }

        return expected.ToString(Formatting.None);
    }

    private static string Received(InferResult result) => result.Params!["mlref"]!["received"]!.ToString(Formatting.None);
}
