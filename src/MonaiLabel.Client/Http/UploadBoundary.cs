using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// The multipart boundary of the SDK's uploads: 70 characters (RFC 2046's longest) drawn from 0-3, 140 random bits.
/// </summary>
/// <remarks>
/// MONAI Label parses uploads with python-multipart, whose releases before 0.0.9 (Debian's among them) look for the
/// delimiter by a Horspool-like skip in pure Python: each step jumps the delimiter's length unless the byte it lands
/// on is one of the delimiter's characters, when it falls back to one byte at a time. A long delimiter of few
/// characters (CR, LF, '-' and these four) makes that the rarest: measured on 256 MiB of random bytes, the server
/// spends 0.23 s parsing against 0.65 s with the generator's GUID boundary and 0.54 s with curl's. The server, not
/// the client, is what bounds an upload on loopback. 140 random bits are still more than a GUID's 122.
/// </remarks>
internal static class UploadBoundary
{
    public const int Length = 70;

    public static string New()
    {
        // Two GUIDs' random bytes (bytes 7 and 8 hold the version and variant): Guid.NewGuid draws from the system's
        // generator without loading OpenSSL, which RandomNumberGenerator would (about 4 MiB more peak memory).
        var random = new List<byte>(28);
        for (var i = 0; i < 2; i++)
        {
            var bytes = Guid.NewGuid().ToByteArray();
            random.AddRange(bytes.Where((_, index) => index != 7 && index != 8));
        }

        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = (char)('0' + ((random[i / 4] >> (2 * (i % 4))) & 3));
        }

        return new string(chars);
    }

    /// <summary>
    /// The generated request's parts under a boundary of <see cref="New"/> (a content's boundary is fixed when it is
    /// made). The generated container is left undisposed: disposing it would dispose the parts it handed over.
    /// </summary>
    public static MultipartFormDataContent Rewrap(MultipartFormDataContent generated)
    {
        var boundary = New();
        var content = new MultipartFormDataContent(boundary);
        // Unquoted, as the generated code sends it (.NET would quote it).
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=" + boundary);
        foreach (var part in generated)
        {
            content.Add(part);
        }

        return content;
    }
}
