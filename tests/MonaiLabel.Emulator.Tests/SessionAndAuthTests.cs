using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

public class SessionTests
{
    [Fact]
    public async Task A_session_holds_an_image_serves_infer_and_expires()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var client = new MonaiLabelClient(server.Url);
        using var http = Http.Client(server);
        var results = Data.TempDir();
        try
        {
            var image = Data.Volume(11, 3000);
            var created = await client.CreateSessionAsync(new FileParameter(new MemoryStream(image), "scan.nii.gz"), expiry: 3);
            var id = created.SessionId!;
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            Assert.Equal(id, created.SessionInfo!.Name);
            // 3 s: long enough for the calls below on a loaded machine, short enough to wait out.
            Assert.Equal(3, created.SessionInfo.Expiry);
            Assert.EndsWith(Path.Combine(id, "scan.nii.gz"), created.SessionInfo.Image);

            var info = await client.GetSessionAsync(id);
            Assert.Equal(created.SessionInfo.CreateTs, info.CreateTs);

            var raw = await http.GetAsync($"session/{id}?image=true");
            Assert.Equal("attachment; filename=\"scan.nii.gz\"", Http.Header(raw, "content-disposition"));
            Assert.Equal(image, await raw.Content.ReadAsByteArrayAsync());

            var result = await client.InferAsync("deepedit", new InferRequest { SessionId = id, ResultDirectory = results });
            Assert.Equal(MonaiLabelEmulator.ComputeLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));

            await Task.Delay(3300);
            var expired = await http.GetAsync($"session/{id}");
            Assert.Equal(404, (int)expired.StatusCode);
            Assert.Equal($"{{\"detail\":\"Session ({id}) Not Found\"}}", await expired.Content.ReadAsStringAsync());

            var again = await client.CreateSessionAsync(new FileParameter(new MemoryStream(image), "scan.nii.gz"));
            Assert.Equal(3600, again.SessionInfo!.Expiry);
            var deleted = await client.DeleteSessionAsync(again.SessionId!);
            Assert.Equal(again.SessionId, deleted.Name);
            var gone = await http.DeleteAsync($"session/{again.SessionId}");
            Assert.Equal("{\"detail\":\"Session Not Found\"}", await gone.Content.ReadAsStringAsync());

            var several = new MultipartFormDataContent
            {
                { new ByteArrayContent(new byte[] { 1 }), "files", "a.dcm" },
                { new ByteArrayContent(new byte[] { 2 }), "files", "b.dcm" },
            };
            var folder = JsonDocument.Parse(await (await http.PutAsync("session/", several)).Content.ReadAsStringAsync()).RootElement;
            Assert.True(Directory.Exists(folder.GetProperty("session_info").GetProperty("image").GetString()));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}

public class AuthTests
{
    [Fact]
    public async Task With_auth_every_route_needs_a_token_with_the_right_role()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { AuthEnabled = true, SampleImages = 1 });
        using var client = new MonaiLabelClient(server.Url);

        Assert.True((await client.GetAuthSettingsAsync()).Enabled == true);
        var settings = await client.GetAuthSettingsAsync();
        Assert.Equal("monailabel-app", settings.ClientId);
        Assert.Equal(new Uri(server.Url, "realms/monailabel").ToString(), settings.Realm);

        var anonymous = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, anonymous.Kind);
        Assert.Equal("Not authenticated", anonymous.Detail);

        // On a client of its own: after a 500 the server closes the connection, as uvicorn does (defect 2 of the SDK).
        using (var other = new MonaiLabelClient(server.Url))
        {
            var wrong = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => other.GetAuthTokenAsync("admin", "nope"));
            Assert.Equal(500, wrong.StatusCode);
        }

        var token = await client.GetAuthTokenAsync("annotator", "annotator");
        Assert.Equal("Bearer", token.TokenType);
        client.UpdateAuth(token);
        var user = await client.ValidateAuthTokenAsync();
        Assert.Equal("annotator", user.Username);
        Assert.Equal(new[] { EmulatorRoles.Annotator, EmulatorRoles.User }, user.Roles);

        Assert.Equal(1, (await client.GetAppInfoAsync()).Datastore!.Total);
        await client.UploadImageAsync(new FileParameter(new MemoryStream(new byte[] { 200, 1 }), "mine.nii.gz"));
        Assert.Equal("annotator", (await client.GetImageInfoAsync("mine")).User);

        var forbidden = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DeleteImageAsync("mine"));
        Assert.Equal(MonaiLabelErrorKind.Forbidden, forbidden.Kind);
        Assert.Equal("Role \"monailabel-admin\" is required to perform this action", forbidden.Detail);

        client.UpdateAuth(await client.GetAuthTokenAsync("admin", "admin"));
        await client.DeleteImageAsync("mine");
        Assert.False(await client.ImageExistsAsync("mine"));

        using var http = Http.Client(server);
        var expired = new HttpRequestMessage(HttpMethod.Get, "info/");
        expired.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.CreateAccessToken("admin", TimeSpan.FromSeconds(-5)));
        var answer = await http.SendAsync(expired);
        Assert.Equal(401, (int)answer.StatusCode);
        Assert.Equal("{\"detail\":\"Could not validate credentials\"}", await answer.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", Http.Header(answer, "www-authenticate"));

        var missingForm = await http.PostAsync("auth/token", new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("username", "admin") }));
        Assert.Equal("{\"detail\":[{\"loc\":[\"body\",\"password\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}", await missingForm.Content.ReadAsStringAsync());
    }
}
