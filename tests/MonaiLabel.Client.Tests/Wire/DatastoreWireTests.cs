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

/// <summary>Tag <c>datastore</c>: /datastore/, /datastore/image(/info), /datastore/label(/info), /datastore/dataset.</summary>
public partial class DatastoreWireTests
{
    // LocalDatastore.json(): the whole listing (objects -> image/labels with ext and info).
    private const string DatastoreAllJson =
        "{\"name\":\"new-dataset\",\"description\":\"New Dataset\",\"images_dir\":\".\",\"labels_dir\":\"labels\"," +
        "\"objects\":{" +
        "\"wire_case\":{\"image\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547549,\"name\":\"wire_case.nii.gz\"," +
        "\"strategy\":{\"random\":{\"ts\":1795547600,\"client_id\":\"wire-client\"}}}}," +
        "\"labels\":{\"final\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547650,\"name\":\"wire_case.nii.gz\",\"comment\":\"wire\"}}," +
        "\"original\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547640,\"name\":\"wire_case.nii.gz\",\"model\":\"segmentation_spleen\"}}}}," +
        "\"spleen_10\":{\"image\":{\"ext\":\".nii.gz\",\"info\":{\"ts\":1795547500,\"name\":\"spleen_10.nii.gz\"}},\"labels\":{}}" +
        "},\"extensions\":[\"*.nii.gz\",\"*.nii\"]}";

    // ---------------------------------------------------------------- GET /datastore/

    [Fact]
    [WireTest("getDatastore")]
    public async Task GetDatastore_without_output_sends_GET_datastore_and_answers_DatastoreStats()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"total\":4,\"completed\":3,\"label_tags\":{\"final\":3,\"original\":1},\"train\":[]}");
        var client = wire.CreateClient();

        var answer = await client.Rest.GetDatastoreAsync();

        wire.SingleRequest().AssertRoute("GET", "/datastore/");
        var stats = WireSamples.Object(answer).ToObject<DatastoreStats>()!;
        Assert.Equal(4, stats.Total);
        Assert.Equal(3, stats.Completed);
        Assert.Equal(3, stats.LabelTags!["final"]);
        Assert.Equal(1, stats.LabelTags["original"]);
        Assert.IsType<JArray>(stats.AdditionalProperties["train"]);
    }

    [Fact]
    [WireTest("getDatastore")]
    public async Task GetDatastore_output_all_sends_output_all_and_answers_the_Datastore_listing()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(DatastoreAllJson);
        var client = wire.CreateClient();

        var answer = await client.Rest.GetDatastoreAsync(DatastoreOutput.All);

        wire.SingleRequest().AssertRoute("GET", "/datastore/", "output=all");
        var listing = WireSamples.Object(answer).ToObject<Datastore>()!;
        Assert.Equal("new-dataset", listing.Name);
        Assert.Equal("labels", listing.LabelsDir);
        Assert.Equal(new[] { "wire_case", "spleen_10" }, listing.Objects!.Keys.ToArray());
        var wireCase = listing.Objects["wire_case"];
        Assert.Equal(".nii.gz", wireCase.Image!.Ext);
        Assert.Equal("wire_case.nii.gz", wireCase.Image.Info!.Name);
        Assert.Equal(1795547549L, wireCase.Image.Info.Ts);
        Assert.Equal("wire-client", WireAssert.Token(wireCase.Image.Info.Strategy!["random"])["client_id"]!.Value<string>());
        Assert.Equal(new[] { "final", "original" }, wireCase.Labels!.Keys.ToArray());
        Assert.Equal(1795547650L, wireCase.Labels["final"].Info!.Ts);
        Assert.Equal("wire", WireAssert.Token(wireCase.Labels["final"].Info!.AdditionalProperties["comment"]).Value<string>());
        Assert.Equal("segmentation_spleen", WireAssert.Token(wireCase.Labels["original"].Info!.AdditionalProperties["model"]).Value<string>());
        Assert.Empty(listing.Objects["spleen_10"].Labels!);
        Assert.IsType<JArray>(listing.AdditionalProperties["extensions"]);
    }

    [Fact]
    [WireTest("getDatastore")]
    public async Task GetDatastore_output_train_sends_output_train_and_answers_DatastoreTrainItems()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(
            "[{\"image\":\"/data/ds/wire_case.nii.gz\",\"label\":\"/data/ds/labels/final/wire_case.nii.gz\"}," +
            "{\"image\":\"/data/ds/spleen_12.nii.gz\",\"label\":\"/data/ds/labels/final/spleen_12.nii.gz\"}]");
        var client = wire.CreateClient();

        var answer = await client.Rest.GetDatastoreAsync(DatastoreOutput.Train);

        wire.SingleRequest().AssertRoute("GET", "/datastore/", "output=train");
        var items = WireSamples.Array(answer).ToObject<DatastoreTrainItem[]>()!;
        Assert.Equal(2, items.Length);
        Assert.Equal("/data/ds/wire_case.nii.gz", items[0].Image);
        Assert.Equal("/data/ds/labels/final/spleen_12.nii.gz", items[1].Label);
    }

    [Fact]
    [WireTest("getDatastore")]
    public async Task GetDatastore_output_stats_sends_output_stats()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"total\":0,\"completed\":0,\"label_tags\":{}}");
        var client = wire.CreateClient();

        var answer = await client.Rest.GetDatastoreAsync(DatastoreOutput.Stats);

        wire.SingleRequest().AssertRoute("GET", "/datastore/", "output=stats");
        Assert.Equal(0, WireSamples.Object(answer).ToObject<DatastoreStats>()!.Total);
    }

    // ---------------------------------------------------------------- images

    [Fact]
    [WireTest("addImageLegacy")]
    public async Task AddImageLegacy_puts_params_and_file_parts_to_datastore_root_and_reads_typed_AddImageResult()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("16_put_datastore_seed_encoded");
        var client = wire.CreateClient();
        var seed = Encoding.ASCII.GetBytes("SEED-ENCODED-IMAGE\n");

