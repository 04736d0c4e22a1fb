using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace MonaiLabel.Drift;

/// <summary>
/// One known, deliberate difference. Matches a finding when <see cref="Operation"/> (or <c>*</c>), <see cref="Kind"/> and
/// <see cref="Subject"/> are all exactly equal. With <see cref="When"/> (<c>server has METHOD path</c> or
/// <c>server lacks METHOD path</c>) the entry only applies to server descriptions for which that holds; where it does not
/// hold it is neither used nor stale.
/// </summary>
public sealed record AllowEntry(string Operation, string Kind, string Subject, string Reason, string? When)
{
    public bool Matches(Finding finding) =>
        (Operation == "*" || Operation == finding.Operation) && Kind == finding.Kind && Subject == finding.Subject;

    public override string ToString()
    {
        var text = $"{Operation} {Kind}";
        if (Subject.Length > 0)
        {
            text += $" \"{Subject}\"";
        }

        return When is null ? text : $"{text} (when {When})";
    }
}

/// <summary>The allow-file: <c>allow:</c> followed by a list of entries (operation, kind, subject, reason, optional when).</summary>
public sealed class AllowList
{
    private static readonly Regex WhenPattern = new(@"^server (has|lacks) ([A-Z]+ \S+)$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Keys = ["operation", "kind", "subject", "reason", "when"];

    public AllowList(IReadOnlyList<AllowEntry> entries, string source)
    {
        Entries = entries;
        Source = source;
    }

    public IReadOnlyList<AllowEntry> Entries { get; }

    public string Source { get; }

    public static AllowList Empty(string source) => new([], source);

    public static AllowList LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DriftToolException($"cannot read allow-file {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static AllowList Parse(string text, string source)
    {
        JsonNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : YamlConverter.ToJsonNode(stream.Documents[0]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DriftToolException($"cannot read allow-file {source}: {e.Message}", e);
        }

        if (root is null)
        {
            return Empty(source);
        }

        if (root is not JsonObject top || top.Any(kv => kv.Key != "allow"))
        {
            throw new DriftToolException($"allow-file {source}: expected a mapping with the single key 'allow'");
        }

        var list = top["allow"];
        if (list is null)
        {
            return Empty(source);
        }

        if (list is not JsonArray array)
        {
            throw new DriftToolException($"allow-file {source}: 'allow' must be a list");
        }

        var entries = new List<AllowEntry>();
        var seen = new HashSet<AllowEntry>();
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"allow-file {source}, entry {i + 1}";
            if (array[i] is not JsonObject item)
            {
                throw new DriftToolException($"{where}: expected a mapping");
            }

            var unknown = item.Select(kv => kv.Key).FirstOrDefault(k => !Keys.Contains(k));
            if (unknown is not null)
            {
                throw new DriftToolException($"{where}: unknown key '{unknown}' (keys: operation, kind, subject, reason, when)");
            }

            var operation = Text(item, "operation", where, required: true)!;
            var kind = Text(item, "kind", where, required: true)!;
            var subject = Text(item, "subject", where, required: false) ?? "";
            var reason = Text(item, "reason", where, required: true)!;
            var when = Text(item, "when", where, required: false);
            if (!DriftKinds.All.Contains(kind))
            {
                throw new DriftToolException($"{where}: unknown kind '{kind}' (kinds: {string.Join(", ", DriftKinds.All)})");
            }

            if (operation != "*" && !Regex.IsMatch(operation, @"^[A-Z]+ /\S*$"))
            {
                throw new DriftToolException($"{where}: operation must be 'METHOD /path' or '*', got '{operation}'");
            }

            if (when is not null && !WhenPattern.IsMatch(when))
            {
                throw new DriftToolException($"{where}: when must be 'server has METHOD /path' or 'server lacks METHOD /path', got '{when}'");
            }

            var entry = new AllowEntry(operation, kind, subject, reason.Trim(), when);
            if (!seen.Add(entry with { Reason = "" }))
            {
                throw new DriftToolException($"{where}: duplicate of an earlier entry ({entry})");
            }

            entries.Add(entry);
        }

        return new AllowList(entries, source);
    }

    private static string? Text(JsonObject item, string key, string where, bool required)
    {
        var node = item[key];
        if (node is null)
        {
            return required ? throw new DriftToolException($"{where}: '{key}' is required") : null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new DriftToolException($"{where}: '{key}' must be text");
        }

        var value = node.GetValue<string>();
        if (required && value.Trim().Length == 0)
        {
            throw new DriftToolException($"{where}: '{key}' must not be empty");
        }

        return value;
    }

    /// <summary>Whether the entry applies to a server description with these operations (<c>METHOD path</c>).</summary>
    public static bool Applies(AllowEntry entry, IReadOnlySet<string> serverOperations)
    {
        if (entry.When is null)
        {
            return true;
        }

        var match = WhenPattern.Match(entry.When);
        var has = serverOperations.Contains(match.Groups[2].Value);
        return match.Groups[1].Value == "has" ? has : !has;
    }
}
