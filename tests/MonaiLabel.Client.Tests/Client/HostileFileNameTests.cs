using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// File names a hostile or broken server may offer, in a multipart part and in a file answer's Content-Disposition:
/// whatever the name, the file lands directly inside the chosen directory, nothing is written elsewhere, and the
/// raw name is kept (only) in <see cref="SavedFile.RawFileName"/>.
/// </summary>
public class HostileFileNameTests
{
    /// <summary>
    /// (the Content-Disposition file parameter exactly as sent, the raw name it means). Backslashes and quotes in a
    /// quoted-string are escaped as RFC 9110 requires, so the raw name is unambiguous.
    /// </summary>
    private static readonly (string FileParameter, string? Raw)[] HostileNames =
    {
        ("filename=\"../../x.nii.gz\"", "../../x.nii.gz"),
        ("filename=\"../../../../../../../../tmp/x.nii.gz\"", "../../../../../../../../tmp/x.nii.gz"),
        ("filename=\"/etc/x\"", "/etc/x"),
        ("filename=\"C:\\\\x\"", "C:\\x"),
        ("filename=\"C:x.nii.gz\"", "C:x.nii.gz"),
        ("filename=\"..\\\\\\\\x\"", "..\\\\x"),
        ("filename=\"..\\\\..\\\\x.nii.gz\"", "..\\..\\x.nii.gz"),
        ("filename=\"\\\\\\\\server\\\\share\\\\x\"", "\\\\server\\share\\x"),
        ("filename=\"\"", null),
        ("filename=\"..\"", ".."),
        ("filename=\".\"", "."),
        ("filename=\"   \"", "   "),
        ("filename=\"a\u0001b\u001fc\u007f.nii.gz\"", "a\u0001b\u001fc\u007f.nii.gz"),
        ("filename=\"\u0000x.nii.gz\"", "\u0000x.nii.gz"),
        ("filename=\"scan\u202Ezg.ii\u202C.exe\"", "scan\u202Ezg.ii\u202C.exe"),
        ("filename*=utf-8''%2e%2e%2fx", "../x"),
        ("filename*=utf-8''..%2F..%2Fx.nii.gz", "../../x.nii.gz"),
        ("filename*=UTF-8''%2E%2E%5C%2E%2E%5Cx.nii.gz", "..\\..\\x.nii.gz"),
        ("filename=\"ok.nii.gz\"; filename*=utf-8''..%2f..%2fevil.nii.gz", "../../evil.nii.gz"),
        ("filename=\"CON.nii.gz\"", "CON.nii.gz"),
        ("filename=\"x<>:|?*.nii.gz\"", "x<>:|?*.nii.gz"),
        ("filename=../../unquoted.nii.gz", "../../unquoted.nii.gz"),
        ("filename=..\\..\\unquoted.nii.gz", "..\\..\\unquoted.nii.gz"),
        ("filename=/etc/passwd; size=12", "/etc/passwd"),
        ("FILENAME=\"../UPPER.nii.gz\"", "../UPPER.nii.gz"),
    };

