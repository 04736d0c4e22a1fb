using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>
/// Verify-style approval: the actual text is compared with a committed approved file. On a mismatch a
/// <c>.received.</c> file is written beside it and the test fails; accept by copying the received file over the
/// approved one, or by running the tests with <c>MONAILABEL_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
internal static class Approval
{
    public const string AcceptVariable = "MONAILABEL_ACCEPT_SNAPSHOTS";

    public static void Verify(string approvedPath, string actual)
    {
        actual = Normalize(actual);
        var receivedPath = ReceivedPathFor(approvedPath);
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;

        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
            File.WriteAllText(approvedPath, actual);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            (approved == null ? "No approved file " : "Snapshot differs from ") + Rel(approvedPath) + ".\n" +
            FirstDifference(approved ?? string.Empty, actual) + "\n" +
            "Review " + Rel(receivedPath) + "; accept it by copying it over the approved file, " +
            "or re-run the tests with " + AcceptVariable + "=1.");
    }

    public static string ReceivedPathFor(string approvedPath)
    {
        var dir = Path.GetDirectoryName(approvedPath)!;
        var name = Path.GetFileName(approvedPath);
        var approvedMarker = name.IndexOf(".approved.", StringComparison.Ordinal);
        if (approvedMarker >= 0)
        {
            return Path.Combine(dir, name.Substring(0, approvedMarker) + ".received." + name.Substring(approvedMarker + ".approved.".Length));
        }

        var dot = name.LastIndexOf('.');
        return Path.Combine(dir, dot < 0 ? name + ".received" : name.Substring(0, dot) + ".received" + name.Substring(dot));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Rel(string path) => Path.GetRelativePath(RepoPaths.Root, path);

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"First difference at line {i + 1}:\n  approved: {el}\n  received: {al}\n" +
                       $"({a.Count(l => !e.Contains(l))} lines only in received, {e.Count(l => !a.Contains(l))} only in approved)";
            }
        }

        return "Texts differ only in line endings or trailing newlines.";
    }
}
