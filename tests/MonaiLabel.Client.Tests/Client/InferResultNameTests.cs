using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// Issue 17: infer results are saved under predictable names, not the server's temporary ones (tmp0rbjqoff.nii.gz):
/// <c>{image}_{model}</c> + the server's extension, <c>_1</c>, <c>_2</c>… for further files of one answer, a session
/// id or the upload's stem when there is no image id, or the caller's <see cref="InferRequest.ResultFileName"/>.
/// The server's name stays on <see cref="SavedFile.RawFileName"/>.
/// </summary>
public class InferResultNameTests
{
    private static readonly byte[] First = ClientTest.BinaryBytes(21, 300);
    private static readonly byte[] Second = ClientTest.BinaryBytes(22, 400);

    [Fact]
    public async Task Default_is_image_and_model_with_the_server_extension_and_an_index_for_further_files()
    {
        var result = await InferTwoFilesAsync(new InferRequest { ImageId = "spleen_10" }, "segmentation_spleen", out var dir);
        using (dir)
        {
            Assert.Equal(new[] { "spleen_10_segmentation_spleen.nii.gz", "spleen_10_segmentation_spleen_1.seg.nrrd" }, result.Files.Select(f => f.FileName));
            Assert.Equal(new[] { "tmp0rbjqoff.nii.gz", "tmpk2x9.seg.nrrd" }, result.Files.Select(f => f.RawFileName));
            dir.AssertSavedInside(result.Files[0], First);
            dir.AssertSavedInside(result.Files[1], Second);
        }
    }

    [Theory]
    [InlineData("mine.nii.gz", "mine.nii.gz", "mine_1.seg.nrrd")]
    [InlineData("mine", "mine.nii.gz", "mine_1.seg.nrrd")]               // no extension: the server's is added
    [InlineData("../elsewhere/mine.nrrd", "mine.nrrd", "mine_1.seg.nrrd")] // made safe: the directory part is dropped
    [InlineData("CON.nii.gz", "_CON.nii.gz", "_CON_1.seg.nrrd")]
    public async Task ResultFileName_names_the_first_file_and_lends_its_stem_to_the_others(string chosen, string first, string second)
    {
        var result = await InferTwoFilesAsync(new InferRequest { ImageId = "spleen_10", ResultFileName = chosen }, "m", out var dir);
        using (dir)
        {
            Assert.Equal(new[] { first, second }, result.Files.Select(f => f.FileName));
            Assert.Equal(new[] { first, second }.OrderBy(n => n, System.StringComparer.Ordinal), dir.FileNames);
        }
    }

    [Fact]
    public async Task A_session_stands_for_the_image_and_wins_over_an_image_id_as_on_the_server()
    {
        var result = await InferOneAsync(new InferRequest { ImageId = "ignored", SessionId = "6f1c2a" }, "filename=\"tmp1.nii.gz\"");
        Assert.Equal("6f1c2a_m.nii.gz", result.Label!.FileName);
    }

    [Theory]
    [InlineData("case7.nii.gz", "case7_m.nii.gz")]
    [InlineData("scan.seg.nrrd", "scan_m.nii.gz")] // the stem of the upload, the extension of the result
    [InlineData(null, "upload_m.nii.gz")]
    public async Task An_uploaded_file_stands_for_the_image_by_its_stem(string? uploadName, string expected)
    {
        var data = new MemoryStream(new byte[] { 1, 2, 3 });
        var upload = uploadName == null ? new FileParameter(data) : FileParameter.FromStream(data, uploadName);
        var result = await InferOneAsync(new InferRequest { File = upload }, "filename=\"tmp2.nii.gz\"");
        Assert.Equal(expected, result.Label!.FileName);
    }

    [Theory]
    [InlineData("series/1.2.840.10008", "series_1.2.840.10008_m.nii.gz")] // a separator in an id is kept as _
    [InlineData("a:b", "a_b_m.nii.gz")]
    public async Task Image_ids_are_made_safe_without_losing_a_part(string image, string expected)
    {
        var result = await InferOneAsync(new InferRequest { ImageId = image }, "filename=\"tmp3.nii.gz\"");
        Assert.Equal(expected, result.Label!.FileName);
    }

    [Theory]
    [InlineData("filename=\"tmpnoext\"", "i_m")]
    [InlineData("filename=\"\"", "i_m")]
    [InlineData("filename=\"../../etc/cron.d/job.sh\"", "i_m.sh")]
    public async Task Without_a_usable_server_extension_the_name_has_none(string fileParameter, string expected)
    {
        var result = await InferOneAsync(new InferRequest { ImageId = "i" }, fileParameter);
        Assert.Equal(expected, result.Label!.FileName);
    }

    [Fact]
    public async Task A_single_file_answer_is_named_the_same_way()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(First, "attachment; filename=\"tmp9r74f209.nii.gz\""));
        using var dir = new TempResultDir();

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", Output = InferOutput.Image, ResultDirectory = dir.Dir });

        Assert.Equal("i_m.nii.gz", result.Label!.FileName);
        Assert.Equal("tmp9r74f209.nii.gz", result.Label.RawFileName);
    }

    [Fact]
    public async Task A_whole_slide_file_answer_is_named_after_the_image_and_model()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(First, "attachment; filename=\"tmpabc.xml\"", "application/xml"));
        using var dir = new TempResultDir();

        var result = await wire.CreateClient().InferWsiAsync("segmentation_tissue", "slide-1", output: WsiInferOutput.Asap, resultDirectory: dir.Dir);

        Assert.Equal("slide-1_segmentation_tissue.xml", result.Label!.FileName);
    }

    [Fact]
    public async Task The_same_infer_twice_gives_the_same_name_numbered_unless_Overwrite()
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(AnswerPart.Params("{}"), AnswerPart.File("filename=\"tmpa.nii.gz\"", First)));
        using var dir = new TempResultDir();
        var client = wire.CreateClient();

        await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });
        await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir, Overwrite = true });
        Assert.Equal(new[] { "i_m.nii.gz" }, dir.FileNames);
        await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });
        Assert.Equal(new[] { "i_m (1).nii.gz", "i_m.nii.gz" }, dir.FileNames);
    }

    private static Task<InferResult> InferTwoFilesAsync(InferRequest request, string model, out TempResultDir dir)
    {
        var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"tmp0rbjqoff.nii.gz\"", First),
            AnswerPart.File("filename=\"tmpk2x9.seg.nrrd\"", Second)));
        dir = new TempResultDir();
        request.ResultDirectory = dir.Dir;
        return DisposeAfter(wire, wire.CreateClient().InferAsync(model, request));
    }

    private static async Task<InferResult> InferOneAsync(InferRequest request, string fileParameter)
    {
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(AnswerPart.Params("{}"), AnswerPart.File(fileParameter, Encoding.ASCII.GetBytes("label"))));
        using var dir = new TempResultDir();
        request.ResultDirectory = dir.Dir;
        var result = await wire.CreateClient().InferAsync("m", request);
        Assert.Equal(dir.Dir, Path.GetDirectoryName(result.Label!.Path));
        return result;
    }

    private static async Task<InferResult> DisposeAfter(WireMockServerFixture wire, Task<InferResult> call)
    {
        using (wire)
        {
            return await call;
        }
    }
}
