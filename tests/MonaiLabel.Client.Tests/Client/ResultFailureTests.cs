using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// Answers that cannot be read, cancellation, and name collisions: a failed or cancelled call leaves no file of its
/// answer behind (no partial file, no earlier file of the same answer), and two saves never clobber each other.
/// </summary>
public class ResultFailureTests
{
    [Fact]
    public async Task A_multipart_answer_truncated_mid_file_fails_InvalidResponse_and_leaves_the_directory_empty()
    {
        var body = MultipartAnswer.Build(
            closed: false,
            AnswerPart.Params("{\"label_names\": {}}"),
            AnswerPart.File("filename=\"label.nii.gz\"", ClientTest.BinaryBytes(1, 5000)));
        body = body.AsSpan(0, body.Length - 2000).ToArray(); // Cut inside the file part: no final delimiter.
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(body));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task With_Overwrite_a_failed_answer_leaves_the_files_it_would_have_replaced_untouched()
    {
        using var dir = new TempResultDir();
        File.WriteAllText(dir.PathOf("i_m.nii.gz"), "earlier first");
        File.WriteAllText(dir.PathOf("i_m_1.nii.gz"), "earlier second");
        var body = MultipartAnswer.Build(
            closed: false,
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"first.nii.gz\"", ClientTest.BinaryBytes(1, 100)),
            AnswerPart.File("filename=\"second.nii.gz\"", ClientTest.BinaryBytes(2, 5000)));
        body = body.AsSpan(0, body.Length - 1000).ToArray();
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(body));

        await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Overwrite = true }));

        // Files of an answer become visible only once the whole answer was read: nothing was replaced.
        Assert.Equal(new[] { "i_m.nii.gz", "i_m_1.nii.gz" }, dir.FileNames);
        Assert.Equal("earlier first", File.ReadAllText(dir.PathOf("i_m.nii.gz")));
        Assert.Equal("earlier second", File.ReadAllText(dir.PathOf("i_m_1.nii.gz")));
    }

    [Fact]
    public async Task With_Overwrite_a_complete_answer_replaces_the_earlier_files()
    {
        using var dir = new TempResultDir();
        File.WriteAllText(dir.PathOf("i_m.nii.gz"), "earlier first");
        var fresh = ClientTest.BinaryBytes(1, 100);
        var body = MultipartAnswer.Build(
            closed: true,
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"first.nii.gz\"", fresh));
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(body));

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Overwrite = true });

        Assert.Equal(dir.PathOf("i_m.nii.gz"), result.Label!.Path);
        Assert.Equal(fresh, File.ReadAllBytes(dir.PathOf("i_m.nii.gz")));
        Assert.Equal(new[] { "i_m.nii.gz" }, dir.FileNames);
    }

    [Fact]
    public async Task A_truncated_second_file_also_removes_the_first_file_of_the_same_answer()
    {
        var body = MultipartAnswer.Build(
            closed: false,
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"first.nii.gz\"", ClientTest.BinaryBytes(1, 100)),
            AnswerPart.File("filename=\"second.nii.gz\"", ClientTest.BinaryBytes(2, 5000)));
        body = body.AsSpan(0, body.Length - 1000).ToArray();
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(body));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task A_multipart_answer_missing_only_the_close_delimiter_fails_InvalidResponse()
    {
        var body = MultipartAnswer.Build(
            closed: false,
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"label.nii.gz\"", ClientTest.BinaryBytes(1, 100)));
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(body));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        dir.AssertEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\": 1")]
    [InlineData("")]
    public async Task A_params_part_that_is_not_a_JSON_object_fails_InvalidResponse(string paramsText)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.File("filename=\"label.nii.gz\"", ClientTest.BinaryBytes(1)),
            AnswerPart.Params(paramsText)));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("params", error.Message);
        dir.AssertEmpty(); // The label saved before the bad params part is removed too.
    }

    [Fact]
    public async Task A_JSON_answer_that_is_not_JSON_fails_InvalidResponse()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMockServerFixture.Text("{\"label_names\": ", "application/json"));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task A_multipart_content_type_without_boundary_fails_InvalidResponse()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200)
            .WithHeader("content-type", "multipart/form-data")
            .WithBody(MultipartAnswer.Build(AnswerPart.Params("{}"))));
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }));

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_throws_OperationCanceled_and_saves_nothing()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("11_post_infer_multipart");
        using var dir = new TempResultDir();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir }, cts.Token));

        dir.AssertEmpty();
    }

    [Fact]
    public async Task Cancelling_while_the_second_file_is_read_removes_every_file_of_the_answer()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"first.nii.gz\"", ClientTest.BinaryBytes(1, 1000)),
            AnswerPart.File("filename=\"second.nii.gz\"", ClientTest.BinaryBytes(2, 4_000_000))));
        using var dir = new TempResultDir();
        using var cts = new CancellationTokenSource();
        // Only the second file grows past 1000 bytes: cancel once it is being written.
        var progress = new RecordingProgress(written =>
        {
            if (written > 1000)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Progress = progress }, cts.Token));

        Assert.Contains(progress.Reports, written => written > 1000);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Cancelling_a_download_while_reading_leaves_no_partial_file()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(ClientTest.BinaryBytes(3, 4_000_000), "attachment; filename=\"big.nii.gz\""));
        using var dir = new TempResultDir();
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress(_ => cts.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            wire.CreateClient().DownloadImageToAsync("big", dir.Dir, progress: progress, cancellationToken: cts.Token));

        Assert.NotEmpty(progress.Reports);
        dir.AssertEmpty();
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_answer_throws_OperationCanceled()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(new byte[] { 1 }, "attachment; filename=\"late.nii.gz\"").WithDelay(TimeSpan.FromSeconds(3)));
        using var dir = new TempResultDir();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", Output = InferOutput.Image, ResultDirectory = dir.Dir }, cts.Token));

        dir.AssertEmpty();
    }

    [Fact]
    public async Task Two_downloads_of_the_same_label_are_numbered_and_overwrite_replaces()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("21_get_datastore_label_ascii");
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        var first = await client.DownloadLabelToAsync("wire_case", "final", dir.Dir);
        var second = await client.DownloadLabelToAsync("wire_case", "final", dir.Dir);

        Assert.Equal(dir.PathOf("wire_case.nii.gz"), first.Path);
        Assert.Equal(dir.PathOf("wire_case (1).nii.gz"), second.Path);
        Assert.Equal("wire_case.nii.gz", second.RawFileName);
        dir.AssertSavedInside(first, capture.Body);
        dir.AssertSavedInside(second, capture.Body);

        var replacement = Encoding.ASCII.GetBytes("REPLACED");
        wire.Server.Reset();
        wire.RespondWith(ClientTest.FileAnswer(replacement, "attachment; filename=\"wire_case.nii.gz\""));
        var third = await client.DownloadLabelToAsync("wire_case", "final", dir.Dir, overwrite: true);

        Assert.Equal(dir.PathOf("wire_case.nii.gz"), third.Path);
        Assert.Equal(replacement, File.ReadAllBytes(third.Path));
        Assert.Equal(capture.Body, File.ReadAllBytes(second.Path));
        Assert.Equal(new[] { "wire_case (1).nii.gz", "wire_case.nii.gz" }, dir.FileNames);
    }

    [Fact]
    public async Task Infer_Overwrite_replaces_an_earlier_result_of_the_same_name()
    {
        using var wire = new WireMockServerFixture();
        var capture = wire.RespondWithCapture("11_post_infer_multipart");
        using var dir = new TempResultDir();
        File.WriteAllText(dir.PathOf("i_m.nii.gz"), "old");
        var client = wire.CreateClient();

        var kept = await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });
        Assert.Equal("i_m (1).nii.gz", kept.Label!.FileName);

        var replaced = await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Overwrite = true });
        Assert.Equal(dir.PathOf("i_m.nii.gz"), replaced.Label!.Path);
        Assert.Equal(29, File.ReadAllBytes(replaced.Label.Path).Length);
        Assert.Equal(2, dir.FileNames.Length);
    }

    [Fact]
    public async Task An_HTTP_error_on_a_download_is_a_MonaiLabelClientException_and_saves_nothing()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWithCapture("40_404_datastore_image_missing");
        using var dir = new TempResultDir();

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => wire.CreateClient().DownloadImageToAsync("missing", dir.Dir));

        Assert.Equal(MonaiLabelErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        dir.AssertEmpty();
    }
}
