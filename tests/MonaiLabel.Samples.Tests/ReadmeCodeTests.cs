using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace MonaiLabel.Samples.Tests;

/// <summary>
/// The C# of the READMEs is compiled code: every <c>```csharp</c> block starts with <c>// path/of/File.cs</c> and is
/// that file of this repository, character for character (the samples project and this test project compile them;
/// <see cref="SampleRunTests"/> and the emulator sample run them). And every sample file is shown in README.md.
/// </summary>
public sealed class ReadmeCodeTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Readmes() => new() { "README.md", "src/MonaiLabel.Cli/README.md" };

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_csharp_block_is_a_compiled_sample_file_verbatim(string readme)
    {
        var blocks = CSharpBlocks(readme);
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            var path = SourcePath(block);
            Assert.True(path != null, $"{readme}: a ```csharp block does not start with '// <path of the file it shows>':\n{block}");
            var file = Path.Combine(Root, path!);
            Assert.True(File.Exists(file), $"{readme}: the block names {path}, which does not exist.");
            Assert.Equal(Normalize(File.ReadAllText(file)), block);
        }
    }

    public static TheoryData<string> PackageReadmes() => new()
    {
        "src/MonaiLabel.Client/PACKAGE-README.md",
        "src/MonaiLabel.Emulator/PACKAGE-README.md",
        "src/MonaiLabel.Cli/PACKAGE-README.md",
    };

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void A_package_readme_shows_compiled_code_only(string readme)
    {
        // A package page cannot name repository files, so its C# is an excerpt: the block's lines, indentation aside,
        // are consecutive lines of one sample file (compiled and run here).
        var samples = Directory.GetFiles(Path.Combine(Root, "tests", "MonaiLabel.Samples"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "MonaiLabel.Samples.Tests"), "*.cs"))
            .Select(f => Normalize(File.ReadAllText(f)).Split('\n').Select(l => l.Trim()).ToList())
            .ToList();
        foreach (var block in CSharpBlocks(readme))
        {
            var lines = block.TrimEnd('\n').Split('\n').Select(l => l.Trim()).ToList();
            Assert.True(
                samples.Any(file => Enumerable.Range(0, Math.Max(0, file.Count - lines.Count + 1)).Any(i => file.Skip(i).Take(lines.Count).SequenceEqual(lines))),
                $"{readme}: this ```csharp block is not an excerpt of a sample file:\n{block}");
        }
    }

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void A_package_readme_links_only_to_what_exists_outside_the_repository(string readme)
    {
        // The packed READMEs are checked again by tests/MonaiLabel.Packaging.Tests (.ci/run); this is the fast check.
        var text = File.ReadAllText(Path.Combine(Root, readme));
        var links = Regex.Matches(text, @"\]\(\s*<?([^)\s>]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Matches("^(https?://|#)", link));
    }

    [Fact]
    public void Readme_shows_every_sample()
    {
        var shown = CSharpBlocks("README.md").Select(SourcePath).ToHashSet(StringComparer.Ordinal);
        var samples = Directory.GetFiles(Path.Combine(Root, "tests", "MonaiLabel.Samples"), "*.cs")
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Append("tests/MonaiLabel.Samples.Tests/AnnotationServiceTests.cs");
        Assert.All(samples, sample => Assert.Contains(sample, shown));
    }

    [Fact]
    public void Quick_start_error_example_is_one_that_happens()
    {
        // Issue 17: the info of a missing image is 200 {} on MONAI Label, so catching NotFound there never fires.
        var quickStart = File.ReadAllText(Path.Combine(Root, "tests", "MonaiLabel.Samples", "QuickStart.cs"));
        Assert.DoesNotContain("await client.GetImageInfoAsync", quickStart);
        Assert.Contains("MonaiLabelErrorKind.NotFound", quickStart);
    }

    private static List<string> CSharpBlocks(string readme)
    {
        var text = Normalize(File.ReadAllText(Path.Combine(Root, readme)));
        return Regex.Matches(text, "^```csharp\n(.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();
    }

    private static string? SourcePath(string block)
    {
        var match = Regex.Match(block, @"\A// ([\w./-]+\.cs)\b");
        return match.Success ? match.Groups[1].Value : null;
    }

    // Line endings as git may check them out; a file ends with one newline, as a block does.
    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MonaiLabel.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MonaiLabel.Generated.sln) is not above " + AppContext.BaseDirectory);
    }
}
