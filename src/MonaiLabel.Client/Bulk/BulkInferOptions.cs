using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>Settings of <see cref="MonaiLabelClient.InferManyAsync"/>.</summary>
public sealed class BulkInferOptions : BulkOptions
{
    /// <summary>Model params sent with every infer (the client id is added).</summary>
    public IDictionary<string, object?>? Params { get; set; }

    /// <summary>
    /// Where results are saved, as <c>{image}_{model}</c> plus the server's extension; null uses
    /// <see cref="MonaiLabelClientOptions.ResultDirectory"/>. A result file already there counts as done.
    /// </summary>
    public string? ResultDirectory { get; set; }

    /// <summary>
    /// When set, each result is also saved on the server as the image's label under this tag, in the shape 3D Slicer
    /// saves (<c>label_info</c> from the answer's <c>label_names</c>, and the model). An image that already has a
    /// label under the tag is skipped without an infer; a result file left by an interrupted run is uploaded
    /// without running the model again.
    /// </summary>
    public string? SaveAsTag { get; set; }
}
