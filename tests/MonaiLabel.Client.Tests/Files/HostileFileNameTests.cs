using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// File names a hostile server offers, written byte for byte on the wire — in a file answer's Content-Disposition
/// and in a multipart part's — never reach outside the chosen directory: the file lands directly in it under a
/// sanitized name, nothing else appears under the test's root, and no temporary file is left. The same names sent
/// through WireMock (a multipart part, a file answer, an infer file answer) keep the raw name (only) in
/// <see cref="SavedFile.RawFileName"/>.
/// </summary>
[Trait("Category", "Hostile")]
public class HostileFileNameTests
{
    private static readonly string Long1000 = new string('a', 1000) + ".nii.gz";

    /// <summary>(the Content-Disposition file parameter as sent, the name the file must be saved under).</summary>
    public static TheoryData<string, string> Names => new()
    {
        { "filename=\"../x.nii.gz\"", "x.nii.gz" },
        { "filename=\"../../../../../../../../tmp/x.nii.gz\"", "x.nii.gz" },
        { "filename=\"..\\\\x.nii.gz\"", "x.nii.gz" }, // quoted-string: \\ is one backslash, so the name is ..\x.nii.gz
        { "filename=..\\..\\x.nii.gz", "x.nii.gz" }, // unquoted, as some servers write it
        { "filename=\"/abs/x.nii.gz\"", "x.nii.gz" },
        { "filename=\"C:\\\\x.nii.gz\"", "x.nii.gz" },
        { "filename=\"C:x.nii.gz\"", "x.nii.gz" },
        { "filename=\"\\\\\\\\server\\\\share\\\\x.nii.gz\"", "x.nii.gz" },
        // Unescaped backslashes, as Starlette and most servers write them (issue 12, item 6).
        { "filename=\"C:\\Windows\\evil.nii.gz\"", "evil.nii.gz" },
        { "filename=\"\\\\server\\share\\evil.nii.gz\"", "evil.nii.gz" },
        { "filename=\"..\\evil.nii.gz\"", "evil.nii.gz" },
        { "filename*=utf-8''%2e%2e%2fx.nii.gz", "x.nii.gz" },
        { "filename*=utf-8''%2E%2E%5C%2E%2E%5Cx.nii.gz", "x.nii.gz" },
        { "filename=\"safe.nii.gz\"; filename*=utf-8''..%2f..%2fevil.nii.gz", "evil.nii.gz" },
        { "filename*=utf-8''a%00b.nii.gz", "ab.nii.gz" },
        { "filename*=utf-8''a%01b%1b%7f%0d%0ac.nii.gz", "abc.nii.gz" },
        { "filename*=utf-8''scan%E2%80%AEzg.ii%E2%80%AC.exe", "scanzg.ii.exe" }, // right-to-left override removed
        { "filename=\"" + Long1000 + "\"", new string('a', 255 - 7) + ".nii.gz" },
        { "filename*=utf-8''" + string.Concat(Enumerable.Repeat("%C3%A9", 1000)) + ".nii.gz", new string('é', 124) + ".nii.gz" },
        { "filename=\"CON.nii.gz\"", "_CON.nii.gz" },
        { "filename=\"lpt1\"", "_lpt1" },
        { "filename=\"x<>:|?*.nii.gz\"", "x______.nii.gz" },
        { "filename=\"..\"", "fallback-id" },
        { "filename=\"\"", "fallback-id" },
        { "filename*=utf-8''..%2f..%2f", "fallback-id" },
        { "filename=\" . . \"", "fallback-id" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_file_answer_is_saved_inside_the_directory_under_a_safe_name(string fileParameter, string expected)
    {
        var body = RawHttp.Bytes(3000);
        using var server = RawServer.Once(RawHttp.File(body, "attachment; " + fileParameter));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var saved = await HostileClient.Within(10, () => client.DownloadLabelToAsync("fallback-id", "final", root.Dir));

        AssertSaved(root, saved, expected, body);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_multipart_part_is_saved_inside_the_directory_under_a_safe_name(string fileParameter, string expected)
    {
        var content = RawHttp.Bytes(3000, seed: 2);
        var answer = RawMultipart.Answer(RawMultipart.Body(RawMultipart.Params(), RawMultipart.File(fileParameter, content)));
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(10, () => client.InferAsync("segmentation_spleen", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        var saved = Assert.Single(result.Files);
        // An infer result is named after the image and model; the server's (safe) name lends only its extension.
        AssertSaved(root, saved, "img_segmentation_spleen" + InferNames.ExtensionOf(expected == "fallback-id" ? "result" : expected), content);
        Assert.Equal(1, (long?)result.Params?["label_names"]?["spleen"]);
    }

    [Theory]
    [InlineData("a\u0001b\u001fc.nii.gz", "abc.nii.gz")]
    [InlineData("\u0000x.nii.gz", "x.nii.gz")]
    [InlineData("../\u0000../x\t.nii.gz", "x.nii.gz")]
    public async Task Raw_NUL_and_control_bytes_in_a_part_header_are_dropped_from_the_name(string raw, string expected)
    {
        var content = RawHttp.Bytes(100, seed: 3);
        var answer = RawMultipart.Answer(RawMultipart.Body(RawMultipart.File($"filename=\"{raw}\"", content)));
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(10, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        AssertSaved(root, Assert.Single(result.Files), "img_m" + InferNames.ExtensionOf(expected), content);
        Assert.Equal(raw, result.Files[0].RawFileName);
    }

    [Fact]
    public async Task An_absolute_name_pointing_into_the_root_itself_still_lands_in_the_result_directory()
    {
        using var root = new TempResultDir(create: false);
        var escape = Path.Combine(root.Root, "escaped.nii.gz");
        var body = RawHttp.Bytes(500);
        using var server = RawServer.Once(RawHttp.File(body, $"attachment; filename=\"{escape.Replace("\\", "\\\\")}\""));
        using var client = HostileClient.For(server);

        var saved = await HostileClient.Within(10, () => client.DownloadImageToAsync("img", root.Dir));

        AssertSaved(root, saved, "escaped.nii.gz", body);
        Assert.False(File.Exists(escape));
    }

    [Fact]
    public async Task Two_parts_with_the_same_hostile_name_are_both_kept_inside_the_directory()
    {
        var first = RawHttp.Bytes(100, seed: 4);
        var second = RawHttp.Bytes(200, seed: 5);
        var answer = RawMultipart.Answer(RawMultipart.Body(
            RawMultipart.File("filename=\"../x.nii.gz\"", first),
            RawMultipart.File("filename=\"..\\\\x.nii.gz\"", second)));
        using var server = RawServer.Once(answer);
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var result = await HostileClient.Within(10, () => client.InferAsync("m", new InferRequest { ImageId = "img", ResultDirectory = root.Dir }));

        Assert.Equal(new[] { "img_m.nii.gz", "img_m_1.nii.gz" }, result.Files.Select(f => f.FileName));
        root.AssertOnly("img_m.nii.gz", "img_m_1.nii.gz");
        Assert.Equal(first, File.ReadAllBytes(result.Files[0].Path));
        Assert.Equal(second, File.ReadAllBytes(result.Files[1].Path));
    }

    internal static void AssertSaved(TempResultDir root, SavedFile saved, string expectedName, byte[] body)
    {
        Assert.Equal(expectedName, saved.FileName);
        Assert.Equal(root.Dir, Path.GetDirectoryName(saved.Path));
        Assert.True(Encoding.UTF8.GetByteCount(saved.FileName) <= 255, "name longer than 255 bytes");
        Assert.Equal(body, File.ReadAllBytes(saved.Path));
        Assert.Equal(body.Length, saved.Length);
        root.AssertOnly(expectedName);
    }

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
        // A raw server: ASP.NET Core 2.x (WireMock on .NET Framework / Mono) refuses to send a tab in a header.
        var bytes = ClientTest.BinaryBytes(99);
        using var server = RawServer.Once(RawHttp.File(bytes, "attachment; filename=\"a\tb.nii.gz\""));
        using var client = HostileClient.For(server);
        using var dir = new TempResultDir();

        var saved = await client.DownloadImageToAsync("i", dir.Dir);

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
