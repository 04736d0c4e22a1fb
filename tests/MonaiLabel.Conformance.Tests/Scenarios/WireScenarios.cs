using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Error answers on the wire (status, content type, body shape) and the connection after them, by raw HTTP.</summary>
[Collection(TargetCollection.Name)]
public sealed class WireScenarios(ServerFixture server) : Scenario(server)
{
    [Theory]
    [InlineData("GET", "no/such/route", 404, "{\"detail\":\"Not Found\"}")]
    [InlineData("DELETE", "info/", 405, "{\"detail\":\"Method Not Allowed\"}")]
    public async Task Routing_errors_answer_fastapis_json(string method, string path, int status, string body)
    {
        var (code, type, text, _) = await SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, code);
        Assert.Equal("application/json", type);
        Assert.Equal(body, text);
    }

    [Fact]
    public async Task A_route_without_its_trailing_slash_redirects_307()
    {
        var (code, _, _, response) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "info"));
        Assert.Equal(307, code);
        Assert.EndsWith("/info/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_missing_query_parameter_is_a_422_in_pydantic_1_shape()
    {
        var (code, type, text, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "datastore/image"));
        Assert.Equal(422, code);
        Assert.Equal("application/json", type);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("detail")[0];
        Assert.Equal(new[] { "query", "image" }, error.GetProperty("loc").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("field required", error.GetProperty("msg").GetString());
        Assert.Equal("value_error.missing", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_a_plain_500_and_the_server_then_closes_the_connection()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", Server.Url.Port);
        var stream = socket.GetStream();
        stream.ReadTimeout = 60_000;
        var request = $"POST /infer/no_such_model?image=x HTTP/1.1\r\nHost: 127.0.0.1:{Server.Url.Port}\r\nContent-Length: 0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var all = new MemoryStream();
        var buffer = new byte[4096];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, n);
        }

        // The read ended: the server closed the connection after the answer, though the answer did not say so.
        var answer = Encoding.ASCII.GetString(all.ToArray());
        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)].ToLowerInvariant();
        Assert.StartsWith("http/1.1 500 internal server error", head);
        Assert.Contains("content-type: text/plain; charset=utf-8", head);
        Assert.DoesNotContain("connection: close", head);
        Assert.EndsWith("\r\n\r\nInternal Server Error", answer);
    }

    [Fact]
    public async Task A_missing_image_download_is_a_404_with_detail()
    {
        var (code, type, text, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "datastore/image?image=" + NewId("nosuch")));
        Assert.Equal(404, code);
        Assert.Equal("application/json", type);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()));
    }

    /// <summary>The deprecated routes the SDK gains with the defect branches: <c>DELETE /datastore/?id=</c> and <c>PUT /datastore/updatelabelinfo</c>.</summary>
    [Fact]
    public async Task The_legacy_delete_and_updatelabelinfo_routes_work()
    {
        await WaitAllIdleAsync(Client);
        var id = NewId("legacy");
        var image = await SeedImageAsync(id);
        await Client.UploadLabelAsync(id, new MonaiLabel.Client.FileParameter(new MemoryStream(Target.ExpectedLabel(image)), "l.nii.gz"), "final");

        var form = new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("params", "{\"checked_by\": \"legacy\"}") });
        var (put, _, _, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Put, $"datastore/updatelabelinfo?label={id}&tag=final") { Content = form });
        Assert.Equal(200, put);
        Assert.Equal("legacy", (await Client.GetLabelInfoAsync(id, "final")).AdditionalProperties["checked_by"]?.ToString());

        var (delete, _, _, _) = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, "datastore/?id=" + id));
        Assert.Equal(200, delete);
        Assert.False(await Client.ImageExistsAsync(id));
        Assert.False(await Client.LabelExistsAsync(id, "final"));
    }

    private async Task<(int Status, string? ContentType, string Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = Server.Url };
        var response = Own(await http.SendAsync(request));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(), response);
    }
}
