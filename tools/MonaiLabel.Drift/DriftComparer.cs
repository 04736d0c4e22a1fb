using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;

namespace MonaiLabel.Drift;

/// <summary>
/// The kinds of difference. Direction: "added" = the server has it and our spec does not; "removed" = our spec has it and
/// the server does not; "a → b" subjects read "our spec → the server".
/// </summary>
public static class DriftKinds
{
    public const string OperationOnlyInServer = "operation-only-in-server";
    public const string OperationOnlyInSpec = "operation-only-in-spec";

    public const string ParameterAdded = "parameter-added";
    public const string ParameterRemoved = "parameter-removed";
    public const string ParameterRenamed = "parameter-renamed";
    public const string ParameterMoved = "parameter-moved";
    public const string ParameterRetyped = "parameter-retyped";
    public const string ParameterDefaultChanged = "parameter-default-changed";
    public const string ParameterRequiredChanged = "parameter-required-changed";

    public const string FormFieldAdded = "form-field-added";
    public const string FormFieldRemoved = "form-field-removed";
    public const string FormFieldRenamed = "form-field-renamed";
    public const string FormFieldRetyped = "form-field-retyped";
    public const string FormFieldDefaultChanged = "form-field-default-changed";
    public const string FormFieldRequiredChanged = "form-field-required-changed";

    public const string RequestBodyRequiredChanged = "request-body-required-changed";
    public const string RequestMediaTypeAdded = "request-media-type-added";
    public const string RequestMediaTypeRemoved = "request-media-type-removed";
    public const string RequestSchemaChanged = "request-schema-changed";

    public const string ResponseMediaTypeAdded = "response-media-type-added";
    public const string ResponseMediaTypeRemoved = "response-media-type-removed";
    public const string ResponseSchemaChanged = "response-schema-changed";

    public static readonly IReadOnlyList<string> All =
    [
        OperationOnlyInServer, OperationOnlyInSpec,
        ParameterAdded, ParameterRemoved, ParameterRenamed, ParameterMoved, ParameterRetyped, ParameterDefaultChanged, ParameterRequiredChanged,
        FormFieldAdded, FormFieldRemoved, FormFieldRenamed, FormFieldRetyped, FormFieldDefaultChanged, FormFieldRequiredChanged,
        RequestBodyRequiredChanged, RequestMediaTypeAdded, RequestMediaTypeRemoved, RequestSchemaChanged,
        ResponseMediaTypeAdded, ResponseMediaTypeRemoved, ResponseSchemaChanged,
    ];
}

/// <summary>One difference: the operation (<c>METHOD path</c>), its kind (<see cref="DriftKinds"/>) and what it is about.</summary>
public sealed record Finding(string Operation, string Kind, string Subject)
{
    public override string ToString() => Subject.Length == 0 ? $"{Operation}: {Kind}" : $"{Operation}: {Kind} {Subject}";
}

/// <summary>Compares our spec with a server's description.</summary>
public static class DriftComparer
{
    public const string Arrow = "→";

    public static IReadOnlyList<Finding> Compare(OpenApiDocument spec, OpenApiDocument server) =>
        Compare(ContractModel.Read(spec), ContractModel.Read(server));

    public static IReadOnlyList<Finding> Compare(IReadOnlyList<OperationModel> spec, IReadOnlyList<OperationModel> server)
    {
        var findings = new List<Finding>();
        var serverByKey = server.GroupBy(o => o.MatchKey).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var specKeys = new HashSet<string>(spec.Select(o => o.MatchKey), StringComparer.Ordinal);

        foreach (var ours in spec)
        {
            if (serverByKey.TryGetValue(ours.MatchKey, out var theirs))
            {
                CompareOperation(ours, theirs, findings);
            }
            else
            {
                findings.Add(new Finding(ours.Display, DriftKinds.OperationOnlyInSpec, ""));
            }
        }

        foreach (var theirs in server.Where(o => !specKeys.Contains(o.MatchKey)))
        {
            findings.Add(new Finding(theirs.Display, DriftKinds.OperationOnlyInServer, ""));
        }

        return findings;
    }

