using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Emulator.Tests.Support;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>FastAPI's error answers, as the real server sends them.</summary>
public class ErrorShapeTests
{
    private static async Task<(int Status, string? Type, string Body, HttpResponseMessage Response)> Send(HttpClient http, HttpMethod method, string url, HttpContent? content = null)
    {
        var (status, type, body, response) = await Http.SendAsync(http, new HttpRequestMessage(method, url) { Content = content });
        return (status, type, Http.Text(body), response);
    }

    [Fact]
    public async Task Routing_errors_are_404_405_and_slash_redirects()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var http = Http.Client(server);

        var notFound = await Send(http, HttpMethod.Get, "no/such/route");
        Assert.Equal((404, "application/json", "{\"detail\":\"Not Found\"}"), (notFound.Status, notFound.Type, notFound.Body));

        var method = await Send(http, HttpMethod.Post, "datastore/image");
        Assert.Equal((405, "{\"detail\":\"Method Not Allowed\"}"), (method.Status, method.Body));
        Assert.Equal("PUT", Http.Header(method.Response, "allow"));

        var headOfGet = await Send(http, HttpMethod.Head, "info/");
        Assert.Equal(405, headOfGet.Status);

        var redirect = await Send(http, HttpMethod.Get, "info?x=1");
        Assert.Equal(307, redirect.Status);
        Assert.Equal(new Uri(server.Url, "info/?x=1"), redirect.Response.Headers.Location);
        var back = await Send(http, HttpMethod.Get, "datastore/image/");
        Assert.Equal(307, back.Status);
        Assert.Equal(new Uri(server.Url, "datastore/image"), back.Response.Headers.Location);
    }

    [Fact]
    public async Task Validation_errors_are_pydantic_1_shaped()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var http = Http.Client(server);

        var missing = await Send(http, HttpMethod.Get, "datastore/label?tag=final");
        Assert.Equal((422, "{\"detail\":[{\"loc\":[\"query\",\"label\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"), (missing.Status, missing.Body));

        var badEnum = await Send(http, HttpMethod.Post, "infer/deepedit?image=x&output=png");
        Assert.Equal(422, badEnum.Status);
        Assert.Equal("{\"detail\":[{\"loc\":[\"query\",\"output\"],\"msg\":\"value is not a valid enumeration member; permitted: 'image', 'json', 'all', 'dicom_seg'\",\"type\":\"type_error.enum\",\"ctx\":{\"enum_values\":[\"image\",\"json\",\"all\",\"dicom_seg\"]}}]}", badEnum.Body);

        var badBool = await Send(http, HttpMethod.Get, "train/?all=maybe");
        Assert.Equal((422, "{\"detail\":[{\"loc\":[\"query\",\"all\"],\"msg\":\"value could not be parsed to a boolean\",\"type\":\"type_error.bool\"}]}"), (badBool.Status, badBool.Body));

        var badInt = await Send(http, HttpMethod.Get, "logs/?lines=ten");
        Assert.Equal((422, "{\"detail\":[{\"loc\":[\"query\",\"lines\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}"), (badInt.Status, badInt.Body));

        // Query errors come first, then body errors; a text field where a file is expected is its own error.
        var form = Http.Form("{}");
        form.Add(new StringContent("not a file"), "label");
        var mixed = await Send(http, HttpMethod.Put, "datastore/label", form);
        Assert.Equal(422, mixed.Status);
        Assert.Equal("{\"detail\":[{\"loc\":[\"query\",\"image\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},{\"loc\":[\"body\",\"label\"],\"msg\":\"Expected UploadFile, received: <class 'str'>\",\"type\":\"value_error\"}]}", mixed.Body);

        var notDict = await Send(http, HttpMethod.Post, "activelearning/first", new StringContent("[1, 2]", Encoding.UTF8, "application/json"));
        Assert.Equal((422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"value is not a valid dict\",\"type\":\"type_error.dict\"}]}"), (notDict.Status, notDict.Body));

        var badJson = await Send(http, HttpMethod.Post, "train/segmentation_spleen", new StringContent("{oops", Encoding.UTF8, "application/json"));
        Assert.Equal(422, badJson.Status);
        Assert.Contains("\"type\":\"value_error.jsondecode\"", badJson.Body);

        var badMultipart = await Send(http, HttpMethod.Put, "datastore/image", new StringContent("x", Encoding.UTF8, "multipart/form-data"));
        Assert.Equal((400, "{\"detail\":\"There was an error parsing the body\"}"), (badMultipart.Status, badMultipart.Body));
    }

    [Fact]
    public async Task App_errors_are_plain_500s_and_http_exceptions_carry_detail()
    {
        await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 1 });
        using var http = Http.Client(server);

        var unknownModel = await Send(http, HttpMethod.Post, "infer/no_such_model?image=case_01");
        Assert.Equal((500, "text/plain; charset=utf-8", "Internal Server Error"), (unknownModel.Status, unknownModel.Type, unknownModel.Body));

        var unknownImage = await Send(http, HttpMethod.Post, "infer/segmentation_spleen?image=nope");
        Assert.Equal((500, "Internal Server Error"), (unknownImage.Status, unknownImage.Body));

        var noInput = await Send(http, HttpMethod.Post, "infer/segmentation_spleen");
        Assert.Equal((500, "application/json", "{\"detail\":\"Neither Image nor File not Session ID input is provided\"}"), (noInput.Status, noInput.Type, noInput.Body));

        var dicomSeg = await Send(http, HttpMethod.Post, "infer/segmentation_spleen?image=case_01&output=dicom_seg");
        Assert.Equal((500, "{\"detail\":\"DICOM SEG format is not supported in a non-DICOM datastore\"}"), (dicomSeg.Status, dicomSeg.Body));

        var unknownStrategy = await Send(http, HttpMethod.Post, "activelearning/epistemic");
        Assert.Equal((500, "Internal Server Error"), (unknownStrategy.Status, unknownStrategy.Body));

        var labelOfMissing = await Send(http, HttpMethod.Put, "datastore/label?image=nope", Http.Form(null, ("label", "l.nii.gz", new byte[] { 1 })));
        Assert.Equal(500, labelOfMissing.Status);

        var deleteMissing = await Send(http, HttpMethod.Delete, "datastore/image?id=nope");
        Assert.Equal(500, deleteMissing.Status);

        var noLabel = await Send(http, HttpMethod.Get, "datastore/label?label=case_01&tag=final");
        Assert.Equal((404, "{\"detail\":\"Label NOT Found or is a directory\"}"), (noLabel.Status, noLabel.Body));

        var noModel = await Send(http, HttpMethod.Get, "model/no_such_model");
        Assert.Equal((404, "{\"detail\":\"Model File NOT Found for no_such_model\"}"), (noModel.Status, noModel.Body));

        var uploadUnknownModel = await Send(http, HttpMethod.Put, "model/no_such_model", Http.Form(null, ("file", "w.pt", new byte[] { 1 })));
        Assert.Equal((500, "{\"detail\":\"Model File Name NOT configured for no_such_model\"}"), (uploadUnknownModel.Status, uploadUnknownModel.Body));

        var emptyDataset = await Send(http, HttpMethod.Get, "datastore/dataset");
        Assert.Equal((500, "Internal Server Error"), (emptyDataset.Status, emptyDataset.Body));

        // Unknown info is an empty object, not an error.
        var info = await Send(http, HttpMethod.Get, "datastore/image/info?image=nope");
        Assert.Equal((200, "{}"), (info.Status, info.Body));
    }

    [Fact]
    public async Task The_sdk_sees_the_errors_with_their_kind_and_detail()
    {
        await using var server = await MonaiLabelEmulator.StartAsync();
        using var client = new MonaiLabelClient(server.Url);

        var notFound = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.DownloadImageAsync("nope"));
        Assert.Equal(MonaiLabelErrorKind.NotFound, notFound.Kind);
        Assert.Equal("Image NOT Found or is a directory", notFound.Detail);

        var noTasks = await Assert.ThrowsAnyAsync<MonaiLabelClientException>(() => client.GetTrainingStatusAsync());
        Assert.Equal(404, noTasks.StatusCode);
        Assert.Equal("No Train Tasks Found", noTasks.Detail);

        Assert.False(await client.ImageExistsAsync("nope"));
        Assert.False((await client.GetAuthSettingsAsync()).Enabled == true);
    }
}
