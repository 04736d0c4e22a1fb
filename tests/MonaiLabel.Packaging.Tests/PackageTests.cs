using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace MonaiLabel.Packaging.Tests;

/// <summary>What a consumer gets from each package (issue 24).</summary>
public sealed class PackageTests : IClassFixture<PackedPackages>
{
    // Portable PDB: the custom debug information that holds a document's embedded source.
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly PackedPackages _packages;

    public PackageTests(PackedPackages packages) => _packages = packages;

    public static TheoryData<string> Packages() => new() { "MonaiLabel.Client", "MonaiLabel.Emulator", "MonaiLabel.Cli", "MonaiLabel.Cli.any" };

    // The tool's pointer package (MonaiLabel.Cli) holds no assembly: it names the platform packages.
    public static TheoryData<string> PackagesWithAssemblies() => new() { "MonaiLabel.Client", "MonaiLabel.Emulator", "MonaiLabel.Cli.any" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Readme_is_written_for_consumers_with_no_link_that_only_works_in_the_repository(string id)
    {
        using var package = ZipFile.OpenRead(_packages.Package(id));
        var readmePath = PackedPackages.Nuspec(package).Elements().Single(e => e.Name.LocalName == "readme").Value;
        var readme = PackedPackages.Text(package, readmePath);

        var links = Links(readme).ToList();
        Assert.NotEmpty(links);
        var relative = links.Where(l => !Regex.IsMatch(l, "^(https?://|mailto:|#)")).ToList();
        Assert.True(relative.Count == 0, $"{id}'s README links to what only exists in the repository: {string.Join(", ", relative)}");
        // What a repository README talks about (its folders, CI, build internals) is not the package page's business.
        var internals = Regex.Matches(readme, @"(?<![\w.])(src|tests|tools|\.ci|openapi)/[\w./-]*").Select(m => m.Value).ToList();
        Assert.True(internals.Count == 0, $"{id}'s README names repository paths: {string.Join(", ", internals)}");
        var tool = id == "MonaiLabel.Cli" || id.StartsWith("MonaiLabel.Cli.", StringComparison.Ordinal);
        Assert.Contains(tool ? "dotnet tool install -g MonaiLabel.Cli" : "dotnet add package " + id, readme);
        Assert.Contains("## A first", readme);
        Assert.Contains("## Where the rest is", readme);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Carries_the_licence_it_declares(string id)
    {
        using var package = ZipFile.OpenRead(_packages.Package(id));
        var license = PackedPackages.Nuspec(package).Elements().Single(e => e.Name.LocalName == "license");

        Assert.Equal(("expression", "Apache-2.0"), ((string?)license.Attribute("type"), license.Value));
        var text = PackedPackages.Text(package, "LICENSE");
        Assert.Equal(File.ReadAllText(Path.Combine(_packages.Root, "LICENSE")), text);
        Assert.Contains("Apache License\n                           Version 2.0, January 2004", text.Replace("\r\n", "\n"));
        Assert.Contains("END OF TERMS AND CONDITIONS", text);
    }

    [Theory]
    [MemberData(nameof(PackagesWithAssemblies))]
    public void No_packed_dll_or_pdb_holds_a_path_of_the_machine_that_packed_it(string id)
    {
        var files = 0;
        foreach (var path in new[] { _packages.Package(id) }.Concat(SymbolPackage(id)))
        {
            using var package = ZipFile.OpenRead(path);
            foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)))
            {
                files++;
                var bytes = PackedPackages.Bytes(entry);
                foreach (var local in LocalPaths())
                {
                    Assert.False(
                        Contains(bytes, Encoding.UTF8.GetBytes(local)) || Contains(bytes, Encoding.Unicode.GetBytes(local)),
                        $"{Path.GetFileName(path)}: {entry.FullName} contains the local path {local}");
                }
            }
        }