    private static void CompareOperation(OperationModel ours, OperationModel theirs, List<Finding> findings)
    {
        var op = ours.Display;
        void Add(string kind, string subject) => findings.Add(new Finding(op, kind, subject));

        CompareInputs(ours, theirs, Add);

        // Request body.
        if (ours.HasRequestBody && theirs.HasRequestBody && ours.RequestBodyRequired != theirs.RequestBodyRequired)
        {
            Add(DriftKinds.RequestBodyRequiredChanged, $"{Required(ours.RequestBodyRequired)} {Arrow} {Required(theirs.RequestBodyRequired)}");
        }

        foreach (var mediaType in theirs.RequestMedia.Keys.Except(ours.RequestMedia.Keys, StringComparer.Ordinal))
        {
            Add(DriftKinds.RequestMediaTypeAdded, mediaType);
        }

        foreach (var mediaType in ours.RequestMedia.Keys.Except(theirs.RequestMedia.Keys, StringComparer.Ordinal))
        {
            Add(DriftKinds.RequestMediaTypeRemoved, mediaType);
        }

        foreach (var (mediaType, shape) in ours.RequestMedia)
        {
            // Form bodies are compared field by field (with the parameters); other bodies by their top-level shape.
            if (!ContractModel.IsFormMediaType(mediaType) && theirs.RequestMedia.TryGetValue(mediaType, out var theirShape) && shape != theirShape)
            {
                Add(DriftKinds.RequestSchemaChanged, $"{mediaType}: {shape} {Arrow} {theirShape}");
            }
        }

        // Responses, per status code.
        var empty = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in ours.Responses.Keys.Union(theirs.Responses.Keys, StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal))
        {
            var mine = ours.Responses.GetValueOrDefault(status) ?? empty;
            var theirsMedia = theirs.Responses.GetValueOrDefault(status) ?? empty;
            foreach (var mediaType in theirsMedia.Keys.Except(mine.Keys, StringComparer.Ordinal))
            {
                Add(DriftKinds.ResponseMediaTypeAdded, $"{status} {mediaType}");
            }

            foreach (var mediaType in mine.Keys.Except(theirsMedia.Keys, StringComparer.Ordinal))
            {
                Add(DriftKinds.ResponseMediaTypeRemoved, $"{status} {mediaType}");
            }

            foreach (var (mediaType, shape) in mine)
            {
                if (theirsMedia.TryGetValue(mediaType, out var theirShape) && shape != theirShape)
                {
                    Add(DriftKinds.ResponseSchemaChanged, $"{status} {mediaType}: {shape} {Arrow} {theirShape}");
                }
            }
        }
    }

    private static void CompareInputs(OperationModel ours, OperationModel theirs, Action<string, string> add)
    {
        var theirsByKey = theirs.Inputs.GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var oursKeys = new HashSet<string>(ours.Inputs.Select(i => i.Key), StringComparer.Ordinal);

        var removed = new List<InputModel>();
        foreach (var mine in ours.Inputs)
        {
            if (theirsByKey.TryGetValue(mine.Key, out var other))
            {
                CompareInput(mine, other, other.Key, add);
            }
            else
            {
                removed.Add(mine);
            }
        }

        var added = theirs.Inputs.Where(i => !oursKeys.Contains(i.Key)).ToList();

        // Moved: the same name in another location (query ↔ path ↔ header ↔ form field).
        foreach (var mine in removed.ToList())
        {
            var other = added.FirstOrDefault(a => a.Name == mine.Name);
            if (other is null)
            {
                continue;
            }

            add(DriftKinds.ParameterMoved, $"{mine.Name}: {mine.Location} {Arrow} {other.Location}");
            CompareInput(mine, other, other.Key, add);
            removed.Remove(mine);
            added.Remove(other);
        }

        // Renamed: a removed and an added input in the same location with the same type.
        foreach (var mine in removed.ToList())
        {
            var other = added.FirstOrDefault(a => a.Location == mine.Location && a.Type == mine.Type);
            if (other is null)
            {
                continue;
            }

            add(KindFor(mine.Location, DriftKinds.ParameterRenamed, DriftKinds.FormFieldRenamed), $"{mine.Location} {mine.Name} {Arrow} {other.Name}");
            CompareInput(mine, other, other.Key, add);
            removed.Remove(mine);
            added.Remove(other);
        }

        foreach (var other in added)
        {
            add(KindFor(other.Location, DriftKinds.ParameterAdded, DriftKinds.FormFieldAdded), other.Key);
        }

        foreach (var mine in removed)
        {
            add(KindFor(mine.Location, DriftKinds.ParameterRemoved, DriftKinds.FormFieldRemoved), mine.Key);
        }
    }

    private static void CompareInput(InputModel mine, InputModel other, string subject, Action<string, string> add)
    {
        if (mine.Type != other.Type)
        {
            add(KindFor(other.Location, DriftKinds.ParameterRetyped, DriftKinds.FormFieldRetyped), $"{subject}: {mine.Type} {Arrow} {other.Type}");
        }

        if (mine.Default != other.Default)
        {
            add(KindFor(other.Location, DriftKinds.ParameterDefaultChanged, DriftKinds.FormFieldDefaultChanged),
                $"{subject}: {mine.Default ?? "(none)"} {Arrow} {other.Default ?? "(none)"}");
        }

        if (mine.Required != other.Required)
        {
            add(KindFor(other.Location, DriftKinds.ParameterRequiredChanged, DriftKinds.FormFieldRequiredChanged),
                $"{subject}: {Required(mine.Required)} {Arrow} {Required(other.Required)}");
        }
    }

    private static string KindFor(string location, string parameterKind, string formKind) =>
        location == ContractModel.FormLocation ? formKind : parameterKind;

    private static string Required(bool required) => required ? "required" : "optional";
}
