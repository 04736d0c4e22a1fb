using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;

namespace MonaiLabel.Client;

// Fix-ups of generated multipart requests, applied in OnSending to every call that sends a multipart body.
internal partial class MonaiLabelRestClient
{
    private static void NormalizeMultipartRequest(HttpRequestMessage request, MultipartFormDataContent multipart, OperationDeclaration declaration)
    {
        if (!multipart.Any())
        {
            // With no form fields the generated body is one nameless part, which the server's parser rejects;
            // no body at all is what it accepts.
            request.Content = null;
            multipart.Dispose();
            return;
        }

        request.Content = multipart = UploadBoundary.Rewrap(multipart);

        var sent = new HashSet<string>(StringComparer.Ordinal);
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
            var ascii = Unique(UploadFileName.ToAscii(raw), sent);
            disposition.FileNameStar = null;
            disposition.FileName = "\"" + ascii + "\"";
            if (declaration.ImageIdFromFileName && disposition.Name?.Trim('"') == "file")
            {
                KeepImageIdOfFileName(request, raw, ascii);
            }
        }
    }

    /// <summary>
    /// Two files of one request (a session's files) never share a wire name: the server saves them side by side
    /// under those names, and the second would replace the first (<c>名前.dcm</c> and <c>文書.dcm</c> are both
    /// <c>__.dcm</c> in ASCII). A repeated name is numbered before its extension: <c>__-2.dcm</c>.
    /// </summary>
    private static string Unique(string name, HashSet<string> sent)
    {
        if (sent.Add(name))
        {
            return name;
        }

        var stem = UploadFileName.ImageId(name);
        var extension = name.Substring(stem.Length);
        for (var n = 2; ; n++)
        {
            var candidate = stem + "-" + n + extension;
            if (sent.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// An image upload without an id is stored by the server under the stem of the sent file name (operations with
    /// <c>x-monailabel-image-id-from-file-name</c> in the spec). When the ASCII
    /// name sent would give a different stem than the file's own name (<c>名前.nii.gz</c> → <c>__</c>), the id the
    /// Python client would get — the real stem — is sent explicitly as <c>image=</c>.
    /// </summary>
    private static void KeepImageIdOfFileName(HttpRequestMessage request, string raw, string ascii)
    {
        var uri = request.RequestUri;
        if (uri == null)
        {
            return;
        }

        var query = uri.IsAbsoluteUri ? uri.Query.TrimStart('?') : string.Empty;
        var pairs = query.Length == 0 ? new List<string>() : query.Split('&').ToList();
        if (pairs.Any(p => p.StartsWith("image=", StringComparison.Ordinal) && p.Length > "image=".Length))
        {
            return; // The caller named the id.
        }

        var id = UploadFileName.ImageId(raw);
        if (id.Length == 0 || id == UploadFileName.ImageId(ascii))
        {
            return;
        }

        pairs.RemoveAll(p => p == "image" || p == "image=");
        pairs.Add("image=" + Uri.EscapeDataString(id));
        request.RequestUri = new UriBuilder(uri) { Query = string.Join("&", pairs) }.Uri;
    }
}
