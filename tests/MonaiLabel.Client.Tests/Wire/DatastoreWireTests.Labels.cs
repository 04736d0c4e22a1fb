using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Newtonsoft.Json.Linq;
using WireMock.ResponseBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Tag <c>datastore</c>, continued: /datastore/label(/info) and /datastore/dataset.</summary>
public partial class DatastoreWireTests
{
    // ---------------------------------------------------------------- labels

    [Fact]
    [WireTest("saveLabel")]
    public async Task SaveLabel_puts_params_and_label_parts_with_image_and_tag_and_reads_typed_SaveLabelResult()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("03_put_datastore_label");
        var client = wire.CreateClient();

        var saved = await client.Rest.SaveLabelAsync(
            "wire_case",
            tag: "final",
            @params: "{\"comment\": \"wire\"}",
            label: WireSamples.File(WireSamples.Label, "label.nii.gz", "application/octet-stream"));

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/label", "image=wire_case&tag=final");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "label" }, body.PartNames);
        Assert.Equal("{\"comment\": \"wire\"}", body.Part("params").Text);
        Assert.Equal("label.nii.gz", body.Part("label").FileName);
        Assert.Equal("application/octet-stream", body.Part("label").ContentType);
        Assert.Equal(WireSamples.Label, body.Part("label").Content);

