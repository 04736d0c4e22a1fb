namespace MonaiLabel.Client;

/// <summary>
/// What a generated operation declares of itself, written into every generated method from the spec by the template
/// <c>Client.Class.BeforeSend.liquid</c>: its <c>operationId</c>, how it reads its answer (its result type), and the
/// <c>x-monailabel-*</c> extensions of <c>openapi/monailabel.yaml</c>. No hand-written code names operations.
/// </summary>
internal readonly struct OperationDeclaration
{
    public OperationDeclaration(string operationId, AnswerKind answer, bool idempotentWrite, bool imageIdFromFileName)
    {
        OperationId = operationId;
        Answer = answer;
        IdempotentWrite = idempotentWrite;
        ImageIdFromFileName = imageIdFromFileName;
    }

    public string OperationId { get; }

    public AnswerKind Answer { get; }

    /// <summary><c>x-monailabel-idempotent</c>: a write (PUT, POST) that may be sent twice, so it is retried like a GET.</summary>
    public bool IdempotentWrite { get; }

    /// <summary>
    /// <c>x-monailabel-image-id-from-file-name</c>: an image upload the server names after its file name's stem when no
    /// <c>image</c> query parameter is given.
    /// </summary>
    public bool ImageIdFromFileName { get; }
}
