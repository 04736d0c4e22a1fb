using System.Linq;
using System.Text;
using Xunit;

namespace MonaiLabel.Client.Tests;

public class SafeFileNameTests
{
    public static TheoryData<string?, string> Cases => new()
    {
        { "a.nii.gz", "a.nii.gz" },
        { "Fall \u00dc 1 (wire).nii.gz", "Fall \u00dc 1 (wire).nii.gz" },
        { "../../x", "x" },
        { "..\\x", "x" },
        { "../", "result" },
        { "/etc/passwd", "passwd" },
        { "C:\\x", "x" },
        { "C:x.nii.gz", "x.nii.gz" },
        { "C:", "result" },
        { "\\\\server\\share\\x", "x" },
        { "\\\\?\\C:\\x.nii.gz", "x.nii.gz" },
        { "dir/sub/", "result" },
        { "a\u0000b", "ab" },
        { "a\u0001\u001f\tb\u007f\u0085c\r\n", "abc" },
        { "scan\u202Egz.exe", "scangz.exe" },
        { "a<b>c:d\"e|f?g*h", "a_b_c_d_e_f_g_h" },
        { "emoji \uD83D\uDE00.png", "emoji \uD83D\uDE00.png" },
        { "", "result" },
        { null, "result" },
        { "   ", "result" },
        { ".", "result" },
        { "..", "result" },
        { "...", "result" },
        { ".hidden", "hidden" },
        { " . .x.nii.gz. . ", "x.nii.gz" },
        { "name. . .", "name" },
        { "CON.nii.gz", "_CON.nii.gz" },
        { "con", "_con" },
        { "Nul .txt", "_Nul .txt" },
        { "aux", "_aux" },
        { "COM1.seg.nrrd", "_COM1.seg.nrrd" },
        { "lpt9", "_lpt9" },
        { "COM10.txt", "COM10.txt" },
        { "CONSOLE.txt", "CONSOLE.txt" },
        { "x/CON", "_CON" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reduces_names_to_a_safe_base_name(string? raw, string expected)
    {
        Assert.Equal(expected, SafeFileName.Sanitize(raw));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_idempotent(string? raw, string expected)
    {
        Assert.Equal(expected, SafeFileName.Sanitize(SafeFileName.Sanitize(raw)));
    }

    [Fact]
    public void Replaces_a_lone_surrogate()
    {
        // Not a theory case: xunit would turn the lone surrogate into U+FFFD while serializing the data.
        Assert.Equal("lone_surrogate_", SafeFileName.Sanitize("lone\uD800surrogate\uDC00"));
    }

    [Fact]
    public void Uses_the_fallback_sanitized_too()
    {
        Assert.Equal("label.nii.gz", SafeFileName.Sanitize("..", "label.nii.gz"));
        Assert.Equal("evil", SafeFileName.Sanitize(null, "../evil"));
        Assert.Equal("result", SafeFileName.Sanitize("", ""));
        Assert.Equal("result", SafeFileName.Sanitize("/", "//"));
    }

    [Theory]
    [InlineData(".nii.gz")]
    [InlineData(".seg.nrrd")]
    [InlineData(".tar.gz")]
    [InlineData(".safetensors")]
    public void Shortens_a_long_stem_but_keeps_the_extension(string extension)
    {
        var stem = string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + (i % 26))));

        var safe = SafeFileName.Sanitize(stem + extension);

        Assert.EndsWith(extension, safe);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(safe));
        Assert.StartsWith(safe.Substring(0, safe.Length - extension.Length), stem);
    }

    [Theory]
    [InlineData("\u00e9")] // 2 bytes in UTF-8
    [InlineData("\u20ac")] // 3 bytes
    [InlineData("\uD83D\uDE00")] // 4 bytes, a surrogate pair
    public void Never_cuts_a_character_in_half(string character)
    {
        var safe = SafeFileName.Sanitize(string.Concat(Enumerable.Repeat(character, 200)) + ".nii.gz");

        Assert.EndsWith(".nii.gz", safe);
        Assert.InRange(Encoding.UTF8.GetByteCount(safe), 250, 255);
        var stem = safe.Substring(0, safe.Length - ".nii.gz".Length);
        Assert.Equal(0, stem.Length % character.Length);
        Assert.Equal(stem, string.Concat(Enumerable.Repeat(character, stem.Length / character.Length)));
    }

    [Fact]
    public void A_long_name_without_a_usable_extension_is_cut_whole()
    {
        var safe = SafeFileName.Sanitize(new string('x', 300) + "." + new string('y', 40));

        Assert.Equal(new string('x', 255), safe);
    }

    [Fact]
    public void A_255_byte_name_is_left_alone()
    {
        var name = new string('x', 248) + ".nii.gz";

        Assert.Equal(name, SafeFileName.Sanitize(name));
    }
}
