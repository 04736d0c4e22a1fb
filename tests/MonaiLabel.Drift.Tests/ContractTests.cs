using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Drift.Tests;

/// <summary>The CI check: our spec against what a real MONAI Label server publishes, with the allow-file.</summary>
public class ContractTests
{
    [Theory]
    [InlineData("tests/fixtures/openapi/openapi.real.json")]
    [InlineData("tests/fixtures/openapi/openapi.real.auth.json")]
    public void Our_spec_shows_nothing_unexplained_against_the_real_server(string fixture)
    {
        var report = DriftReport.Create(DocumentLoader.LoadFile(Repo.Spec), DocumentLoader.LoadFile(Repo.File(fixture)), AllowList.LoadFile(Repo.Allow));

        var text = new StringWriter();
        report.WriteText(text, showAllowed: false);
        Assert.True(report.ExitCode == 0, "The spec drifted from the server (or the allow-file went stale):\n" + text);
        Assert.Empty(report.Unexplained);
        Assert.Empty(report.StaleEntries);
        Assert.NotEmpty(report.Findings); // the deliberate differences are found, and explained
    }

    [Theory]
    [InlineData("tests/fixtures/openapi/openapi.real.json")]
    [InlineData("tests/fixtures/openapi/openapi.real.auth.json")]
    public async Task The_tool_exits_0_for_our_spec_against_the_real_server(string fixture)
    {
        var run = await ToolRun.RunAsync(null, "--file", Repo.File(fixture));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 unexplained difference(s)", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Every_allow_entry_is_used_by_one_of_the_two_server_descriptions()
    {
        // Entries with a 'when' apply to one of the two descriptions only; together the two must use every entry.
        var allow = AllowList.LoadFile(Repo.Allow);
        var spec = DocumentLoader.LoadFile(Repo.Spec);
        var reports = new[] { Repo.Real, Repo.RealAuth }.Select(f => DriftReport.Create(spec, DocumentLoader.LoadFile(f), allow)).ToList();

        var used = reports.SelectMany(r => r.Findings).Where(f => f.Allowed).Select(f => f.AllowedBy!).ToHashSet();
        var never = allow.Entries.Where(e => !used.Contains(e) && !reports.Any(r => r.Findings.Any(f => e.Matches(f.Finding)))).ToList();
        Assert.Empty(never);
        Assert.All(allow.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }

    [Fact]
    public void Our_spec_compared_with_itself_shows_nothing()
    {
        var spec = DocumentLoader.LoadFile(Repo.Spec);
        Assert.Empty(DriftComparer.Compare(spec.Document, DocumentLoader.LoadFile(Repo.Spec).Document));
    }

    [Fact]
    public void A_real_server_description_compared_with_itself_shows_nothing()
    {
        var real = DocumentLoader.LoadFile(Repo.Real);
        Assert.Empty(DriftComparer.Compare(real.Document, DocumentLoader.LoadFile(Repo.Real).Document));
    }

    [Fact]
    public void The_fixture_copies_are_the_server_descriptions_as_captured()
    {
        var real = DocumentLoader.LoadFile(Repo.Real);
        var auth = DocumentLoader.LoadFile(Repo.RealAuth);

        Assert.Equal("3.0", real.Version);
        Assert.DoesNotContain("/auth/", real.Document.Paths.Keys);
        Assert.Contains("/auth/", auth.Document.Paths.Keys);
        Assert.Contains("/infer/{model}", real.Document.Paths.Keys);
    }
}
