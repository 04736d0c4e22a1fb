using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client.Tests.Hostile;
using MonaiLabel.Fuzz.Core;
using Xunit;

namespace MonaiLabel.Client.Tests.Fuzz;

/// <summary>
/// Inputs the fuzzer (tools/fuzz/MonaiLabel.Fuzz) found, kept after the fix. Each says what was wrong.
/// </summary>
[Trait("Category", "Fuzz")]
public class Regressions
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "mlc-fuzz-regressions");

    /// <summary>
    /// filenames, input seeds 14368133, 973161659, 828003733 and 2063459915: a device name, a long run of spaces,
    /// then a tail. The device-name check ran before the name was shortened to 255 bytes, and shortening trims the
    /// trailing spaces of the cut stem — leaving <c>PRN.gz</c>, <c>NUL</c>, <c>AUX.json</c>. Besides naming a
    /// Windows device, the result was not idempotent (Sanitize of it adds the '_'), so ResultFileWriter refused to
    /// save it: such a download failed with UnsafeFileName on every OS. Now the check runs on the shortened name.
    /// </summary>
    [Theory]
    [InlineData(3, 292, "\uFEFF.gz", "_PRN.gz")] // seed 14368133
    [InlineData(2, 592, "\"", "_NUL")] // seed 973161659: '"' becomes '_', and no extension survives
    [InlineData(0, 300, "x.nii.gz", "_CON.nii.gz")]
    [InlineData(1, 518, "c:.json", "_AUX.json")] // seed 828003733, as the quoted header decodes it
    public void A_device_name_left_by_shortening_is_prefixed(int device, int spaces, string tail, string expected)
    {
        var raw = new[] { "CON", "AUX", "NUL", "PRN" }[device] + new string(' ', spaces) + tail;

        var safe = SafeFileName.Sanitize(raw);

        Assert.Equal(expected, safe);
        Assert.Equal(safe, SafeFileName.Sanitize(safe));
        Assert.Null(FileNameFuzz.Violation(raw, Directory));
    }

    [Fact]
    public void The_header_form_of_seed_828003733_gives_a_safe_name()
    {
        // As the fuzzer wrote it. A backslash escapes only '"' and '\\' in a quoted-string (servers do not escape
        // the backslashes of names, issue 12 item 6), so the name is "AUX…c:\.json": its base name ".json" gives "json".
        var header = "attachment; filename=\"AUX" + new string(' ', 518) + "c:\\.json\"";

        Assert.Null(FileNameFuzz.HeaderViolation("AUX" + new string(' ', 518) + "c:\\.json", Directory));
        Assert.Equal("json", ContentDispositionFileName.GetSafeFileName(header));
    }

    [Fact]
    public async Task A_file_answer_named_like_seed_14368133_is_saved_instead_of_failing_with_UnsafeFileName()
    {
        var body = RawHttp.Bytes(64);
        var name = "CON" + new string(' ', 300) + "x.nii.gz";
        using var server = RawServer.Once(RawHttp.File(body, $"attachment; filename=\"{name}\""));
        using var client = HostileClient.For(server);
        using var root = new TempResultDir(create: false);

        var saved = await HostileClient.Within(10, () => client.DownloadLabelToAsync("lbl", "final", root.Dir));

        HostileFileNameTests.AssertSaved(root, saved, "_CON.nii.gz", body);
        Assert.Equal(name, saved.RawFileName);
    }
}
