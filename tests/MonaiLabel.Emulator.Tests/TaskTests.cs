using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>Background train, scoring and batch-infer tasks.</summary>
public class TaskTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(int Status, JsonElement Body, string Text)> Call(HttpClient http, HttpMethod method, string url, HttpContent? content = null)
    {
        var (status, _, body, _) = await Http.SendAsync(http, new HttpRequestMessage(method, url) { Content = content });
        var text = Http.Text(body);
        return (status, JsonDocument.Parse(text).RootElement, text);
    }

    private static async Task WaitIdle(HttpClient http, string route)
    {
        for (var i = 0; i < 500; i++)
        {
            var (status, _, _) = await Call(http, HttpMethod.Get, route + "?check_if_running=true");
            if (status == 404)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException(route + " still running");
    }

    [Fact]
    public async Task Train_runs_once_at_a_time_queues_on_enqueue_and_stops()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { TaskDuration = TimeSpan.FromSeconds(2) });
        using var http = Http.Client(server);

        var none = await Call(http, HttpMethod.Get, "train/");
        Assert.Equal((404, "{\"detail\":\"No Train Tasks Found\"}"), (none.Status, none.Text));
        var notRunning = await Call(http, HttpMethod.Get, "train/?check_if_running=true");
        Assert.Equal((404, "{\"detail\":\"No Train Tasks are currently Running\"}"), (notRunning.Status, notRunning.Text));
        var idleStop = await Call(http, HttpMethod.Delete, "train/");
        Assert.Equal((200, "null"), (idleStop.Status, idleStop.Text));

        var first = await Call(http, HttpMethod.Post, "train/segmentation_spleen", Json("{\"max_epochs\": 2}"));
        Assert.Equal(200, first.Status);
        Assert.Equal("SUBMITTED", first.Body.GetProperty("status").GetString());
        Assert.Equal("{\"model\":\"segmentation_spleen\",\"max_epochs\":2}", first.Body.GetProperty("request").GetRawText());
        var id = first.Body.GetProperty("id").GetString();

        var running = await Call(http, HttpMethod.Get, "train/?check_if_running=true");
        Assert.Equal(200, running.Status);
        Assert.Equal(id, running.Body.GetProperty("id").GetString());
        Assert.Equal("RUNNING", running.Body.GetProperty("status").GetString());
        Assert.Equal("all", running.Body.GetProperty("request").GetProperty("gpus").GetString());

        var busy = await Call(http, HttpMethod.Post, "train/segmentation_spleen");
        Assert.Equal((429, "{\"detail\":\"++++++++++ Train Task is Already Running\"}"), (busy.Status, busy.Text));

        var queued = await Call(http, HttpMethod.Post, "train/segmentation_spleen?enqueue=true", Json("{\"max_epochs\": 1}"));
        Assert.Equal("SUBMITTED", queued.Body.GetProperty("status").GetString());

        var stopped = await Call(http, HttpMethod.Delete, "train/");
        Assert.Equal("STOPPED", stopped.Body.GetProperty("status").GetString());
        Assert.Equal(id, stopped.Body.GetProperty("id").GetString());
        Assert.True(stopped.Body.TryGetProperty("end_ts", out _));

        // The queued task starts when the first one is stopped.
        var next = await Call(http, HttpMethod.Get, "train/?check_if_running=true");
        Assert.Equal(queued.Body.GetProperty("id").GetString(), next.Body.GetProperty("id").GetString());
        await WaitIdle(http, "train/");

        var all = await Call(http, HttpMethod.Get, "train/?all=true");
        Assert.Equal(2, all.Body.GetArrayLength());
        Assert.Equal("STOPPED", all.Body[0].GetProperty("status").GetString());
        Assert.Equal("DONE", all.Body[1].GetProperty("status").GetString());

        // A model without a trainer fails in its task, as the server's subprocess does.
        await Call(http, HttpMethod.Post, "train/deepedit");
        await WaitIdle(http, "train/");
        var failed = await Call(http, HttpMethod.Get, "train/");
        Assert.Equal("ERROR", failed.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scoring_and_batch_infer_work_on_the_datastore()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 2, TaskDuration = TimeSpan.FromSeconds(1) });
        using var client = new MonaiLabelClient(server.Url);
        using var http = Http.Client(server);

        var none = await Call(http, HttpMethod.Get, "batch/infer");
        Assert.Equal((404, "{\"detail\":\"No Batch_infer Tasks Found\"}"), (none.Status, none.Text));

        var batch = await Call(http, HttpMethod.Post, "batch/infer/segmentation_spleen?images=all");
        Assert.Equal("{\"model\":\"segmentation_spleen\",\"images\":\"all\",\"device\":\"cuda\",\"multi_gpu\":true,\"gpus\":\"all\",\"logging\":\"WARNING\",\"save_label\":true,\"label_tag\":\"original\",\"max_workers\":1,\"max_batch_size\":0}", batch.Body.GetProperty("request").GetRawText());
        await WaitIdle(http, "batch/infer");
        Assert.Equal("DONE", (await Call(http, HttpMethod.Get, "batch/infer")).Body.GetProperty("status").GetString());
        var stats = await client.GetDatastoreStatsAsync();
        Assert.Equal(2, stats.LabelTags!["original"]);
        var image = await http.GetByteArrayAsync("datastore/image?image=case_01");
        Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), await http.GetByteArrayAsync("datastore/label?label=case_01&tag=original"));
        var labelInfo = await Call(http, HttpMethod.Get, "datastore/label/info?label=case_01&tag=original");
        Assert.Equal("segmentation_spleen", labelInfo.Body.GetProperty("model").GetString());

        // Final label = the prediction for case_01 (dice 1.0); an empty final label for case_02 (dice 0.0).
        await client.UploadLabelAsync("case_01", new FileParameter(new MemoryStream(MonaiLabelEmulator.ComputeLabel(image)), "case_01.nii.gz"));
        await client.UploadLabelAsync("case_02", new FileParameter(new MemoryStream(new byte[image.Length]), "case_02.nii.gz"));
        var scores = await Call(http, HttpMethod.Post, "scoring/dice?run_sync=true");
        Assert.Equal("{\"case_01\":1.0,\"case_02\":0.0}", scores.Text);
        var info = await client.GetImageInfoAsync("case_01");
        Assert.Equal(1.0, Convert.ToDouble(info.AdditionalProperties["dice"]));

        var background = await Call(http, HttpMethod.Post, "scoring/dice");
        Assert.Equal("SUBMITTED", background.Body.GetProperty("status").GetString());
        Assert.Equal(429, (await Call(http, HttpMethod.Post, "scoring/dice")).Status);
        await WaitIdle(http, "scoring/");
        Assert.Equal("DONE", (await Call(http, HttpMethod.Get, "scoring/")).Body.GetProperty("status").GetString());
    }
}
