using Xunit;

namespace MonaiLabel.Client.Tests;

public class ContentDispositionFileNameTests
{
    [Theory]
    [InlineData("20_get_datastore_label_nonascii", "Fall \u00dc 1 (wire).nii.gz")]
    [InlineData("21_get_datastore_label_ascii", "wire_case.nii.gz")]
    [InlineData("13_post_infer_output_image", "tmp9r74f209.nii.gz")]
    public void Reads_the_names_a_real_server_sends(string fixture, string expected)
    {
        var header = WireCapture.Load(fixture).Headers["content-disposition"];

        Assert.Equal(expected, ContentDispositionFileName.GetRawFileName(header));
    }

    [Theory]
    [InlineData("attachment; filename*=utf-8''Fall%20%C3%9C%201%20%28wire%29.nii.gz", "Fall \u00dc 1 (wire).nii.gz")]
    [InlineData("attachment; filename*=UTF-8''%E2%82%AC%20rates.nii.gz", "\u20ac rates.nii.gz")]
    [InlineData("attachment; filename*=Utf-8'en'a%20b.nii.gz", "a b.nii.gz")]
    [InlineData("attachment; filename*=iso-8859-1'en'%E4rger.txt", "\u00e4rger.txt")]
    [InlineData("attachment; filename*=ISO-8859-1''%A3%20rates", "\u00a3 rates")]
    [InlineData("attachment; filename*=\"utf-8''quoted%20anyway.nii.gz\"", "quoted anyway.nii.gz")]
    [InlineData("attachment; filename*=utf-8''100%25%2", "100%%2")] // Broken escapes are kept, not guessed.
    public void Decodes_filename_star(string header, string expected)
    {
        Assert.Equal(expected, ContentDispositionFileName.GetRawFileName(header));
    }

    [Theory]
    [InlineData("attachment; filename=\"a.nii.gz\"", "a.nii.gz")]
    [InlineData("attachment; filename=\"a \\\"quoted\\\" name.nii.gz\"", "a \"quoted\" name.nii.gz")]
    [InlineData("attachment; filename=\"back\\\\slash.nii.gz\"", "back\\slash.nii.gz")]
    [InlineData("attachment; filename=\"C:\\Windows\\evil.nii.gz\"", "C:\\Windows\\evil.nii.gz")] // unescaped, as Starlette writes it
    [InlineData("attachment; filename=\"\\\\server\\share\\evil.nii.gz\"", "\\server\\share\\evil.nii.gz")]
    [InlineData("attachment; filename=\"dir\\\\\"", "dir\\")] // an escaped backslash before the closing quote
    [InlineData("attachment; filename=\"semi;colon.nii.gz\"; size=3", "semi;colon.nii.gz")]
    [InlineData("attachment; filename=plain.nii.gz", "plain.nii.gz")]
    [InlineData("attachment;filename=plain.nii.gz;size=3", "plain.nii.gz")]
    [InlineData("attachment; filename=a b (1).nii.gz", "a b (1).nii.gz")]
    [InlineData("attachment; FILENAME=\"upper.nii.gz\"", "upper.nii.gz")]
    [InlineData("form-data; name=\"image\"; filename=\"tmp5ur3p6jf.nii.gz\"", "tmp5ur3p6jf.nii.gz")]
    [InlineData("attachment; filename=\"unterminated.nii.gz", "unterminated.nii.gz")]
    public void Reads_plain_filename_quoted_or_not(string header, string expected)
    {
        Assert.Equal(expected, ContentDispositionFileName.GetRawFileName(header));
    }

    [Theory]
    [InlineData("attachment; filename=\"plain.nii.gz\"; filename*=utf-8''star%20name.nii.gz")]
    [InlineData("attachment; filename*=utf-8''star%20name.nii.gz; filename=\"plain.nii.gz\"")]
    public void Filename_star_wins_over_filename(string header)
    {
        Assert.Equal("star name.nii.gz", ContentDispositionFileName.GetRawFileName(header));
    }

    [Theory]
    [InlineData("attachment; filename*=koi8-r''%C1; filename=\"fallback.nii.gz\"")]
    [InlineData("attachment; filename*=no-quotes-here; filename=\"fallback.nii.gz\"")]
    [InlineData("attachment; filename*=utf-8''; filename=\"fallback.nii.gz\"")]
    public void Unusable_filename_star_falls_back_to_filename(string header)
    {
        Assert.Equal("fallback.nii.gz", ContentDispositionFileName.GetRawFileName(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("attachment")]
    [InlineData("inline; size=12")]
    [InlineData("attachment; filename=\"\"")]
    [InlineData("attachment; filename")]
    [InlineData("form-data; name=\"params\"")]
    [InlineData("attachment; myfilename=\"nope.nii.gz\"")]
    public void No_file_name_gives_null(string? header)
    {
        Assert.Null(ContentDispositionFileName.GetRawFileName(header));
        Assert.Null(ContentDispositionFileName.GetSafeFileName(header));
    }

    [Theory]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename*=utf-8''..%2F..%2Fevil.nii.gz", "evil.nii.gz")]
    [InlineData("attachment; filename*=utf-8''%2e%2e%5cwin.nii.gz", "win.nii.gz")]
    [InlineData("attachment; filename=\"..\"", "result")]
    public void Safe_name_strips_what_decoding_revealed(string header, string expected)
    {
        Assert.Equal(expected, ContentDispositionFileName.GetSafeFileName(header));
    }
}