        Assert.True(files > 0, $"{id}: no DLL or PDB packed");
    }

    [Theory]
    [MemberData(nameof(PackagesWithAssemblies))]
    public void Pdbs_have_deterministic_paths_and_embed_every_source_the_generated_client_included(string id)
    {
        // A portable PDB stores a document's path in parts, so the byte search above cannot see it: read the names.
        var pdbs = 0;
        var generated = false;
        foreach (var path in new[] { _packages.Package(id) }.Concat(SymbolPackage(id)))
        {
            using var package = ZipFile.OpenRead(path);
            foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)))
            {
                pdbs++;
                using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(PackedPackages.Bytes(entry)));
                var reader = provider.GetMetadataReader();
                var documents = reader.Documents.Select(h => (Name: reader.GetString(reader.GetDocument(h).Name), Handle: h)).ToList();
                Assert.NotEmpty(documents);
                var ours = entry.Name.StartsWith("MonaiLabel.", StringComparison.Ordinal);
                foreach (var (name, handle) in documents)
                {
                    Assert.True(name.StartsWith("/_/", StringComparison.Ordinal) || !Path.IsPathRooted(name), $"{entry.FullName}: document {name} is not a deterministic path");
                    var embedded = reader.GetCustomDebugInformation(handle).Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == EmbeddedSource);
                    Assert.True(embedded || !ours, $"{entry.FullName}: the source of {name} is not embedded");
                }

                // The client generated from the spec at build time (never committed): a debugger can only show it embedded.
                generated |= entry.Name == "MonaiLabel.Client.pdb" && documents.Any(d => d.Name.EndsWith("/MonaiLabelClient.g.cs", StringComparison.Ordinal));
            }
        }

        Assert.True(pdbs > 0, $"{id}: no PDB packed");
        Assert.True(generated || id == "MonaiLabel.Emulator", $"{id}: no MonaiLabel.Client.pdb with the generated client");
    }

    [Fact]
    public void The_sdk_depends_on_the_8_0_line_of_Microsoft_Extensions()
    {
        using var package = ZipFile.OpenRead(_packages.Package("MonaiLabel.Client"));
        var groups = PackedPackages.Nuspec(package).Elements().Single(e => e.Name.LocalName == "dependencies").Elements()
            .ToDictionary(
                g => (string)g.Attribute("targetFramework")!,
                g => g.Elements().ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!));

        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var net8 = groups["net8.0"];
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Newtonsoft.Json"] = "13.0.1",
                ["Microsoft.Extensions.Http"] = "8.0.1",
                ["Polly.Extensions"] = "8.4.2",
                ["Microsoft.Extensions.Options"] = "8.0.2",
                ["Microsoft.Extensions.Options.ConfigurationExtensions"] = "8.0.0",
                ["Microsoft.Extensions.Logging.Abstractions"] = "8.0.2",
                ["System.Diagnostics.DiagnosticSource"] = "9.0.0",
            }.OrderBy(kv => kv.Key),
            net8.OrderBy(kv => kv.Key));
        var netstandard = groups[".NETStandard2.0"];
        Assert.Equal("8.4.2", netstandard["Polly.Extensions"]);
        Assert.All(
            netstandard.Where(d => d.Key.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)),
            d => Assert.StartsWith("8.0.", d.Value));
        Assert.Equal(new[] { "Microsoft.Bcl.AsyncInterfaces", "System.Memory" }, netstandard.Keys.Except(net8.Keys).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void The_emulator_brings_no_package_of_its_own()
    {
        using var package = ZipFile.OpenRead(_packages.Package("MonaiLabel.Emulator"));
        var dependencies = PackedPackages.Nuspec(package).Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies");

        Assert.Empty(dependencies?.Descendants().Where(e => e.Name.LocalName == "dependency") ?? Enumerable.Empty<System.Xml.Linq.XElement>());
    }

    private IEnumerable<string> SymbolPackage(string id)
    {
        var pattern = new Regex("^" + Regex.Escape(id) + @"\.\d+\.\d+\.\d+[^/]*\.snupkg$");
        return Directory.GetFiles(_packages.Directory).Where(f => pattern.IsMatch(Path.GetFileName(f)));
    }

    // This machine's folders a non-deterministic build writes into a DLL or PDB: the sources', the user's, the packed ones'.
    private IEnumerable<string> LocalPaths()
    {
        yield return _packages.Root.TrimEnd('/');
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home) && home != "/")
        {
            yield return home.TrimEnd('/') + "/";
        }
    }

    // Markdown inline links and images, reference definitions, and HTML href/src.
    private static IEnumerable<string> Links(string markdown) =>
        Regex.Matches(markdown, @"\]\(\s*<?([^)\s>]+)").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(markdown, @"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .Concat(Regex.Matches(markdown, "(?:href|src)\\s*=\\s*[\"']([^\"']+)", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
