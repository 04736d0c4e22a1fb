using System;

namespace MonaiLabel.Client;

/// <summary>Finds and checks the boundary of a multipart body (RFC 2046 §5.1.1).</summary>
internal static class MultipartBoundary
{
    /// <summary>The longest boundary RFC 2046 allows.</summary>
    public const int MaxLength = 70;

    /// <summary>
    /// The boundary parameter of a multipart Content-Type such as
    /// <c>multipart/form-data; boundary=91828f88feea46c7b1d2f1d9b2105293</c>, quoted or not.
    /// </summary>
    /// <param name="contentType">The Content-Type header value.</param>
    /// <returns>The boundary, without quotes.</returns>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.InvalidResponse"/> when the type is not multipart or the boundary is missing or invalid.
    /// </exception>
    public static string Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw MultipartErrors.BadContentType("not a multipart content type: the Content-Type is missing");
        }

        var semicolon = contentType!.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
        if (!mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || mediaType.Length == "multipart/".Length)
        {
            throw MultipartErrors.BadContentType($"not a multipart content type: '{mediaType}'");
        }

        var boundary = HeaderParameters.Find(contentType, "boundary")
            ?? throw MultipartErrors.BadContentType($"no boundary parameter in '{contentType}'");
        var problem = FindProblem(boundary);
        return problem is null ? boundary : throw MultipartErrors.BadContentType(problem);
    }

    /// <summary>What is wrong with <paramref name="boundary"/>, or null when RFC 2046 allows it.</summary>
    internal static string? FindProblem(string boundary)
    {
        if (boundary.Length == 0)
        {
            return "the boundary is empty";
        }

        if (boundary.Length > MaxLength)
        {
            return $"boundary longer than {MaxLength} characters ({boundary.Length})";
        }

        foreach (var c in boundary)
        {
            if (!IsBoundaryChar(c))
            {
                return $"illegal character '{(char.IsControl(c) ? ' ' : c)}' (U+{(int)c:X4}) in boundary";
            }
        }

        return boundary[boundary.Length - 1] == ' ' ? "the boundary ends with a space" : null;
    }

    // bchars := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" / " "
    private static bool IsBoundaryChar(char c) =>
        c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z'
            or '\'' or '(' or ')' or '+' or '_' or ',' or '-' or '.' or '/' or ':' or '=' or '?' or ' ';
}
