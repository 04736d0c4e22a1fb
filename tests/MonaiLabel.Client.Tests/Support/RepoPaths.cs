using System;
using System.IO;

namespace MonaiLabel.Client.Tests.Support;

/// <summary>Locates the repository from the test binaries, so approved files are read and written in the source tree.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MonaiLabel.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MonaiLabel.Generated.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    /// <summary>The SDK build these tests run against (see the two test projects).</summary>
    public static string ClientTargetFramework =>
#if CLIENT_NETSTANDARD
        "netstandard2.0";
#else
        "net8.0";
#endif

    /// <summary>A fixture copied beside the test assembly (tests never read ../shared).</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", Path.Combine(parts));
}
