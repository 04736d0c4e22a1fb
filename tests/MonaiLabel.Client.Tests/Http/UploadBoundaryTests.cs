using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using MonaiLabel.Client.Tests.Wire;
using Xunit;

namespace MonaiLabel.Client.Tests.Http;

/// <summary>The SDK's own multipart boundary: long and of few characters (cheap for python-multipart to search).</summary>
public class UploadBoundaryTests
{
    [Fact]
    public void A_boundary_is_70_characters_of_0_to_3_and_new_each_time()
    {
        var boundaries = Enumerable.Range(0, 20).Select(_ => UploadBoundary.New()).ToList();

        Assert.All(boundaries, b => Assert.Matches("^[0-3]{70}$", b));
        Assert.Equal(boundaries.Count, boundaries.Distinct().Count());
    }

    [Fact]
    public async Task An_upload_is_sent_under_the_SDKs_boundary_unquoted_and_whole()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var client = wire.CreateClient();

        await client.Rest.AddImageAsync(
            image: "wire_case", @params: "{}", file: WireSamples.File(WireSamples.Image, "wire_case.nii.gz", "application/octet-stream"));

        var request = wire.SingleRequest();
        Assert.Matches("^multipart/form-data; boundary=[0-3]{70}$", request.ContentType);
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file" }, body.PartNames);
        Assert.Equal(WireSamples.Image, body.Part("file").Content);
        Assert.Equal(request.Body.Length, long.Parse(request.Header("Content-Length")!));
    }
}
