namespace MonaiLabel.Client;

/// <summary>
/// How an operation reads its success answer, declared from the spec's result type by the template
/// <c>Client.Class.BeforeSend.liquid</c>, so the answer limits need not guess it.
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
