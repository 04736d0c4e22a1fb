using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonaiLabel.Drift;

/// <summary>A finding and the allow entry that explains it, if any.</summary>
public sealed record ReportedFinding(Finding Finding, AllowEntry? AllowedBy)
{
    public bool Allowed => AllowedBy is not null;
}

/// <summary>The outcome of one comparison: findings (explained or not) and allow entries that explained nothing.</summary>
public sealed class DriftReport
{
    public required string Spec { get; init; }

    public required string Server { get; init; }

    public required string ServerVersion { get; init; }

    public required string AllowFile { get; init; }

    public required IReadOnlyList<ReportedFinding> Findings { get; init; }

    public required IReadOnlyList<AllowEntry> StaleEntries { get; init; }

    /// <summary>Allow entries whose <c>when</c> does not hold for this server description (neither used nor stale).</summary>
    public required IReadOnlyList<AllowEntry> InactiveEntries { get; init; }

    public IEnumerable<ReportedFinding> Unexplained => Findings.Where(f => !f.Allowed);

    /// <summary>0 when every difference is explained and no allow entry is stale, 1 otherwise.</summary>
    public int ExitCode => Unexplained.Any() || StaleEntries.Count > 0 ? 1 : 0;

    /// <summary>Compares and applies the allow-file.</summary>
    public static DriftReport Create(LoadedDocument spec, LoadedDocument server, AllowList allow)
    {
        var specOps = ContractModel.Read(spec.Document);
        var serverOps = ContractModel.Read(server.Document);
        var findings = DriftComparer.Compare(specOps, serverOps);
        return Create(findings, serverOps, allow, spec.Source, server.Source, server.Version);
    }

    public static DriftReport Create(IReadOnlyList<Finding> findings, IReadOnlyList<OperationModel> serverOps, AllowList allow,
                                     string spec, string server, string serverVersion)
    {
        var serverOperations = new HashSet<string>(serverOps.Select(o => o.Display), StringComparer.Ordinal);
        var active = allow.Entries.Where(e => AllowList.Applies(e, serverOperations)).ToList();
        var used = new HashSet<AllowEntry>();
        var reported = new List<ReportedFinding>();
        foreach (var finding in findings)
        {
            var matching = active.Where(e => e.Matches(finding)).ToList();
            used.UnionWith(matching);

            // An entry naming the operation explains better than a '*' one.
            var best = matching.OrderBy(e => e.Operation == "*" ? 1 : 0).FirstOrDefault();
            reported.Add(new ReportedFinding(finding, best));
        }

        return new DriftReport
        {
            Spec = spec,
            Server = server,
            ServerVersion = serverVersion,
            AllowFile = allow.Source,
            Findings = reported,
            StaleEntries = active.Where(e => !used.Contains(e)).ToList(),
            InactiveEntries = allow.Entries.Where(e => !active.Contains(e)).ToList(),
        };
    }

    /// <summary>The human report: unexplained differences grouped by operation (and, with showAllowed, the explained ones).</summary>
    public void WriteText(TextWriter output, bool showAllowed)
    {
        output.WriteLine($"Contract drift: {Spec} (our spec) vs {Server} (server, OpenAPI {ServerVersion})");
        var inactive = InactiveEntries.Count == 0 ? "" : $" ({InactiveEntries.Count} entr{(InactiveEntries.Count == 1 ? "y" : "ies")} not for this server: 'when' does not hold)";
        output.WriteLine($"Allow-file: {AllowFile}{inactive}");

        var shown = Findings.Where(f => showAllowed || !f.Allowed).ToList();
        WriteSection(output, "Operations only in the server", shown.Where(f => f.Finding.Kind == DriftKinds.OperationOnlyInServer));
        WriteSection(output, "Operations only in our spec", shown.Where(f => f.Finding.Kind == DriftKinds.OperationOnlyInSpec));
        WriteSection(output, "Changed operations", shown.Where(f => f.Finding.Kind is not (DriftKinds.OperationOnlyInServer or DriftKinds.OperationOnlyInSpec)));

        if (StaleEntries.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Stale allow entries (they match no difference any more; remove them):");
            foreach (var entry in StaleEntries)
            {
                output.WriteLine($"  {entry}");
            }
        }

        var unexplained = Unexplained.Count();
        var allowed = Findings.Count - unexplained;
        output.WriteLine();
        output.WriteLine($"{unexplained} unexplained difference(s), {allowed} allowed, {StaleEntries.Count} stale allow entr{(StaleEntries.Count == 1 ? "y" : "ies")}.");
    }

    private static void WriteSection(TextWriter output, string title, IEnumerable<ReportedFinding> findings)
    {
        var groups = findings.GroupBy(f => f.Finding.Operation).OrderBy(g => PathOf(g.Key), StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var group in groups)
        {
            output.WriteLine($"  {group.Key}");
            foreach (var item in group)
            {
                if (item.Finding.Kind is DriftKinds.OperationOnlyInServer or DriftKinds.OperationOnlyInSpec)
                {
                    if (item.AllowedBy is { } only)
                    {
                        output.WriteLine($"    (allowed: {only.Reason.ReplaceLineEndings(" ")})");
                    }

                    continue;
                }

                output.WriteLine($"    {item.Finding.Kind,-28} {item.Finding.Subject}");
                if (item.AllowedBy is { } entry)
                {
                    output.WriteLine($"      (allowed: {entry.Reason.ReplaceLineEndings(" ")})");
                }
            }
        }
    }

    private static string PathOf(string operation)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? operation : operation[(space + 1)..];
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The machine-readable report (every finding, with <c>allowed</c> and the reason).</summary>
    public void WriteJson(TextWriter output)
    {
        var document = new JsonReport(
            Spec,
            Server,
            ServerVersion,
            AllowFile,
            ExitCode,
            Unexplained.Count(),
            Findings.Count(f => f.Allowed),
            InactiveEntries.Count,
            Findings.Select(f => new JsonFinding(f.Finding.Operation, f.Finding.Kind, f.Finding.Subject, f.Allowed, f.AllowedBy?.Reason)).ToList(),
            StaleEntries.Select(e => new JsonAllowEntry(e.Operation, e.Kind, e.Subject, e.Reason, e.When)).ToList());
        output.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public sealed record JsonReport(
        string Spec,
        string Server,
        string ServerVersion,
        string AllowFile,
        int ExitCode,
        int Unexplained,
        int Allowed,
        int InactiveAllowEntries,
        IReadOnlyList<JsonFinding> Findings,
        IReadOnlyList<JsonAllowEntry> StaleAllowEntries);

    public sealed record JsonFinding(string Operation, string Kind, string Subject, bool Allowed, string? Reason);

    public sealed record JsonAllowEntry(string Operation, string Kind, string Subject, string Reason, string? When);
}
