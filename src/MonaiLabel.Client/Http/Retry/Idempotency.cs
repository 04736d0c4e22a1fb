using System;
using System.Collections.Generic;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// Whether a request may be sent twice: declared by the operation that sends it (see
/// <see cref="MonaiLabelRestClient"/>'s <c>OnSending</c>, called by every generated operation with its
/// <c>operationId</c>) and carried as a request option, which the retry handler reads.
/// </summary>
internal static class Idempotency
{
    private static readonly RequestOption<bool> Declared = new("MonaiLabel.Client.Idempotent");

    /// <summary>
    /// Writes that may repeat beyond GET, HEAD, DELETE and OPTIONS: the PUTs of image and label info, which set the
    /// same fields to the same values again. Running an infer, a training start or an upload twice is not harmless.
    /// </summary>
    private static readonly HashSet<string> IdempotentWrites = new(StringComparer.Ordinal)
    {
        "updateImageInfo",
        "updateLabelInfo",
    };

    /// <summary>Records on <paramref name="request"/> whether operation <paramref name="operationId"/> may repeat.</summary>
    public static void Declare(HttpRequestMessage request, string operationId)
    {
        var idempotent = IsSafeOrIdempotentMethod(request.Method) || IdempotentWrites.Contains(operationId);
        Declared.Set(request, idempotent);
    }

    /// <summary>
    /// What the operation declared; a request no operation declared (one sent through the client's HttpClient by
    /// other code) is idempotent when its method is (RFC 9110).
    /// </summary>
    public static bool IsIdempotent(HttpRequestMessage request)
    {
        if (Declared.TryGet(request, out var declared))
        {
            return declared;
        }

        return IsSafeOrIdempotentMethod(request.Method);
    }

    private static bool IsSafeOrIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Options;
}
