using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MonaiLabel.Packaging.Tests;

/// <summary>
/// The packages under test: those in MONAILABEL_PACKAGES_DIR, or packed here into a temporary folder (Release, as
/// a publisher packs them).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    private readonly string? _temporary;

    public PackedPackages()
    {
        Root = FindRoot();
        var given = Environment.GetEnvironmentVariable("MONAILABEL_PACKAGES_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            Directory = given;
            return;
        }

        _temporary = System.IO.Directory.CreateTempSubdirectory("monailabel-packages-").FullName;
        Directory = _temporary;
        Pack("src/MonaiLabel.Client");
        Pack("src/MonaiLabel.Emulator");
        Pack("src/MonaiLabel.Cli");
        Pack("src/MonaiLabel.Cli", "-r", "any");
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>The folder of the .nupkg and .snupkg files.</summary>
    public string Directory { get; }

    /// <summary>The package <paramref name="id"/> (any version; exactly one must be there).</summary>
    public string Package(string id, string extension = "nupkg")
    {
        var pattern = new Regex("^" + Regex.Escape(id) + @"\.\d+\.\d+\.\d+[^/]*\." + extension + "$");
        var found = System.IO.Directory.GetFiles(Directory).Where(f => pattern.IsMatch(Path.GetFileName(f))).ToList();
        if (found.Count != 1)
        {
            throw new InvalidOperationException($"expected one {id} .{extension} in {Directory}, found {found.Count}");
        }

        return found[0];
    }

    public static XElement Nuspec(ZipArchive package) =>
        XDocument.Load(package.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!
            .Elements().Single(e => e.Name.LocalName == "metadata");

    public static string Text(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path) ?? throw new InvalidOperationException($"{path} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        if (_temporary != null)
        {
            System.IO.Directory.Delete(_temporary, recursive: true);
        }
    }

    private void Pack(string project, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "pack", project, "-c", "Release", "-o", Directory }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

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
