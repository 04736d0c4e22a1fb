using System;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>
/// A scenario for a known defect of the SDK or CLI (issue 11: defects 1–4) whose fix is on another branch. Skipped
/// unless <c>MONAILABEL_CONFORMANCE_DEFECT_FIXES=1</c> (set in <c>.ci/run</c> once the fixes are merged); tagged
/// <c>needs=defect-fix</c> so <c>--filter needs=defect-fix</c> runs just these.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DefectFixFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "MONAILABEL_CONFORMANCE_DEFECT_FIXES";

    public DefectFixFactAttribute(int defect)
    {
        Defect = defect;
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) != "1")
        {
            Skip = $"needs the fix of defect {defect} (set {EnvironmentVariable}=1 to run)";
        }
    }

    public int Defect { get; }
}
