using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// How the operation that sent a request reads its success answer, declared by the operation itself (the template
/// <c>Client.Class.BeforeSend.liquid</c> writes it from the spec's result type into every generated method), so the
/// answer limits need not guess it.
/// </summary>
internal enum AnswerKind
{
    /// <summary>Parsed as JSON into memory: must be labelled JSON, and is size-limited.</summary>
    Json,

    /// <summary>Read as text into memory (logs, GPU info): size-limited.</summary>
    Text,

    /// <summary>A file or multipart answer streamed to its reader, or no body at all: not read into memory here.</summary>
    Stream,
}

/// <summary>Carries the <see cref="AnswerKind"/> an operation declared on its request.</summary>
internal static class DeclaredAnswer
{
    private static readonly RequestOption<AnswerKind> Kind = new("MonaiLabel.Client.AnswerKind");

    public static void Declare(HttpRequestMessage request, AnswerKind kind) => Kind.Set(request, kind);

    /// <summary>The declared kind; a request no operation declared is streamed (nothing is assumed of its body).</summary>
    public static AnswerKind Of(HttpRequestMessage? request) =>
        request != null && Kind.TryGet(request, out var kind) ? kind : AnswerKind.Stream;
}
