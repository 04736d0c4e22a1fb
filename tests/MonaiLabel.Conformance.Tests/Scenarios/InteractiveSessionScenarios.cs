using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using MonaiLabel.Samples;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>
/// The interactive session (issue 22) on both targets: a session deleted behind the client's back is re-created
/// from the same file and the prompt sent again, with the right label; disposing deletes the session.
/// </summary>
[Collection(TargetCollection.Name)]
public sealed class InteractiveSessionScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task A_session_deleted_behind_the_clients_back_is_recreated_and_the_prompt_answered()
    {
        var bytes = Data(NewId("is"), 4000);
        var file = WriteFile("interactive.nii.gz", bytes);
        var model = await Client.GetModelCapabilitiesAsync("segmentation_spleen");
        var request = new InferRequest { ResultDirectory = Temp, Overwrite = true };

        string recreated;
        await using (var session = await Client.StartInteractiveSessionAsync(file))
        {
            var first = session.SessionId;
            var before = await session.InferAsync(model, request);
            Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(before.Label!.Path));

            await Client.DeleteSessionAsync(first); // expiry or a restart, as the client sees it
            var after = await session.InferAsync(model, request);

            Assert.Equal(1, session.Recreations);
            Assert.NotEqual(first, session.SessionId);
            Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(after.Label!.Path));
            Assert.Equal("interactive_segmentation_spleen.nii.gz", after.Label.FileName);
            recreated = session.SessionId;
            Assert.Equal(recreated, (await Client.GetSessionAsync(recreated)).Name);
        }

        var gone = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.GetSessionAsync(recreated));
        Assert.Equal(MonaiLabelErrorKind.SessionExpired, gone.Kind);
    }

    [Fact]
    public async Task The_interactive_annotation_sample_sends_deepedit_clicks_and_prints_the_refusal()
    {
        var bytes = Data(NewId("ia"), 5000);
        var file = WriteFile("case.nii.gz", bytes);
        var results = Path.Combine(Temp, "interactive-results");
        var deepedit = await Client.GetModelCapabilitiesAsync("deepedit");
        var labels = string.Join(", ", deepedit.Labels.Select(l => l.Name));
        var keys = deepedit.HasLabel("background") ? labels : labels + ", background";

        using var output = new StringWriter();
        await InteractiveAnnotation.RunAsync(Server.Url, file, results, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(4, lines.Length);
        Assert.Equal($"Model 'deepedit' (deepedit, 3D): labels {labels}", lines[0]);
        Assert.Equal("1 click(s) on spleen: label saved as case_deepedit.nii.gz", lines[1]);
        Assert.Equal("2 click(s) on spleen: label saved as case_deepedit.nii.gz", lines[2]);
        Assert.StartsWith($"Model 'deepedit' (deepedit, 3D): prompt field 'kidney' is not a label of the model: points go under one of {keys}.", lines[3]);
        Assert.Equal(Target.ExpectedLabel(bytes), await File.ReadAllBytesAsync(Path.Combine(results, "case_deepedit.nii.gz")));
    }
}
