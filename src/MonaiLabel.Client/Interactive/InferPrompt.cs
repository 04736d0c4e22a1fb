using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>
/// What a person gave an interactive model, typed: <see cref="ClickPrompt"/> (DeepGrow, SAM2, NuClick),
/// <see cref="DeepEditPrompt"/> (points per label) or <see cref="ScribblesPrompt"/> (a scribbles label file). Set it
/// as <see cref="InferRequest.Prompt"/>; it is written into the <c>params</c> JSON exactly as the real clients
/// (3D Slicer, OHIF, MITK) write it, and checked first — against the model when its
/// <see cref="ModelCapabilities"/> are given. The set of prompt kinds is closed: only the SDK derives from this class.
/// </summary>
public abstract class InferPrompt
{
    private protected InferPrompt()
    {
    }

    // Checks what can be checked without the model (model may be null) and, with it, what the model takes.
    internal abstract void Check(PromptCheck check);

    // Adds the prompt's params keys; the model (when known) says which keys a real client would send.
    internal abstract void Write(IDictionary<string, object?> parameters, ModelCapabilities? model);

    // A fresh label file part for each send (a session re-sends after re-creating itself); null when none.
    internal virtual FileParameter? OpenLabelFile() => null;
}