    [Fact]
    public async Task A_multipart_part_name_never_leaves_the_result_directory()
    {
        using var wire = new WireMockServerFixture();
        var client = wire.CreateClient();
        await ForEachName(HostileNames, async (fileParameter, raw, bytes) =>
        {
            wire.Server.ResetMappings();
            wire.RespondWith(MultipartAnswer.Response(AnswerPart.Params("{}"), AnswerPart.File(fileParameter, bytes)));
            using var dir = new TempResultDir();

            var result = await client.InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });

            var saved = Assert.Single(result.Files);
            AssertSafelySaved(dir, saved, bytes, raw);
            Assert.Equal(InferNames.Expected("i_m", raw), saved.FileName); // the server's name lends only its extension
        });
    }

    [Fact]
    public async Task A_file_answer_name_never_leaves_the_result_directory()
    {
        using var wire = new WireMockServerFixture();
        var client = wire.CreateClient();
        await ForEachName(HeaderSafe(HostileNames), async (fileParameter, raw, bytes) =>
        {
            wire.Server.ResetMappings();
            wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment; " + fileParameter));
            using var dir = new TempResultDir();

            var saved = await client.DownloadLabelToAsync("case 1", "final", dir.Dir);

            AssertSafelySaved(dir, saved, bytes, raw);
            Assert.Equal(SafeFileName.Sanitize(raw, "case 1"), saved.FileName);
        });
    }

    [Fact]
    public async Task An_infer_file_answer_name_never_leaves_the_result_directory()
    {
        using var wire = new WireMockServerFixture();
        var client = wire.CreateClient();
        await ForEachName(HeaderSafe(HostileNames), async (fileParameter, raw, bytes) =>
        {
            wire.Server.ResetMappings();
            wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment; " + fileParameter));
            using var dir = new TempResultDir();

            var result = await client.InferAsync("m", new InferRequest { ImageId = "i", Output = InferOutput.Image, ResultDirectory = dir.Dir });

            var saved = Assert.Single(result.Files);
            AssertSafelySaved(dir, saved, bytes, raw);
            Assert.Equal(InferNames.Expected("i_m", raw), saved.FileName);
        });
    }

    [Fact]
    public async Task FileAnswer_with_control_characters_in_the_name_is_saved_without_them()
    {
        var bytes = ClientTest.BinaryBytes(99);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment; filename=\"a\tb.nii.gz\""));
        using var dir = new TempResultDir();

        var saved = await wire.CreateClient().DownloadImageToAsync("i", dir.Dir);

        AssertSafelySaved(dir, saved, bytes, "a\tb.nii.gz");
        Assert.Equal("ab.nii.gz", saved.FileName);
    }

    [Fact]
    public async Task Absolute_names_do_not_write_to_the_absolute_path()
    {
        var target = Path.Combine(Path.GetTempPath(), "mlc-absolute-" + Guid.NewGuid().ToString("N") + ".nii.gz");
        var bytes = ClientTest.BinaryBytes(42);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(MultipartAnswer.Response(
            AnswerPart.Params("{}"),
            AnswerPart.File("filename=\"" + target.Replace("\\", "\\\\") + "\"", bytes)));
        using var dir = new TempResultDir();

        var result = await wire.CreateClient().InferAsync("m", new InferRequest { ImageId = "i", ResultDirectory = dir.Dir });

        Assert.False(File.Exists(target), "Wrote to the absolute path " + target);
        AssertSafelySaved(dir, result.Label!, bytes, target);
        Assert.Equal("i_m.nii.gz", result.Label!.FileName);
    }

    [Fact]
    public async Task A_hostile_name_never_replaces_a_file_outside_even_with_overwrite()
    {
        using var dir = new TempResultDir();
        var outside = Path.Combine(dir.Root, "l1", "victim.nii.gz");
        File.WriteAllText(outside, "keep me");
        var bytes = ClientTest.BinaryBytes(43);
        using var wire = new WireMockServerFixture();
        wire.RespondWith(ClientTest.FileAnswer(bytes, "attachment; filename=\"../victim.nii.gz\""));

        var saved = await wire.CreateClient().DownloadLabelToAsync("victim", "final", dir.Dir, overwrite: true);

        Assert.Equal("keep me", File.ReadAllText(outside));
        Assert.Equal(dir.PathOf("victim.nii.gz"), saved.Path);
        Assert.Equal(bytes, File.ReadAllBytes(saved.Path));
    }

    /// <summary>
    /// The names WireMock (Kestrel) can send in a response header: it does not send control or non-ASCII characters
    /// there. The multipart test covers those, and FileAnswer_with_control_characters_* a tab.
    /// </summary>
    private static (string FileParameter, string? Raw)[] HeaderSafe((string FileParameter, string? Raw)[] names) =>
        names.Where(n => n.FileParameter.All(c => c >= ' ' && c <= '~')).ToArray();

    /// <summary>Runs <paramref name="check"/> for every name (with its own bytes), saying which name failed.</summary>
    private static async Task ForEachName(
        (string FileParameter, string? Raw)[] names, Func<string, string?, byte[], Task> check)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var (fileParameter, raw) = names[i];
            try
            {
                await check(fileParameter, raw, ClientTest.BinaryBytes(i, 200 + i));
            }
            catch (Exception e) when (e is not XunitException)
            {
                throw new XunitException($"Name case {i} ({Escape(fileParameter)}): {e}");
            }
            catch (XunitException e)
            {
                throw new XunitException($"Name case {i} ({Escape(fileParameter)}): {e.Message}");
            }
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void AssertSafelySaved(TempResultDir dir, SavedFile saved, byte[] bytes, string? raw)
    {
        Assert.Equal(dir.Dir, Path.GetDirectoryName(saved.Path));
        dir.AssertSavedInside(saved, bytes);
        dir.AssertNothingOutsideDir();
        Assert.Equal(raw, saved.RawFileName);
        var name = saved.FileName;
        Assert.False(string.IsNullOrWhiteSpace(name));
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain(':', name);
        Assert.False(name.StartsWith(".", StringComparison.Ordinal), "Hidden or relative name: " + name);
        Assert.DoesNotContain(name, c => char.IsControl(c));
        Assert.Equal(new[] { name }, dir.FileNames);
    }
}
