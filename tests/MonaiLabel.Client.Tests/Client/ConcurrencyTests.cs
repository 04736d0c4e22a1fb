using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using WireMock.RequestBuilders;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>One client shared by many concurrent calls: every answer lands in its own file with its own bytes.</summary>
public class ConcurrencyTests
{
    private const int Calls = 64;

    [Fact]
    public async Task Sixty_four_concurrent_infers_on_one_client_each_save_their_own_label()
    {
        using var wire = new WireMockServerFixture();
        var labels = Enumerable.Range(0, Calls).Select(Label).ToArray();
        for (var i = 0; i < Calls; i++)
        {
            wire.Server
                .Given(Request.Create().WithPath("/infer/model_" + i).UsingPost())
                .RespondWith(MultipartAnswer.Response(
                    AnswerPart.Params("{\"call\": " + i + "}"),
                    AnswerPart.File($"filename=\"label_{i}.nii.gz\"", labels[i])));
        }

        using var dir = new TempResultDir();
        var client = wire.CreateClient(o => o.ClientId = "shared");
        var shared = new Dictionary<string, object?> { ["same"] = "dictionary" };

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            Task.Run(() => client.InferAsync("model_" + i, new InferRequest { ImageId = "case_" + i, Params = shared, ResultDirectory = dir.Dir }))));

        for (var i = 0; i < Calls; i++)
        {
            Assert.Equal(i, (int)results[i].Params!["call"]!);
            Assert.Equal($"case_{i}_model_{i}.nii.gz", results[i].Label!.FileName);
            dir.AssertSavedInside(results[i].Label!, labels[i]);
        }

        Assert.Equal(Calls, results.Select(r => r.Label!.Path).Distinct().Count());
        Assert.Equal(Calls, dir.FileNames.Length);
        Assert.False(shared.ContainsKey("client_id"));

        // Every request carried its own params with the shared client id.
        var requests = ClientTest.WaitForRequests(wire, Calls);
        Assert.All(requests, r => Assert.Contains("\"client_id\":\"shared\"", r.RequestMessage.Body));
    }

    [Fact]
    public async Task Sixty_four_concurrent_infers_asking_for_the_same_file_name_each_get_their_own_file()
    {
        using var wire = new WireMockServerFixture();
        var labels = Enumerable.Range(0, Calls).Select(Label).ToArray();
        for (var i = 0; i < Calls; i++)
        {
            // Every call asks for the same name, so all 64 saves race for "label.nii.gz" in one directory.
            wire.Server
                .Given(Request.Create().WithPath("/infer/model_" + i).UsingPost())
                .RespondWith(MultipartAnswer.Response(
                    AnswerPart.Params("{\"call\": " + i + "}"),
                    AnswerPart.File("filename=\"label.nii.gz\"", labels[i])));
        }

        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i =>
            Task.Run(() => client.InferAsync("model_" + i, new InferRequest { ImageId = "case_" + i, ResultFileName = "label.nii.gz", ResultDirectory = dir.Dir }))));

        Assert.Equal(Calls, results.Select(r => r.Label!.Path).Distinct().Count());
        for (var i = 0; i < Calls; i++)
        {
            dir.AssertSavedInside(results[i].Label!, labels[i]);
        }

        Assert.Equal(Calls, dir.FileNames.Length);
        Assert.Contains("label.nii.gz", dir.FileNames);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Dir, ".*"));
    }

    private static byte[] Label(int i) =>
        Encoding.ASCII.GetBytes($"LABEL-{i:D3}-").Concat(ClientTest.BinaryBytes(i, 64 + i)).ToArray();
}
