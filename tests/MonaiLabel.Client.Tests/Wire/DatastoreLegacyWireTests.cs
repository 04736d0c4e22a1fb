using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>
/// The datastore routes MONAI Label serves but hides from its schema (include_in_schema=False, deprecated), with
/// the shapes seen on the real server: <c>DELETE /datastore/?id=</c> answers <c>{}</c>;
/// <c>PUT /datastore/updatelabelinfo?label=&amp;tag=</c> takes the form field <c>params</c> and answers <c>null</c>.
/// </summary>
#pragma warning disable CS0612, CS0618 // deprecated on purpose: old clients and 3D Slicer's reviewer call them
public class DatastoreLegacyWireTests
{
    [Fact]
    [WireTest("deleteImageLegacy")]
    public async Task DeleteImageLegacy_sends_DELETE_datastore_with_id_and_reads_the_empty_object()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var answer = await client.Rest.DeleteImageLegacyAsync("wire case");

        var request = wire.SingleRequest().AssertRoute("DELETE", "/datastore/", "id=wire%20case");
        Assert.Empty(request.Body);
        Assert.Empty(WireSamples.Object(answer));
    }

    [Fact]
    [WireTest("updateLabelInfoLegacy")]
    public async Task UpdateLabelInfoLegacy_puts_the_params_form_field_with_label_and_tag_and_reads_the_null_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        var answer = await client.Rest.UpdateLabelInfoLegacyAsync("wire_case", "final", new UpdateLabelInfoLegacyForm { Params = "{\"reviewed\": true}" });

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/updatelabelinfo", "label=wire_case&tag=final");
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(new[] { "params" }, request.FormFields().Select(f => f.Key).ToArray());
        WireAssert.JsonEqual("{\"reviewed\":true}", request.FormFields()[0].Value);
        Assert.Null(answer);
    }

    [Fact]
    public void Both_routes_are_marked_obsolete()
    {
        Assert.NotNull(typeof(MonaiLabelRestClient).GetMethod(nameof(MonaiLabelRestClient.DeleteImageLegacyAsync))!.GetCustomAttributes(typeof(System.ObsoleteAttribute), false).SingleOrDefault());
        Assert.NotNull(typeof(MonaiLabelRestClient).GetMethod(nameof(MonaiLabelRestClient.UpdateLabelInfoLegacyAsync))!.GetCustomAttributes(typeof(System.ObsoleteAttribute), false).SingleOrDefault());
    }
}
#pragma warning restore CS0612, CS0618
