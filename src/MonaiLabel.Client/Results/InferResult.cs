using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// What an infer call answered: the result <c>params</c> JSON and every file of the answer, saved to disk.
/// Depending on <c>output</c> the server sends a multipart body (params and label), only the label file, or only JSON.
/// </summary>
public sealed class InferResult
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>(0);

    /// <summary>Creates a result.</summary>
    public InferResult(JObject? parameters, IReadOnlyList<SavedFile> files, IReadOnlyDictionary<string, string>? fields = null)
    {
        Params = parameters;
        Files = files;
        Fields = fields ?? NoFields;
    }

    /// <summary>The JSON the server returned with the result (label names, latencies, …), or null when it sent none.</summary>
    public JObject? Params { get; }

    /// <summary>Every file part of the answer, in the order the server sent them.</summary>
    public IReadOnlyList<SavedFile> Files { get; }

    /// <summary>The result label: the first file of the answer, or null for JSON-only answers.</summary>
    public SavedFile? Label => Files.Count > 0 ? Files[0] : null;

    /// <summary>Text parts of a multipart answer other than <c>params</c>, by part name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }
}
