using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>
/// The one temporary-directory helper of the suite: a fresh tree per test, <see cref="Root"/> (unique) holding only
/// the result directory <see cref="Dir"/> three levels down, so that a name escaping by <c>../..</c> would still land
/// inside <see cref="Root"/> and be caught by <see cref="AssertNothingOutsideDir"/> or <see cref="AssertNothingOutside"/>.
/// With <c>create: false</c> the result directory is left for the SDK to create on first save. Input files (uploads)
/// go in with <see cref="File"/>. Deleted on dispose.
/// </summary>
internal sealed class TempResultDir : IDisposable
{
    public TempResultDir(bool create = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "mlc-client-tests", Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(Root, "l1", "l2", "results");
        Directory.CreateDirectory(create ? Dir : Path.GetDirectoryName(Dir)!);
    }

    /// <summary>The unique root of this test's tree.</summary>
    public string Root { get; }

    /// <summary>The directory results are saved to.</summary>
    public string Dir { get; }

    /// <summary>Every entry (files and directories, hidden ones included) directly inside <see cref="Dir"/>.</summary>
    public string[] Entries => Directory.Exists(Dir) ? Directory.GetFileSystemEntries(Dir) : Array.Empty<string>();

    /// <summary>The file names directly inside <see cref="Dir"/>, sorted.</summary>
    public string[] FileNames => Entries.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    public string PathOf(string name) => Path.Combine(Dir, name);

    /// <summary>A file of <paramref name="length"/> pseudo-random bytes in <see cref="Dir"/> (an upload's input).</summary>
    public string File(string name, int length)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Dir);
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The result directory has no entry at all (no partial or hidden temporary file either).</summary>
    public void AssertEmpty() =>
        Assert.True(Entries.Length == 0, "Expected an empty result directory, found: " + string.Join(", ", FileNames));

    /// <summary>The only files anywhere under <see cref="Root"/> are directly inside <see cref="Dir"/>.</summary>
    public void AssertNothingOutsideDir()
    {
        var strays = Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Dir)
            .ToList();
        Assert.True(strays.Count == 0, "Files written outside the result directory: " + string.Join(", ", strays));
        var directories = Directory.GetDirectories(Root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(Root, d)).OrderBy(d => d).ToArray();
        Assert.Equal(new[] { "l1", Path.Combine("l1", "l2"), Path.Combine("l1", "l2", "results") }, directories);
    }

    /// <summary>
    /// No entry (file or directory) anywhere under <see cref="Root"/> but the result directory, its parents, and
    /// what is directly inside the result directory.
    /// </summary>
    public void AssertNothingOutside()
    {
        var strays = Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Where(p => p != Dir && Path.GetDirectoryName(p) != Dir && !IsParentOfDir(p))
            .ToList();
        Assert.True(strays.Count == 0, "Written outside the result directory: " + string.Join(", ", strays));
    }

    /// <summary>Nothing outside the result directory, and that holds no entry at all (no temp file).</summary>
    public void AssertClean()
    {
        AssertNothingOutside();
        AssertEmpty();
    }

    /// <summary>Nothing outside the result directory, and that holds exactly <paramref name="names"/>.</summary>
    public void AssertOnly(params string[] names)
    {
        AssertNothingOutside();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal).ToArray(), FileNames);
    }

    /// <summary>Asserts <paramref name="saved"/> is directly inside <see cref="Dir"/> and holds <paramref name="bytes"/>.</summary>
    public void AssertSavedInside(SavedFile saved, byte[] bytes)
    {
        Assert.Equal(Dir, Path.GetDirectoryName(saved.Path));
        Assert.True(System.IO.File.Exists(saved.Path), "Missing " + saved.Path);
        Assert.Equal(bytes, System.IO.File.ReadAllBytes(saved.Path));
        Assert.Equal(bytes.Length, saved.Length);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; the tree is under the temp directory anyway.
        }
    }

    private bool IsParentOfDir(string path) =>
        Directory.Exists(path) && Dir.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
