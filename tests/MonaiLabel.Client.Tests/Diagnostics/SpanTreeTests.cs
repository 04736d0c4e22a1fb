using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>The span tree of an infer with auth on, as a user's trace backend shows it (printed to the test output).</summary>
[Collection(TelemetryCollection.Name)]
public class SpanTreeTests
{
    private readonly ITestOutputHelper _output;

    public SpanTreeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task An_infer_with_a_token_fetch_is_one_operation_span_over_both_HttpClient_spans()
    {
        using var server = new ScriptedServer(r => r.Path == "/auth/token" ? Reply.Token("tok-1") : SpanTests.InferAnswer());
        using var dir = new TempResultDir();
        using var client = MonaiLabelClient.Create(server.Options(o =>
        {
            o.Username = "annotator";
            o.Password = "secret";
        }));
        using var capture = new TelemetryCapture();

        await client.InferAsync("segmentation_spleen", new InferRequest
        {
            File = FileParameter.FromStream(new MemoryStream(ClientTest.BinaryBytes(1, 2048)), "case.nii.gz"),
            ResultDirectory = dir.Dir,
        });

        _output.WriteLine(capture.Tree());
        Assert.Equal(
            "MonaiLabel Infer [Internal]\n" +
            "  POST [Client]\n" +
            "  POST [Client]\n",
            capture.Tree(withTags: false));
    }
}
