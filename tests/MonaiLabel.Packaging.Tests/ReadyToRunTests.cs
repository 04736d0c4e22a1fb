using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Xunit;

namespace MonaiLabel.Packaging.Tests;

/// <summary>
/// The SDK's precompiled copy (src/MonaiLabel.Client/ReadyToRun.targets, issue 25): the net8.0 build compiled ahead of
/// time for .NET 10 on linux-x64, packed as runtimes/linux-x64/lib/net10.0, beside the IL-only lib/net8.0.
/// </summary>
public sealed class ReadyToRunTests : IClassFixture<PackedPackages>
{
    private const string IlOnly = "lib/net8.0/MonaiLabel.Client.dll";
    private const string Precompiled = "runtimes/linux-x64/lib/net10.0/MonaiLabel.Client.dll";

    // What crossgen2 writes in the PE header for a Linux x64 image: the machine (AMD64, 0x8664) XOR Linux's 0x7B79.
    private const ushort LinuxX64 = 0x8664 ^ 0x7B79;

    private readonly PackedPackages _packages;

    public ReadyToRunTests(PackedPackages packages) => _packages = packages;

    [Fact]
    public void The_sdk_packs_its_net8_0_build_precompiled_for_net10_0_on_linux_x64_and_nothing_else_under_runtimes()
    {
        using var package = ZipFile.OpenRead(_packages.Package("MonaiLabel.Client"));
        var runtimes = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("runtimes/", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { Precompiled }, runtimes);

        using var il = new PEReader(new MemoryStream(PackedPackages.Bytes(package.GetEntry(IlOnly)!)));
        using var r2r = new PEReader(new MemoryStream(PackedPackages.Bytes(package.GetEntry(Precompiled)!)));
        Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.True(r2r.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{Precompiled} has no ReadyToRun header");
        Assert.Equal("RTR", ReadyToRunSignature(r2r));
        Assert.Equal(LinuxX64, (ushort)r2r.PEHeaders.CoffHeader.Machine);

        // The same assembly: ReadyToRun keeps the IL and metadata, so the runtime can fall back to them method by method.
        var ilMetadata = il.GetMetadataReader();
        var r2rMetadata = r2r.GetMetadataReader();
        Assert.Equal(ilMetadata.GetGuid(ilMetadata.GetModuleDefinition().Mvid), r2rMetadata.GetGuid(r2rMetadata.GetModuleDefinition().Mvid));
        Assert.Equal(ilMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, r2rMetadata.GetAssemblyDefinition().GetAssemblyName().FullName);
        Assert.Equal(ilMetadata.MethodDefinitions.Count, r2rMetadata.MethodDefinitions.Count);

        // A debugger finds the symbol package's PDB for the copy as for the IL file: the same CodeView entry.
        var ilPdb = il.ReadCodeViewDebugDirectoryData(il.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        var r2rPdb = r2r.ReadCodeViewDebugDirectoryData(r2r.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        Assert.Equal((ilPdb.Guid, ilPdb.Age, ilPdb.Path), (r2rPdb.Guid, r2rPdb.Age, r2rPdb.Path));
    }

    /// <summary>
    /// What the copy is for, checked where it applies: a net10.0 app built from the package, run on linux-x64, loads
    /// the copy (NuGet's runtimeTargets, chosen by the host) and compiles none of the SDK's own methods it runs
    /// (the runtime's JIT log lists each method it compiles).
    /// </summary>
    [LinuxX64Fact]
    public void A_net10_0_app_on_linux_x64_loads_the_precompiled_copy_and_jit_compiles_none_of_the_clients_own_methods()
    {
        var work = Directory.CreateTempSubdirectory("monailabel-r2r-app-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RestoreAdditionalProjectSources>{_packages.Directory}</RestoreAdditionalProjectSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MonaiLabel.Client" Version="{Version()}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Program.cs"), """
                using var client = new MonaiLabel.Client.MonaiLabelClient(new System.Uri("http://127.0.0.1:9/"));
                System.Console.WriteLine(typeof(MonaiLabel.Client.MonaiLabelClient).Assembly.Location);
                """);
            // Stand-alone: none of this repository's props (central versions, analyzers) reach it.
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");

            var nuget = Path.Combine(work, "nuget"); // a cached MonaiLabel.Client of the same version must not stand in
            Run(work, nuget, null, "dotnet", "build", "-c", "Release", "-o", Path.Combine(work, "out"));
            var jitLog = Path.Combine(work, "jit.txt");
            var location = Run(work, nuget, jitLog, "dotnet", Path.Combine(work, "out", "App.dll")).Trim();

            Assert.EndsWith(Precompiled.Replace('/', Path.DirectorySeparatorChar), location);
            var compiled = File.ReadAllLines(jitLog).Where(l => l.Contains("JIT compiled", StringComparison.Ordinal)).ToList();
            Assert.Contains(compiled, l => l.Contains("Program:<Main>$", StringComparison.Ordinal)); // the log works
            var clients = compiled.Where(l => l.Contains("JIT compiled MonaiLabel.Client.", StringComparison.Ordinal)).ToList();
            Assert.True(clients.Count == 0, "JIT-compiled despite the precompiled copy:\n" + string.Join("\n", clients));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private string Version()
    {
        var name = Path.GetFileNameWithoutExtension(_packages.Package("MonaiLabel.Client"));
        return name.Substring("MonaiLabel.Client.".Length);
    }

    private static string ReadyToRunSignature(PEReader reader)
    {
        var header = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        var bytes = reader.GetSectionData(header.RelativeVirtualAddress).GetContent(0, 4);
        return new string(bytes.Take(3).Select(b => (char)b).ToArray());
    }

    private static string Run(string directory, string nuget, string? jitLog, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NUGET_PACKAGES"] = nuget;
        if (jitLog != null)
        {
            start.Environment["DOTNET_JitStdOutFile"] = jitLog;
            start.Environment["DOTNET_JitDisasmSummary"] = "1";
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }
}

/// <summary>A test of what only a linux-x64 process can show: reported as skipped elsewhere, never as passed.</summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            Skip = "the ReadyToRun copy is for linux-x64: elsewhere an app gets lib/net8.0 (the file checks above still run)";
        }
    }
}