        Assert.Equal("wire_case", saved.Image);
        Assert.Equal("wire_case", saved.Label);
    }

    [Fact]
    [WireTest("saveLabel")]
    public async Task SaveLabel_with_a_non_ASCII_image_id_and_default_tag_leaves_tag_out()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("02_put_datastore_label_nonascii_id");
        var client = wire.CreateClient();

        var saved = await client.Rest.SaveLabelAsync(WireSamples.OddImageId, (string?)null, (string?)null, WireSamples.File(WireSamples.Label, "label.nii.gz"));

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/label", "image=" + WireSamples.OddImageIdInQuery);
        Assert.Equal(new[] { "label" }, request.Multipart().PartNames);
        Assert.Equal(WireSamples.OddImageId, saved.Image);
        Assert.Equal(WireSamples.OddImageId, saved.Label);
    }

    [Fact]
    [WireTest("deleteLabel")]
    public async Task DeleteLabel_sends_DELETE_datastore_label_with_id_and_tag()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var answer = await client.Rest.DeleteLabelAsync("wire_case", "original");

        wire.SingleRequest().AssertRoute("DELETE", "/datastore/label", "id=wire_case&tag=original");
        Assert.Empty(WireSamples.Object(answer));
    }

    [Fact]
    [WireTest("checkLabel")]
    public async Task CheckLabel_sends_HEAD_datastore_label_with_image_and_tag_and_returns_on_200()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create().WithStatusCode(200).WithHeader("content-type", "application/json"));
        var client = wire.CreateClient();

        await client.Rest.CheckLabelAsync("wire_case", "final");

        var request = wire.SingleRequest().AssertRoute("HEAD", "/datastore/label", "image=wire_case&tag=final");
        Assert.Empty(request.Body);
    }

    [Fact]
    [WireTest("downloadLabel")]
    public async Task DownloadLabel_sends_GET_datastore_label_with_label_and_tag_and_streams_the_file()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("21_get_datastore_label_ascii");
        var client = wire.CreateClient();

        using var file = await client.DownloadLabelAsync("wire_case", "final");

        wire.SingleRequest().AssertRoute("GET", "/datastore/label", "label=wire_case&tag=final");
        Assert.Equal("attachment; filename=\"wire_case.nii.gz\"", WireAssert.Header(file, "Content-Disposition"));
        Assert.Equal(WireSamples.Label, WireAssert.ReadAll(file.Stream));
        Assert.Equal(WireSamples.Label, capture.Body);
    }

    [Fact]
    [WireTest("downloadLabel")]
    public async Task DownloadLabel_of_a_non_ASCII_id_gets_only_filename_star_in_Content_Disposition()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("20_get_datastore_label_nonascii");
        var client = wire.CreateClient();

        using var file = await client.DownloadLabelAsync(WireSamples.OddImageId, "final");

        wire.SingleRequest().AssertRoute("GET", "/datastore/label", "label=" + WireSamples.OddImageIdInQuery + "&tag=final");
        Assert.Equal(
            "attachment; filename*=utf-8''Fall%20%C3%9C%201%20%28wire%29.nii.gz",
            WireAssert.Header(file, "Content-Disposition"));
        Assert.Equal(WireSamples.Label, WireAssert.ReadAll(file.Stream));
    }

    [Fact]
    [WireTest("getLabelInfo")]
    public async Task GetLabelInfo_sends_GET_datastore_label_info_with_label_and_tag_and_reads_typed_LabelInfo()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"ts\":1795547650,\"name\":\"wire_case.nii.gz\",\"user\":\"annotator\",\"client_id\":\"wire-client\",\"comment\":\"wire\"}");
        var client = wire.CreateClient();

        var info = await client.GetLabelInfoAsync("wire_case", "final");

        wire.SingleRequest().AssertRoute("GET", "/datastore/label/info", "label=wire_case&tag=final");
        Assert.Equal("wire_case.nii.gz", info.Name);
        Assert.Equal(1795547650L, info.Ts);
        Assert.Equal("annotator", info.User);
        Assert.Equal("wire-client", info.ClientId);
        Assert.Equal("wire", WireAssert.Token(info.AdditionalProperties["comment"]).Value<string>());
    }

    [Fact]
    [WireTest("getLabelInfo")]
    public async Task GetLabelInfo_of_an_unknown_label_reads_the_empty_object()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var info = await client.GetLabelInfoAsync("nope", "final");

        wire.SingleRequest().AssertRoute("GET", "/datastore/label/info", "label=nope&tag=final");
        Assert.Null(info.Name);
        Assert.Null(info.Ts);
    }

    [Fact]
    [WireTest("updateLabelInfo")]
    public async Task UpdateLabelInfo_puts_the_info_form_field_with_label_and_tag_and_reads_the_null_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        var answer = await client.Rest.UpdateLabelInfoAsync("wire_case", "final", new UpdateInfoForm { Info = "{\"reviewed\": true}" });

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/label/info", "label=wire_case&tag=final");
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("info=%7B%22reviewed%22%3A+true%7D", request.BodyText);
        Assert.Equal(new[] { "info" }, request.FormFields().Select(f => f.Key).ToArray());
        WireAssert.JsonEqual("{\"reviewed\":true}", request.FormFields()[0].Value);
        Assert.Null(answer);
    }

    // ---------------------------------------------------------------- dataset

    [Fact]
    [WireTest("downloadDataset")]
    public async Task DownloadDataset_sends_GET_datastore_dataset_with_limit_cases_and_streams_the_zip()
    {
        var zip = DatasetZip();
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("content-type", "application/zip")
            .WithHeader("content-disposition", "attachment; filename=\"dataset.zip\"")
            .WithBody(zip));
        var client = wire.CreateClient();

        using var file = await client.DownloadDatasetAsync(limitCases: 5);

        wire.SingleRequest().AssertRoute("GET", "/datastore/dataset", "limit_cases=5");
        Assert.Equal("application/zip", WireAssert.Header(file, "Content-Type"));
        Assert.Equal("attachment; filename=\"dataset.zip\"", WireAssert.Header(file, "Content-Disposition"));
        var bytes = WireAssert.ReadAll(file.Stream);
        Assert.Equal(zip, bytes);
        using var archive = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(new[] { "images/wire_case.nii.gz", "labels/final/wire_case.nii.gz", "datastore_v2.json" }, archive.Entries.Select(e => e.FullName).ToArray());
    }

    [Fact]
    [WireTest("downloadDataset")]
    public async Task DownloadDataset_without_limit_sends_no_query_string()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create().WithStatusCode(200).WithHeader("content-type", "application/zip").WithBody(DatasetZip()));
        var client = wire.CreateClient();

        using var file = await client.DownloadDatasetAsync();

        wire.SingleRequest().AssertRoute("GET", "/datastore/dataset");
    }

    private static byte[] DatasetZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "images/wire_case.nii.gz", WireSamples.Image);
            Add(archive, "labels/final/wire_case.nii.gz", WireSamples.Label);
            Add(archive, "datastore_v2.json", Encoding.UTF8.GetBytes(DatastoreAllJson));
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(content, 0, content.Length);
    }
}
