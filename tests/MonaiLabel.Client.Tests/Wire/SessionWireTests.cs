using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>session</c>: PUT /session/, GET and DELETE /session/{session_id}.</summary>
public class SessionWireTests
{
    private const string SessionId = "5b0cd2d6-8d3c-4f5e-9a57-0c4b7d2c1e9f";

    // sessions.py: {"name", "path", "image", "meta", "create_ts", "last_access_ts", "expiry"}.
    private const string SessionInfoJson =
        "{\"name\":\"" + SessionId + "\",\"path\":\"/root/.cache/monailabel/sessions/" + SessionId + "\"," +
        "\"image\":\"/root/.cache/monailabel/sessions/" + SessionId + "/ct_0001.nii.gz\"," +
        "\"meta\":{\"source\":\"wire\"},\"create_ts\":1795547560,\"last_access_ts\":1795547561,\"expiry\":3600}";

    [Fact]
    [WireTest("createSession")]
    public async Task CreateSession_puts_every_file_as_a_files_part_with_query_flags_and_reads_typed_CreateSessionResult()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"" + SessionId + "\",\"session_info\":" + SessionInfoJson + "}");
        var client = wire.CreateClient();
        var second = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xff, 0x0d, 0x0a };

        var created = await client.Rest.CreateSessionAsync(
            uncompress: true,
            expiry: 3600,
            files: new[]
            {
                WireSamples.File(WireSamples.Image, "ct_0001.nii.gz", "application/octet-stream"),
                WireSamples.File(second, "ct_0002.nii.gz"),
            });

        var request = wire.SingleRequest().AssertRoute("PUT", "/session/", "uncompress=true&expiry=3600");
        var body = request.Multipart();
        Assert.Equal(new[] { "files", "files" }, body.PartNames);
        Assert.Equal("ct_0001.nii.gz", body.Parts[0].FileName);
        Assert.Equal("application/octet-stream", body.Parts[0].ContentType);
        Assert.Equal(WireSamples.Image, body.Parts[0].Content);
        Assert.Equal("ct_0002.nii.gz", body.Parts[1].FileName);
        Assert.Null(body.Parts[1].ContentType);
        Assert.Equal(second, body.Parts[1].Content);

        Assert.Equal(SessionId, created.SessionId);
        Assert.Equal(SessionId, created.SessionInfo!.Name);
        Assert.EndsWith("/ct_0001.nii.gz", created.SessionInfo.Image);
        Assert.Equal(3600L, created.SessionInfo.Expiry);
        Assert.Equal(1795547560L, created.SessionInfo.CreateTs);
        Assert.Equal("wire", WireAssert.Token(created.SessionInfo.Meta!["source"]).Value<string>());
    }

    [Fact]
    [WireTest("createSession")]
    public async Task CreateSession_without_flags_sends_no_query_string()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"" + SessionId + "\",\"session_info\":" + SessionInfoJson + "}");
        var client = wire.CreateClient();

        await client.Rest.CreateSessionAsync(files: new[] { WireSamples.File(WireSamples.Image, "ct.nii.gz") });

        var request = wire.SingleRequest().AssertRoute("PUT", "/session/");
        Assert.Equal("ct.nii.gz", request.Multipart().Part("files").FileName);
    }

    [Fact]
    [WireTest("getSession")]
    public async Task GetSession_sends_GET_session_id_with_flags_and_returns_the_SessionInfo_JSON_raw()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(SessionInfoJson);
        var client = wire.CreateClient();

        using var answer = await client.Rest.GetSessionAsync(SessionId, updateTs: true, image: false);

        wire.SingleRequest().AssertRoute("GET", "/session/" + SessionId, "update_ts=true&image=false");
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/json", WireAssert.Header(answer, "Content-Type"));
        var text = new StreamReader(answer.Stream).ReadToEnd();
        var info = JsonConvert.DeserializeObject<SessionInfo>(text)!;
        Assert.Equal(SessionId, info.Name);
        Assert.Equal(1795547561L, info.LastAccessTs);
        Assert.Equal("/root/.cache/monailabel/sessions/" + SessionId, info.Path);
    }

    [Fact]
    [WireTest("getSession")]
    public async Task GetSession_with_image_true_streams_the_session_image_file()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", "application/octet-stream")
            .WithHeader("content-disposition", "attachment; filename=\"ct_0001.nii.gz\"")
            .WithBody(WireSamples.Image));
        var client = wire.CreateClient();

        using var answer = await client.Rest.GetSessionAsync(SessionId, image: true);

        wire.SingleRequest().AssertRoute("GET", "/session/" + SessionId, "image=true");
        Assert.Equal("attachment; filename=\"ct_0001.nii.gz\"", WireAssert.Header(answer, "Content-Disposition"));
        Assert.Equal(WireSamples.Image, WireAssert.ReadAll(answer.Stream));
    }

    [Fact]
    [WireTest("deleteSession")]
    public async Task DeleteSession_sends_DELETE_session_id_and_reads_the_removed_SessionInfo()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(SessionInfoJson);
        var client = wire.CreateClient();

        var removed = await client.DeleteSessionAsync(SessionId);

        var request = wire.SingleRequest().AssertRoute("DELETE", "/session/" + SessionId);
        Assert.Empty(request.Body);
        Assert.Equal(SessionId, removed.Name);
        Assert.Equal(3600L, removed.Expiry);
        Assert.Empty(removed.AdditionalProperties);
    }
}
