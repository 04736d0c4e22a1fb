using System;
using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// Everything the handlers know of a request beyond HTTP itself, in one typed object: what its operation declared
/// (idempotent or not, how its answer is read) and the server it was sent to. <see cref="MonaiLabelRestClient"/> sets
/// it once, in <c>OnSending</c>; the retry, auth and answer-limit code read it. It is the request's only request option.
/// A request sent through the client's HttpClient by other code has none: it is then treated by its method alone.
/// </summary>
internal sealed class RequestContext
{
#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<RequestContext> Key = new(KeyName);
#endif
    private const string KeyName = "MonaiLabel.Client.RequestContext";

    // What the operation declared is taken apart here rather than kept as an OperationDeclaration? (a Nullable of a
    // struct is a value-type instantiation a fresh process JIT-compiles on its first call).
    private RequestContext(HttpMethod method, bool idempotentWrite, AnswerKind answer, Uri? serverUrl)
    {
        ServerUrl = serverUrl;
        Idempotent = IsIdempotentMethod(method) || idempotentWrite;
        Answer = answer;
    }

    /// <summary>The base URL of the server the client sent the request to (its <c>ServerUrl</c> at that moment).</summary>
    public Uri? ServerUrl { get; }

    /// <summary>Whether the request may be sent twice (retries).</summary>
    public bool Idempotent { get; }

    /// <summary>How the answer is read; a request no operation declared is streamed (nothing is assumed of its body).</summary>
    public AnswerKind Answer { get; }

    /// <summary>
    /// The auth handler set the request's Authorization header (rather than the caller), so a retry of the request
    /// is authorised afresh. The one field a handler writes.
    /// </summary>
    public bool AuthorizationSetByHandler { get; set; }

    /// <summary>Attaches the context of an operation's request; called once per request, by <c>OnSending</c>.</summary>
    public static RequestContext Attach(HttpRequestMessage request, OperationDeclaration declaration, Uri serverUrl)
    {
        var context = new RequestContext(request.Method, declaration.IdempotentWrite, declaration.Answer, serverUrl);
        Set(request, context);
        return context;
    }

    /// <summary>The request's context, or null when no generated operation sent it.</summary>
    public static RequestContext? Of(HttpRequestMessage? request)
    {
        if (request == null)
        {
            return null;
        }
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(Key, out var context) ? context : null;
#else
        return request.Properties.TryGetValue(KeyName, out var stored) ? stored as RequestContext : null;
#endif
    }

    /// <summary>The request's context; one with nothing declared is attached first to a request other code sent.</summary>
    public static RequestContext OfOrUndeclared(HttpRequestMessage request)
    {
        if (Of(request) is { } context)
        {
            return context;
        }

        context = new RequestContext(request.Method, idempotentWrite: false, AnswerKind.Stream, serverUrl: null);
        Set(request, context);
        return context;
    }

    /// <summary>Whether <paramref name="request"/> may be sent twice: as its operation declared, else by its method.</summary>
    public static bool IsIdempotent(HttpRequestMessage request) => Of(request)?.Idempotent ?? IsIdempotentMethod(request.Method);

    /// <summary>How <paramref name="request"/>'s answer is read: as its operation declared, else streamed.</summary>
    public static AnswerKind AnswerOf(HttpRequestMessage? request) => Of(request)?.Answer ?? AnswerKind.Stream;

    // RFC 9110's idempotent methods.
    private static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Options;

    private static void Set(HttpRequestMessage request, RequestContext context)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(Key, context);
#else
        request.Properties[KeyName] = context;
#endif
    }
}