#pragma warning disable CS0612, CS0618 // PUT /datastore/ is deprecated (hidden by the server) but still served.
        var added = await client.Rest.AddImageLegacyAsync(
            image: "seed_case",
            @params: "{\"client_id\": \"seed\"}",
            file: WireSamples.File(seed, "seed_upload.nii.gz", "application/octet-stream"));
#pragma warning restore CS0612, CS0618

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/", "image=seed_case");
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file" }, body.PartNames);
        Assert.Equal("{\"client_id\": \"seed\"}", body.Part("params").Text);
        Assert.Null(body.Part("params").FileName);
        Assert.Equal("seed_upload.nii.gz", body.Part("file").FileName);
        Assert.Equal("application/octet-stream", body.Part("file").ContentType);
        Assert.Equal(seed, body.Part("file").Content);

        Assert.Equal("seed_case", added.Image);
    }

    [Fact]
    [WireTest("addImage")]
    public async Task AddImage_puts_params_and_file_parts_with_the_image_id_and_reads_typed_AddImageResult()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("00_put_datastore_image");
        var client = wire.CreateClient();

        var added = await client.Rest.AddImageAsync(
            image: "wire_case",
            @params: "{}",
            file: WireSamples.File(WireSamples.Image, "wire_case.nii.gz", "application/octet-stream"));

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/image", "image=wire_case");
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        var body = request.Multipart();
        Assert.Equal(new[] { "params", "file" }, body.PartNames);
        Assert.Equal("{}", body.Part("params").Text);
        var file = body.Part("file");
        // The server reads only the plain filename= and takes the extension (.nii.gz) from it.
        Assert.Equal("wire_case.nii.gz", file.FileName);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal(WireSamples.Image, file.Content);

        Assert.Equal("wire_case", added.Image);
        Assert.Empty(added.AdditionalProperties);
    }

    [Fact]
    [WireTest("addImage")]
    public async Task AddImage_percent_encodes_a_non_ASCII_image_id_like_the_Python_client()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("01_put_datastore_image_nonascii_id");
        var client = wire.CreateClient();

        var added = await client.Rest.AddImageAsync(image: WireSamples.OddImageId, file: WireSamples.File(WireSamples.Image, "odd.nii.gz"));

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/image", "image=" + WireSamples.OddImageIdInQuery);
        var body = request.Multipart();
        Assert.Equal(new[] { "file" }, body.PartNames); // no params part: the server defaults it to "{}"
        Assert.Equal("odd.nii.gz", body.Part("file").FileName);
        Assert.Equal(WireSamples.Image, body.Part("file").Content);

        Assert.Equal(WireSamples.OddImageId, added.Image);
    }

    [Fact]
    [WireTest("addImage")]
    public async Task AddImage_with_FileParameter_FromStream_sends_an_ASCII_filename_that_keeps_the_extension()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{\"image\":\"Fall_U_1\"}");
        var client = wire.CreateClient();

        await client.Rest.AddImageAsync(
            image: (string?)null,
            file: FileParameter.FromStream(new System.IO.MemoryStream(WireSamples.Image), "Fall \u00dc 1 (wire).nii.gz"));

        // No id given: the file's own stem is sent as the id, since the ASCII wire name would give another (issue 11).
        var file = wire.SingleRequest().AssertRoute("PUT", "/datastore/image", "image=" + WireSamples.OddImageIdInQuery).Multipart().Part("file");
        // The server reads only the plain filename= (never filename*) and takes the image format from its extension.
        Assert.NotNull(file.FileName);
        Assert.True(file.FileName!.All(c => c >= 0x20 && c < 0x7f), "filename= is not plain ASCII: " + file.ContentDisposition);
        Assert.DoesNotContain("=?", file.FileName);
        Assert.EndsWith(".nii.gz", file.FileName);
        Assert.Equal(WireSamples.Image, file.Content);
    }

    [Fact]
    [WireTest("deleteImage")]
    public async Task DeleteImage_sends_DELETE_datastore_image_with_id_and_reads_the_empty_object()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("{}");
        var client = wire.CreateClient();

        var answer = await client.Rest.DeleteImageAsync("wire_case");

        var request = wire.SingleRequest().AssertRoute("DELETE", "/datastore/image", "id=wire_case");
        Assert.Empty(request.Body);
        Assert.Empty(WireSamples.Object(answer));
    }

    [Fact]
    [WireTest("checkImage")]
    public async Task CheckImage_sends_HEAD_datastore_image_and_returns_on_200()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("30_head_datastore_image"); // 200, content-length: 2, no body
        Assert.Empty(capture.Body);
        var client = wire.CreateClient();

        await client.Rest.CheckImageAsync("wire_case");

        var request = wire.SingleRequest().AssertRoute("HEAD", "/datastore/image", "image=wire_case");
        Assert.Empty(request.Body);
    }

    [Fact]
    [WireTest("checkImage")]
    public async Task CheckImage_with_checksum_sends_check_sum_percent_encoded()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(Response.Create().WithStatusCode(200).WithHeader("content-type", "application/json"));
        var client = wire.CreateClient();

        await client.Rest.CheckImageAsync("wire_case", checkSum: "SHA256:00ff");

        wire.SingleRequest().AssertRoute("HEAD", "/datastore/image", "image=wire_case&check_sum=SHA256%3A00ff");
    }

    [Fact]
    [WireTest("downloadImage")]
    public async Task DownloadImage_sends_GET_datastore_image_and_streams_the_file_with_its_headers()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("22_get_datastore_image");
        var client = wire.CreateClient();

        using var file = await client.DownloadImageAsync("wire_case");

        var request = wire.SingleRequest().AssertRoute("GET", "/datastore/image", "image=wire_case");
        Assert.Empty(request.Body);
        Assert.Equal(200, file.StatusCode);
        Assert.Equal("attachment; filename=\"wire_case.nii.gz\"", WireAssert.Header(file, "Content-Disposition"));
        Assert.Equal("application/octet-stream", WireAssert.Header(file, "Content-Type"));
        Assert.Equal("a0d28cee7d75c735ea4d767ec4d307d9", WireAssert.Header(file, "ETag"));
        Assert.Equal(capture.Body, WireAssert.ReadAll(file.Stream));
        Assert.Equal(WireSamples.Image, capture.Body);
    }

    [Fact]
    [WireTest("getImageInfo")]
    public async Task GetImageInfo_sends_GET_datastore_image_info_and_reads_typed_ImageInfo()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson(
            "{\"ts\":1795547549,\"name\":\"wire_case.nii.gz\",\"user\":\"annotator\",\"client_id\":\"wire-client\"," +
            "\"strategy\":{\"random\":{\"ts\":1795547600,\"client_id\":\"wire-client\"}}," +
            "\"path\":\"/data/ds/wire_case.nii.gz\",\"checksum\":\"SHA256:abc\",\"spacing\":[0.8,0.8,5.0]}");
        var client = wire.CreateClient();

        var info = await client.GetImageInfoAsync(WireSamples.OddImageId);

        wire.SingleRequest().AssertRoute("GET", "/datastore/image/info", "image=" + WireSamples.OddImageIdInQuery);
        Assert.Equal("wire_case.nii.gz", info.Name);
        Assert.Equal(1795547549L, info.Ts);
        Assert.Equal("/data/ds/wire_case.nii.gz", info.Path);
        Assert.Equal("annotator", info.User);
        Assert.Equal("wire-client", info.ClientId);
        Assert.Equal(1795547600L, WireAssert.Token(info.Strategy!["random"])["ts"]!.Value<long>());
        Assert.Equal("SHA256:abc", WireAssert.Token(info.AdditionalProperties["checksum"]).Value<string>());
        Assert.Equal(3, ((JArray)info.AdditionalProperties["spacing"]).Count);
    }

    [Fact]
    [WireTest("updateImageInfo")]
    public async Task UpdateImageInfo_puts_the_info_form_field_and_reads_the_null_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        var answer = await client.Rest.UpdateImageInfoAsync("wire_case", new UpdateInfoForm { Info = "{\"comment\": \"checked & ok\"}" });

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/image/info", "image=wire_case");
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var field = Assert.Single(request.FormFields());
        Assert.Equal("info", field.Key);
        WireAssert.JsonEqual("{\"comment\":\"checked & ok\"}", field.Value);
        Assert.Null(answer);
    }

    [Fact]
    [WireTest("updateImageInfo")]
    public async Task UpdateImageInfo_with_a_default_form_sends_the_empty_JSON_object()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        await client.Rest.UpdateImageInfoAsync("wire_case", new UpdateInfoForm());

        var request = wire.SingleRequest().AssertRoute("PUT", "/datastore/image/info", "image=wire_case");
        Assert.Equal("info=%7B%7D", request.BodyText);
    }

    [Fact]
    [WireTest("updateImageInfo")]
    public async Task UpdateImageInfo_without_a_form_fails_before_sending_with_a_clear_argument_error()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithJson("null");
        var client = wire.CreateClient();

        // The spec makes the form required: updating info with nothing is a caller mistake, named as such.
        var error = await Assert.ThrowsAsync<System.ArgumentNullException>(() => client.Rest.UpdateImageInfoAsync("wire_case", null!));

        Assert.Equal("body", error.ParamName);
        Assert.Empty(wire.Server.LogEntries);
    }
}
