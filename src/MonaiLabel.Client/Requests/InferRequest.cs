using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>
/// The inputs of <see cref="MonaiLabelClient.InferAsync(string, InferRequest, System.Threading.CancellationToken)"/>:
/// an image by datastore id, by session, or uploaded; optional scribbles/label; model params; where to save.
/// </summary>
public sealed class InferRequest
{
    /// <summary>The datastore image id to run on.</summary>
    public string? ImageId { get; set; }

    /// <summary>A session id (from <c>CreateSessionAsync</c>) to run on instead of a datastore image.</summary>
    public string? SessionId { get; set; }

    /// <summary>An image file to upload and run on (ignored by the server when <see cref="SessionId"/> is set).</summary>
    public FileParameter? File { get; set; }

    /// <summary>A label file sent with the request, e.g. scribbles for interactive models.</summary>
    public FileParameter? Label { get; set; }

    /// <summary>What to answer with; null lets the server choose (a multipart body with params and label).</summary>
    public InferOutput? Output { get; set; }

    /// <summary>Model params sent as the <c>params</c> JSON form field; the client's client id is added.</summary>
    public IDictionary<string, object?>? Params { get; set; }

    /// <summary>
    /// What a person gave an interactive model (<see cref="ClickPrompt"/>, <see cref="DeepEditPrompt"/>,
    /// <see cref="ScribblesPrompt"/>), written into the params as the real clients write it. Checked before sending;
    /// against the model too when its <see cref="ModelCapabilities"/> are given. A key it sets may not also be in <see cref="Params"/>.
    /// </summary>
    public InferPrompt? Prompt { get; set; }

    /// <summary>How the server writes the result label (<c>result_extension</c>, <c>result_dtype</c>, ...); null sends none.</summary>
    public InferResultOptions? ResultOptions { get; set; }

    /// <summary>Where result files are saved; null uses <see cref="MonaiLabelClientOptions.ResultDirectory"/>.</summary>
    public string? ResultDirectory { get; set; }

    /// <summary>
    /// The name to save the result under, e.g. <c>"spleen_10_seg.nii.gz"</c>; null (the default) names it
    /// <c>{image}_{model}</c> plus the extension of the name the server suggested: <c>spleen_10_segmentation_spleen.nii.gz</c>
    /// for the server's <c>tmp0rbjqoff.nii.gz</c> (see <see cref="SavedFile.RawFileName"/>). Without an image id the
    /// session id (<see cref="SessionId"/>) or the uploaded file's stem (<see cref="File"/>, <c>case.nii.gz</c> gives
    /// <c>case</c>) stands for the image. A name without an extension gets the server's. Further files of one answer
    /// keep the stem and take their own extension with an index: <c>{stem}_1.nii.gz</c>, <c>{stem}_2.dcm</c>, ….
    /// Names are made safe as SECURITY.md describes (a directory part is dropped: use
    /// <see cref="ResultDirectory"/>); a taken name is numbered (<c>a (1).nii.gz</c>) unless <see cref="Overwrite"/>.
    /// </summary>
    public string? ResultFileName { get; set; }

    /// <summary>Replace a same-named file in the result directory instead of saving under a numbered name.</summary>
    public bool Overwrite { get; set; }

    /// <summary>
    /// Told the number of result bytes saved so far, counted over all files of the answer (so it only grows), after
    /// each write. Called on the thread doing the write: use a synchronous <see cref="System.IProgress{T}"/> to see every value.
    /// </summary>
    public System.IProgress<long>? Progress { get; set; }

    /// <summary>
    /// Set by <see cref="InteractiveSession"/>: its results are replaced by the next click, so they are written
    /// atomically (temporary file, rename) but not forced to disk with fsync (about 10 ms a click on this project's machine).
    /// </summary>
    internal bool Scratch { get; set; }
}
