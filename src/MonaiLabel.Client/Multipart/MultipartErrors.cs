using System.Text;

namespace MonaiLabel.Client;

/// <summary>Builds the <see cref="MonaiLabelErrorKind.InvalidResponse"/> exceptions the multipart code throws.</summary>
internal static class MultipartErrors
{
    private const int PreviewLength = 40;

    public static MonaiLabelClientException Malformed(string reason) =>
        new(MonaiLabelErrorKind.InvalidResponse, "Malformed multipart body: " + reason);

    public static MonaiLabelClientException BadContentType(string reason) =>
        new(MonaiLabelErrorKind.InvalidResponse, "Invalid multipart Content-Type: " + reason);

    /// <summary>A short, printable excerpt of server bytes for an error message.</summary>
    public static string Preview(byte[] bytes, int offset, int length)
    {
        var builder = new StringBuilder();
        for (var i = offset; i < offset + length && builder.Length < PreviewLength; i++)
        {
            var b = bytes[i];
            builder.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        if (length > PreviewLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
