using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>What the public face adds over the protocol layer: dictionaries for JSON, typed answers, Task for null ones.</summary>
public class FaceTests
{
    [Fact]
    public async Task UpdateImageInfo_sends_the_dictionary_as_the_info_form_field()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient(o => o.ClientId = "not-in-info");

        await client.UpdateImageInfoAsync("wire_case", new Dictionary<string, object?> { ["comment"] = "checked & ok", ["ts"] = 1 });

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/image/info", "image=wire_case");
        var field = Assert.Single(request.FormFields());
        Assert.Equal("info", field.Key);
        WireAssert.JsonEqual("{\"comment\":\"checked & ok\",\"ts\":1}", field.Value);
    }

    [Fact]
    public async Task UpdateLabelInfo_sends_the_dictionary_as_the_info_form_field()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");

        await wire.CreateClient().UpdateLabelInfoAsync("wire_case", "final", new Dictionary<string, object?> { ["ts"] = 2 });

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/label/info", "label=wire_case&tag=final");
        WireAssert.JsonEqual("{\"ts\":2}", Assert.Single(request.FormFields()).Value);
    }

    [Fact]
    public async Task Auth_off_answers_settings_with_Enabled_false()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("41_404_unknown_route");

        var settings = await wire.CreateClient().GetAuthSettingsAsync();

        Assert.False(settings.Enabled);
    }

    [Fact]
    public async Task The_training_dataset_is_typed()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("[{\"image\":\"/s/a.nii.gz\",\"label\":\"/s/labels/final/a.nii.gz\"}]");

        var items = await wire.CreateClient().GetTrainingDatasetAsync();

        wire.SingleRequest().AssertRoute("GET", "/datastore/", "output=train");
        var item = Assert.Single(items);
        Assert.Equal("/s/a.nii.gz", item.Image);
        Assert.Equal("/s/labels/final/a.nii.gz", item.Label);
    }

    [Fact]
    public async Task A_session_of_several_files_uploads_each()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"session_id\":\"s1\",\"session_info\":{}}");
        var files = new[] { "1.dcm", "2.dcm" }.Select(n => FileParameter.FromStream(new MemoryStream(Encoding.ASCII.GetBytes(n)), n)).ToList();

        var created = await wire.CreateClient().CreateSessionAsync(files);

        Assert.Equal("s1", created.SessionId);
        var parts = wire.SingleRequest().AssertRoute("PUT", "/session/", "uncompress=false&expiry=0").Multipart().Parts;
        Assert.Equal(new[] { "1.dcm", "2.dcm" }, parts.Select(p => p.FileName).ToArray());
    }

    [Fact]
    public async Task Calls_with_a_null_answer_return_Task()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        await client.DeleteImageAsync("wire_case");
        await client.DeleteLabelAsync("wire_case", "final");
        await client.DeleteModelAsync("segmentation_spleen");

        var paths = ClientTest.WaitForRequests(wire, 3).Select(e => e.RequestMessage.Method + " " + e.RequestMessage.Path).OrderBy(p => p).ToArray();
        Assert.Equal(new[] { "DELETE /datastore/image", "DELETE /datastore/label", "DELETE /model/segmentation_spleen" }, paths);
    }
}
