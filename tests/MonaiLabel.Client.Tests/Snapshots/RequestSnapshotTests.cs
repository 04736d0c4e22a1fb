using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Snapshots;

/// <summary>
/// The exact request the SDK sends for a representative call of every operation, approved in
/// Snapshots/requests/&lt;operationId&gt;.approved.txt. A spec or NSwag change that alters the wire fails here until
/// accepted (same workflow as the public-API listing: copy the .received. file, or MONAILABEL_ACCEPT_SNAPSHOTS=1).
/// </summary>
public class RequestSnapshotTests
{
    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static FileParameter Upload(string name, string content) =>
        FileParameter.FromStream(new MemoryStream(Bytes(content)), name);

    private const string SnapshotClientId = "snapshot-client";

    // The params of a JSON body as the public methods build them for this test's client.
    private static IDictionary<string, object?>? JsonBody(IDictionary<string, object?>? parameters) =>
        RequestParams.Body(ClientSettings.From(new MonaiLabelClientOptions { ClientId = SnapshotClientId }), parameters);

    /// <summary>
    /// One representative call per operation id of openapi/monailabel.yaml, with params as the public methods build
    /// them (<c>RequestParams</c> adds the client id; the protocol layer sends what it is given).
    /// </summary>
#pragma warning disable CS0612, CS0618 // the deprecated routes are part of the contract too
    private static readonly Dictionary<string, Func<MonaiLabelRestClient, Task>> Calls = new()
    {
        ["getAuthSettings"] = c => c.GetAuthSettingsAsync(),
        ["createAuthToken"] = c => c.CreateAuthTokenAsync(new AuthTokenRequest { Username = "annotator", Password = "p@ss word", GrantType = "password" }),
        ["validateAuthToken"] = c => c.ValidateAuthTokenAsync(),
        ["getAppInfo"] = c => c.GetAppInfoAsync(),
        ["getNextSample"] = c => c.GetNextSampleAsync("random", JsonBody(new Dictionary<string, object?> { ["label_tag"] = "final" })),
        ["createSession"] = c => c.CreateSessionAsync(true, 3600, new[] { Upload("spleen_10.nii.gz", "IMAGE") }),
        ["getSession"] = c => c.GetSessionAsync("6f1c", true, false),
        ["deleteSession"] = c => c.DeleteSessionAsync("6f1c"),
        ["getDatastore"] = c => c.GetDatastoreAsync(DatastoreOutput.All),
        ["addImageLegacy"] = c => c.AddImageLegacyAsync("spleen_10", "{}", Upload("spleen_10.nii.gz", "IMAGE")),
        ["addImage"] = c => c.AddImageAsync("Fall Ü 1", "{\"source\": \"scanner\"}", Upload("Fall Ü 1.nii.gz", "IMAGE")),
        ["deleteImage"] = c => c.DeleteImageAsync("spleen_10"),
        ["deleteImageLegacy"] = c => c.DeleteImageLegacyAsync("spleen_10"),
        ["checkImage"] = c => c.CheckImageAsync("spleen_10", "SHA256:abc"),
        ["downloadImage"] = c => c.DownloadImageAsync("spleen_10"),
        ["getImageInfo"] = c => c.GetImageInfoAsync("spleen_10"),
        ["updateImageInfo"] = c => c.UpdateImageInfoAsync("spleen_10", new UpdateInfoForm { Info = "{\"ts\": 1}" }),
        ["saveLabel"] = c => c.SaveLabelAsync("spleen_10", "final", "{\"label_info\": []}", Upload("label.nii.gz", "LABEL")),
        ["deleteLabel"] = c => c.DeleteLabelAsync("spleen_10", "final"),
        ["checkLabel"] = c => c.CheckLabelAsync("spleen_10", "final"),
        ["downloadLabel"] = c => c.DownloadLabelAsync("spleen_10", "final"),
        ["getLabelInfo"] = c => c.GetLabelInfoAsync("spleen_10", "final"),
        ["updateLabelInfo"] = c => c.UpdateLabelInfoAsync("spleen_10", "final", new UpdateInfoForm { Info = "{\"ts\": 2}" }),
        ["updateLabelInfoLegacy"] = c => c.UpdateLabelInfoLegacyAsync("spleen_10", "final", new UpdateLabelInfoLegacyForm { Params = "{\"ts\": 3}" }),
        ["downloadDataset"] = c => c.DownloadDatasetAsync(5),
        ["infer"] = c => c.InferAsync("deepedit", "spleen_10", "", InferOutput.All, "{\"foreground\": [[1, 2, 3]]}", null!, Upload("scribbles.nii.gz", "LABEL")),
        ["inferWsi"] = c => c.InferWsiAsync("segmentation_tissue", "slide_1", null, WsiInferOutput.Dsa, null!, "{\"level\": 0, \"location\": [0, 0], \"size\": [512, 512]}"),
        ["inferWsiLegacy"] = c => c.InferWsiLegacyAsync("segmentation_tissue", "slide_1", null, WsiInferOutput.Asap, new WsiInput { Level = 1, Location = new List<int> { 10, 20 }, Size = new List<int> { 256, 256 }, AdditionalProperties = { ["client_id"] = "snapshot-client" } }),
        ["getBatchInferStatus"] = c => c.GetBatchInferStatusAsync(true, false),
        ["stopBatchInfer"] = c => c.StopBatchInferAsync(),
        ["startBatchInfer"] = c => c.StartBatchInferAsync("segmentation_spleen", BatchInferImages.Unlabeled, true, JsonBody(new Dictionary<string, object?> { ["max_workers"] = 2 })),
        ["getTrainStatus"] = c => c.GetTrainStatusAsync(false, true),
        ["stopTrain"] = c => c.StopTrainAsync(),
        ["startTrainAll"] = c => c.StartTrainAllAsync(false, JsonBody(new Dictionary<string, object?> { ["max_epochs"] = 2 })),
        ["startTrain"] = c => c.StartTrainAsync("segmentation_spleen", false, true, JsonBody(new Dictionary<string, object?> { ["max_epochs"] = 2 })),
        ["getScoringStatus"] = c => c.GetScoringStatusAsync(true, null),
        ["stopScoring"] = c => c.StopScoringAsync(),
        ["startScoringAll"] = c => c.StartScoringAllAsync(true, JsonBody(null)),
        ["startScoring"] = c => c.StartScoringAsync("dice", false, JsonBody(new Dictionary<string, object?> { ["label_tag"] = "final" })),
        ["downloadModel"] = c => c.DownloadModelAsync("segmentation_spleen"),
        ["uploadModel"] = c => c.UploadModelAsync("segmentation_spleen", Upload("model.pt", "WEIGHTS")),
        ["deleteModel"] = c => c.DeleteModelAsync("segmentation_spleen"),
        ["getModelInfo"] = c => c.GetModelInfoAsync("segmentation_spleen"),
        ["getLogs"] = c => c.GetLogsAsync(100, false, true, 0),
        ["getGpuInfo"] = c => c.GetGpuInfoAsync(),
    };
#pragma warning restore CS0612, CS0618

    public static IEnumerable<object[]> OperationIds() => Calls.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Request_matches_the_approved_snapshot(string operationId)
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri("http://monailabel.test:8000/") };
        var client = new MonaiLabelClient(http, new MonaiLabelClientOptions { ClientId = SnapshotClientId });

        try
        {
            await Calls[operationId](client.Rest);
        }
        catch (MonaiLabelClientException)
        {
            // The canned "{}" answer may not fit every operation's answer type; only the request matters here.
        }

        var request = Assert.Single(recorder.Requests);
        Approval.Verify(RepoPaths.Combine("tests", "MonaiLabel.Client.Tests", "Snapshots", "requests", operationId + ".approved.txt"), request);
    }

    [Fact]
    public void Every_spec_operation_has_a_request_snapshot()
    {
        var spec = File.ReadAllText(RepoPaths.Combine("openapi", "monailabel.yaml"));
        var operationIds = Regex.Matches(spec, @"^\s*operationId:\s*(\S+)\s*$", RegexOptions.Multiline)
            .Cast<Match>().Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(operationIds);
        Assert.Empty(operationIds.Except(Calls.Keys));
        Assert.Empty(Calls.Keys.Except(operationIds));
    }
}
