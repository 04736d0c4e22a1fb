using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>logs</c>: GET /logs/, GET /logs/gpu.</summary>
public class LogsWireTests
{
    private const string LogText =
        "[2026-11-24 19:12:29,101] [12345] [MainThread] [INFO] (uvicorn.error:75) - Application startup complete.\n" +
        "[2026-11-24 19:12:30,202] [12345] [MainThread] [INFO] (monailabel.endpoints.infer:170) - Infer Request: {'model': 'segmentation_spleen', 'image': 'wire_case'}\n" +
        "[2026-11-24 19:12:30,303] [12345] [MainThread] [INFO] (monailabel.interfaces.app:420) - ++ Latencies => Total: 0.0000\n";

    private const string NvidiaSmi =
        "Tue Nov 24 19:12:29 2026       \n" +
        "+-----------------------------------------------------------------------------+\n" +
        "| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2     |\n" +
        "|  0  NVIDIA Fake GPU (mlref)     Off  | 00000000:01:00.0 Off |                  0 |\n" +
        "+-----------------------------------------------------------------------------+\n";

    [Fact]
    [WireTest("getLogs")]
    public async Task GetLogs_as_text_sends_every_flag_in_order_and_returns_the_log_text()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text(LogText, "text/plain; charset=utf-8"));
        var client = wire.CreateClient();

        var log = await client.Rest.GetLogsAsync(lines: 100, html: false, text: true, refresh: 0);

        wire.SingleRequest().AssertRoute("GET", "/logs/", "lines=100&html=false&text=true&refresh=0");
        Assert.Equal(LogText, log);
    }

    [Fact]
    [WireTest("getLogs")]
    public async Task GetLogs_with_defaults_sends_no_query_and_returns_the_HTML_viewer_page()
    {
        const string page = "<html><head><meta http-equiv=\"refresh\" content=\"3\"></head><body><pre id=\"log\"></pre></body></html>";
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text(page, "text/html; charset=utf-8"));
        var client = wire.CreateClient();

        var html = await client.Rest.GetLogsAsync();

        wire.SingleRequest().AssertRoute("GET", "/logs/");
        Assert.Equal(page, html);
    }

    [Fact]
    [WireTest("getLogs")]
    public async Task GetLogs_whole_file_sends_lines_zero_and_text_true()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text(LogText, "text/plain; charset=utf-8"));
        var client = wire.CreateClient();

        await client.Rest.GetLogsAsync(lines: 0, text: true);

        wire.SingleRequest().AssertRoute("GET", "/logs/", "lines=0&text=true");
    }

    [Fact]
    [WireTest("getGpuInfo")]
    public async Task GetGpuInfo_sends_GET_logs_gpu_and_returns_the_nvidia_smi_text()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text(NvidiaSmi, "text/plain; charset=utf-8"));
        var client = wire.CreateClient();

        var text = await client.GetGpuInfoAsync();

        var request = wire.SingleRequest().AssertRoute("GET", "/logs/gpu");
        Assert.Empty(request.Body);
        Assert.Equal(NvidiaSmi, text);
    }

    [Fact]
    [WireTest("getGpuInfo")]
    public async Task GetGpuInfo_reads_an_empty_answer_as_an_empty_string()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text(string.Empty, "text/plain; charset=utf-8"));
        var client = wire.CreateClient();

        var text = await client.GetGpuInfoAsync();

        wire.SingleRequest().AssertRoute("GET", "/logs/gpu");
        Assert.Equal(string.Empty, text);
    }
}
