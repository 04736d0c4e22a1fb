using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using MonaiLabel.Client.Tests.Support;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>Keeps the wire tests complete: every operation of the spec has at least one <c>[WireTest]</c>.</summary>
public class WireCoverageTests
{
    private static readonly Regex OperationIdLine = new(@"^\s*operationId:\s*[""']?([A-Za-z0-9_]+)[""']?\s*$", RegexOptions.Multiline);

    [Fact]
    public void Every_spec_operation_has_a_wire_test()
    {
        var spec = File.ReadAllText(RepoPaths.Combine("openapi", "monailabel.yaml"));
        var operations = OperationIdLine.Matches(spec).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        Assert.True(operations.Count >= 43, $"Expected the spec's 43+ operations, found {operations.Count}");
        Assert.Equal(operations.Count, operations.Distinct().Count());

        var covered = WireTests().SelectMany(m => m.GetCustomAttributes<WireTestAttribute>()).Select(a => a.OperationId).ToHashSet();

        var missing = operations.Where(op => !covered.Contains(op)).ToList();
        Assert.True(missing.Count == 0, "Operations without a [WireTest(\"operationId\")] test: " + string.Join(", ", missing));

        var unknown = covered.Where(op => !operations.Contains(op)).ToList();
        Assert.True(unknown.Count == 0, "[WireTest] names operations not in the spec: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_wire_test_is_a_fact_and_names_its_operation()
    {
        foreach (var method in WireTests())
        {
            Assert.NotNull(method.GetCustomAttribute<FactAttribute>());
            var operations = method.GetCustomAttributes<WireTestAttribute>().Select(a => a.OperationId).ToList();
            Assert.Contains(
                operations,
                op => method.Name.StartsWith(char.ToUpperInvariant(op[0]) + op.Substring(1) + "_", System.StringComparison.Ordinal));
        }
    }

    private static MethodInfo[] WireTests() =>
        typeof(WireCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<WireTestAttribute>().Any())
            .ToArray();
}
