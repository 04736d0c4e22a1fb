using System.Linq;
using System.Net.Http;

namespace MonaiLabel.Client;

// Fix-ups of generated multipart requests, applied to every call in PrepareRequest.
internal partial class MonaiLabelRestClient
{
    private static void NormalizeMultipartRequest(HttpRequestMessage request)
    {
        if (!(request.Content is MultipartFormDataContent multipart))
        {
            return;
        }

        if (!multipart.Any())
        {
            // With no form fields the generated body is one nameless part, which the server's parser rejects;
            // no body at all is what it accepts.
            request.Content = null;
            multipart.Dispose();
            return;
        }

        foreach (var part in multipart)
        {
            var disposition = part.Headers.ContentDisposition;
            if (disposition?.FileName == null && disposition?.FileNameStar == null)
            {
                continue;
            }

            // The server reads only the plain filename= and takes the image format from its extension; .NET would
            // write a non-ASCII name as =?utf-8?B?...?=, losing both. Send an ASCII name that keeps the extension.
            var raw = disposition!.FileNameStar ?? disposition.FileName!.Trim('"');
            disposition.FileNameStar = null;
            disposition.FileName = "\"" + UploadFileName.ToAscii(raw) + "\"";
        }
    }
}
