using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>
/// Replays the real server's captured requests (shared/reference/wire), in their order, against the emulator and
/// compares the answers: byte for byte where the real answer does not depend on the fake app behind it, by structure
/// (boundaries, temp names, label bytes) where it does.
/// </summary>
public class WireReplayTests
{
    private static readonly Regex TempName = new("tmp[a-z0-9_]{8}", RegexOptions.Compiled);

    [Fact]
    public async Task Replaying_the_captures_gives_the_real_servers_answers()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(50) });
        using var http = Http.Client(server);

        async Task<(int Status, string? ContentType, byte[] Body, HttpResponseMessage Response, CapturedMessage Expected)> Replay(string name)
        {
            var request = CapturedMessage.Load(name, request: true);
            var expected = CapturedMessage.Load(name, request: false);
            var (status, contentType, body, response) = await Http.SendAsync(http, request.ToRequest(server.Url));
            Assert.True(expected.Status == status, $"{name}: status {status}, expected {expected.Status}; body {Http.Text(body)}");
            return (status, contentType, body, response, expected);
        }

        async Task Exact(string name)
        {
            var (_, contentType, body, _, expected) = await Replay(name);
            Assert.True(expected.Header("content-type") == contentType, $"{name}: content-type {contentType}, expected {expected.Header("content-type")}");
            Assert.True(expected.Body.SequenceEqual(body), $"{name}: body {Http.Text(body)}, expected {expected.BodyText}");
        }

        async Task Head(string name)
        {
            var (_, contentType, body, response, expected) = await Replay(name);
            Assert.Empty(body);
            Assert.Equal(expected.Header("content-type"), contentType);
            Assert.Equal(expected.Header("content-length"), response.Content.Headers.ContentLength?.ToString());
        }

        async Task File(string name)
        {
            var (_, contentType, body, response, expected) = await Replay(name);
            Assert.Equal(expected.Header("content-type"), contentType);
            Assert.Equal(expected.Header("content-disposition"), Http.Header(response, "content-disposition"));
            Assert.Equal(expected.Body, body);
            Assert.Matches("^\"?[0-9a-f]{32}\"?$", Http.Header(response, "etag"));
            Assert.NotNull(response.Content.Headers.LastModified);
        }

        async Task Multipart(string name, string image)
        {
            var (_, contentType, body, _, expected) = await Replay(name);
            var expectedSkeleton = Skeleton(expected.Header("content-type")!, expected.Body, out _, out var expectedJson);
            var skeleton = Skeleton(contentType!, body, out var data, out var json);
            Assert.Equal(expectedSkeleton, skeleton);
            Assert.Matches("^multipart/form-data; boundary=[0-9a-f]{32}$", contentType);
            Assert.Equal(MonaiLabelEmulator.ComputeLabel(await http.GetByteArrayAsync("datastore/image?image=" + image)), data);

            // json.dumps: ", " and ": " separators, floats as 0.0, the same leading keys as the real answer.
            const string Lead = "{\"label_names\": {\"spleen\": 1}, \"latencies\": {\"pre\": 0.0, \"infer\": ";
            Assert.StartsWith(Lead, expectedJson);
            Assert.StartsWith(Lead, json);
            Assert.Contains("\"transform\": null}, \"centroids\": {}", json);
        }

        await Exact("00_put_datastore_image");
        await Exact("01_put_datastore_image_nonascii_id");
        await Exact("02_put_datastore_label_nonascii_id");
        await Exact("03_put_datastore_label");

        var (_, infoType, infoBody, _, infoExpected) = await Replay("10_get_info");
        Assert.Equal("application/json", infoType);
        AssertSameKeys(JsonDocument.Parse(infoExpected.Body).RootElement, JsonDocument.Parse(infoBody).RootElement, "info", depth: 2);

        await Multipart("11_post_infer_multipart", "wire_case");
        await Multipart("12_post_infer_multipart_nobody", "wire_case");

        var wireCase = await http.GetByteArrayAsync("datastore/image?image=wire_case");
        foreach (var name in new[] { "13_post_infer_output_image", "15_post_infer_dotnet_style_upload" })
        {
            var (_, type, body, response, expected) = await Replay(name);
            Assert.Equal(expected.Header("content-type"), type);
            Assert.Matches("^attachment; filename=\"tmp[a-z0-9_]{8}\\.nii\\.gz\"$", Http.Header(response, "content-disposition"));
            Assert.Equal(MonaiLabelEmulator.ComputeLabel(wireCase), body);
        }

        var (_, jsonType, jsonBody, _, jsonExpected) = await Replay("14_post_infer_output_json");
        Assert.Equal(jsonExpected.Header("content-type"), jsonType);
        Assert.StartsWith("{\"label_names\":{\"spleen\":1},\"latencies\":{\"pre\":0.0,", Http.Text(jsonBody));
        Assert.StartsWith("{\"label_names\":{\"spleen\":1},\"latencies\":{\"pre\":0.0,", jsonExpected.BodyText);

        await Exact("16_put_datastore_seed_encoded");
        await Multipart("17_post_infer_seed_encoded", "seed_case");

        await File("20_get_datastore_label_nonascii");
        await File("21_get_datastore_label_ascii");
        await File("22_get_datastore_image");

        var (_, _, model, modelResponse, modelExpected) = await Replay("23_get_model");
        Assert.Equal(modelExpected.Header("content-disposition"), Http.Header(modelResponse, "content-disposition"));
        Assert.Equal(4096, model.Length);

        await Head("30_head_datastore_image");
        await Head("31_head_datastore_image_missing");
        await Head("32_head_datastore_image_checksum_bad");

        foreach (var name in new[]
                 {
                     "40_404_datastore_image_missing", "41_404_unknown_route", "42_404_session_missing", "43_422_missing_query",
                     "44_422_bad_enum", "45_422_missing_file", "46_500_unknown_model", "47_500_no_input", "48_405_method",
                     "49_404_train_status_none",
                 })
        {
            await Exact(name);
        }

        var (_, _, _, methodResponse, _) = await Replay("48_405_method");
        Assert.Equal("GET", Http.Header(methodResponse, "allow"));

        // After a training the info carries train stats shaped as the real ones.
        var started = await http.PostAsync("train/segmentation_spleen", new StringContent("{\"max_epochs\": 3}", Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)started.StatusCode);
        for (var i = 0; i < 100 && (await http.GetAsync("train/?check_if_running=true")).StatusCode == System.Net.HttpStatusCode.OK; i++)
        {
            await Task.Delay(20);
        }

        var trained = JsonDocument.Parse(await http.GetByteArrayAsync("info/")).RootElement;
        var stats = trained.GetProperty("train_stats").GetProperty("segmentation_spleen");
        AssertSameKeys(JsonDocument.Parse(infoExpected.Body).RootElement.GetProperty("train_stats").GetProperty("segmentation_spleen"), stats, "train_stats", depth: 3);
        Assert.Equal(3, stats.GetProperty("total_epochs").GetInt32());
    }

    [Fact]
    public async Task Replaying_the_auth_captures_gives_the_real_servers_answers()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { AuthEnabled = true });
        using var http = Http.Client(server);
        var annotator = "Bearer " + server.CreateAccessToken("annotator");

        async Task<(int, string?, byte[], HttpResponseMessage, CapturedMessage)> Replay(string name, bool replaceToken = false)
        {
            var request = CapturedMessage.Load(name, request: true);
            var expected = CapturedMessage.Load(name, request: false);
            var message = request.ToRequest(server.Url);
            if (replaceToken)
            {
                message.Headers.Remove("Authorization");
                message.Headers.TryAddWithoutValidation("Authorization", annotator);
            }

            var (status, type, body, response) = await Http.SendAsync(http, message);
            Assert.True(expected.Status == status, $"{name}: status {status}, expected {expected.Status}; body {Http.Text(body)}");
            Assert.Equal(expected.Header("content-type"), type);
            return (status, type, body, response, expected);
        }

        var (_, _, settings, _, settingsExpected) = await Replay("50_auth_get_auth");
        AssertSameKeys(JsonDocument.Parse(settingsExpected.Body).RootElement, JsonDocument.Parse(settings).RootElement, "auth", depth: 1);
        Assert.Contains("\"enabled\":true,\"client_id\":\"monailabel-app\"", Http.Text(settings));

        var (_, _, token, _, tokenExpected) = await Replay("51_auth_post_token");
        AssertSameKeys(JsonDocument.Parse(tokenExpected.Body).RootElement, JsonDocument.Parse(token).RootElement, "token", depth: 1);
        var accessToken = JsonDocument.Parse(token).RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal(3, accessToken.Split('.').Length);
        var payload = JsonDocument.Parse(Convert.FromBase64String(Pad(accessToken.Split('.')[1]))).RootElement;
        Assert.True(payload.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("annotator", payload.GetProperty("preferred_username").GetString());

        var (_, _, user, _, userExpected) = await Replay("52_auth_token_valid", replaceToken: true);
        var u = JsonDocument.Parse(user).RootElement;
        var ue = JsonDocument.Parse(userExpected.Body).RootElement;
        AssertSameKeys(ue, u, "user", depth: 1);
        Assert.Equal(ue.GetProperty("username").GetString(), u.GetProperty("username").GetString());
        Assert.Equal(ue.GetProperty("roles").ToString(), u.GetProperty("roles").ToString());

        foreach (var (name, replace) in new[] { ("53_auth_403_role", true), ("54_auth_401_no_token", false), ("55_auth_401_bad_token", false), ("56_auth_500_bad_password", false) })
        {
            var (_, _, body, response, expected) = await Replay(name, replace);
            Assert.True(expected.Body.SequenceEqual(body), $"{name}: {Http.Text(body)} vs {expected.BodyText}");
            Assert.Equal(expected.Header("www-authenticate"), Http.Header(response, "www-authenticate"));
        }
    }

    private static string Pad(string b64)
    {
        b64 = b64.Replace('-', '+').Replace('_', '/');
        return b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
    }

    /// <summary>The multipart body with its boundary, temp names, params JSON and file bytes replaced by placeholders.</summary>
    private static string Skeleton(string contentType, byte[] body, out byte[] data, out string json)
    {
        var boundary = contentType.Substring(contentType.IndexOf("boundary=", StringComparison.Ordinal) + 9).Trim('"');
        var text = Encoding.Latin1.GetString(body);
        var jsonStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var jsonEnd = text.IndexOf("\r\n--" + boundary, jsonStart, StringComparison.Ordinal);
        json = Encoding.UTF8.GetString(body, jsonStart, jsonEnd - jsonStart);
        var dataStart = text.IndexOf("\r\n\r\n", jsonEnd, StringComparison.Ordinal) + 4;
        var dataEnd = text.LastIndexOf("\r\n--" + boundary + "--\r\n", StringComparison.Ordinal);
        data = body.AsSpan(dataStart, dataEnd - dataStart).ToArray();
        var skeleton = text.Substring(0, jsonStart) + "{JSON}" + text.Substring(jsonEnd, dataStart - jsonEnd) + "DATA" + text.Substring(dataEnd);
        return TempName.Replace(skeleton.Replace(boundary, "BOUNDARY", StringComparison.Ordinal), "tmpXXXXXXXX");
    }

    private static void AssertSameKeys(JsonElement expected, JsonElement actual, string path, int depth)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {actual.ValueKind}, expected {expected.ValueKind}");
        if (depth == 0 || expected.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var e = expected.EnumerateObject().Select(p => p.Name).ToList();
        var a = actual.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(e.SequenceEqual(a), $"{path}: keys [{string.Join(",", a)}], expected [{string.Join(",", e)}]");
        foreach (var name in e)
        {
            AssertSameKeys(expected.GetProperty(name), actual.GetProperty(name), path + "." + name, depth - 1);
        }
    }
}
