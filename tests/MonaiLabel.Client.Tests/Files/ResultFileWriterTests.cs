using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests;

public sealed class ResultFileWriterTests : IDisposable
{
    private static readonly byte[] Payload = RawHttp.Bytes(300_000, seed: 3); // Several copy buffers' worth.

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mlc-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Saves_the_bytes_in_a_new_directory_and_leaves_nothing_else()
    {
        var path = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "label.nii.gz");

        Assert.Equal(Path.Combine(Path.GetFullPath(_directory), "label.nii.gz"), path);
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.Equal(new[] { "label.nii.gz" }, Listing());
    }

    [Fact]
    public async Task Numbers_a_taken_name_before_its_multi_part_extension()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "a.nii.gz"), "original");

        var first = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "a.nii.gz");
        var second = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "a.nii.gz");

        Assert.Equal("a (1).nii.gz", Path.GetFileName(first));
        Assert.Equal("a (2).nii.gz", Path.GetFileName(second));
        Assert.Equal("original", File.ReadAllText(Path.Combine(_directory, "a.nii.gz")));
        Assert.Equal(Payload, File.ReadAllBytes(second));
        Assert.Equal(new[] { "a (1).nii.gz", "a (2).nii.gz", "a.nii.gz" }, Listing());
    }

    [Fact]
    public async Task A_directory_of_that_name_counts_as_taken()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "scan.seg.nrrd"));

        var path = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "scan.seg.nrrd");

        Assert.Equal("scan (1).seg.nrrd", Path.GetFileName(path));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_name_never_clobber_each_other()
    {
        // File.Move without overwrite checks and then renames on Unix; with it, this failed within a few runs.
        var contents = Enumerable.Range(0, 32)
            .Select(i => Encoding.ASCII.GetBytes($"file {i} ").Concat(RawHttp.Bytes(1000 + i, i)).ToArray())
            .ToArray();

        var paths = await Task.WhenAll(contents.Select(c =>
            Task.Run(() => ResultFileWriter.SaveAsync(new MemoryStream(c), _directory, "label.nii.gz"))));

        Assert.Equal(contents.Length, paths.Distinct().Count());
        for (var i = 0; i < contents.Length; i++)
        {
            Assert.Equal(contents[i], File.ReadAllBytes(paths[i]));
        }

        Assert.Equal(contents.Length, Listing().Length);
        Assert.All(Listing(), name => Assert.Matches(@"^label( \(\d+\))?\.nii\.gz$", name));
    }

    [Fact]
    public async Task Overwrite_replaces_the_existing_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "a.nii.gz"), "original");

        var path = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "a.nii.gz", overwrite: true);

        Assert.Equal("a.nii.gz", Path.GetFileName(path));
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.Equal(new[] { "a.nii.gz" }, Listing());
    }

    [Fact]
    public async Task Numbering_a_255_byte_name_shortens_the_stem_and_keeps_the_extension()
    {
        var name = new string('x', 248) + ".nii.gz";
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, name), "original");

        var path = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, name);

        Assert.Equal(new string('x', 244) + " (1).nii.gz", Path.GetFileName(path));
    }

    [Fact]
    public async Task Cancellation_mid_copy_leaves_the_directory_as_it_was()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "a.nii.gz"), "original");
        var before = Snapshot();
        using var cancel = new CancellationTokenSource();
        var source = new TrickleStream(Payload, maxChunk: 5000, cancelAfter: 100_000, cancelSource: cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ResultFileWriter.SaveAsync(source, _directory, "a.nii.gz", cancellationToken: cancel.Token));

        Assert.True(source.Position >= 100_000, "the copy had started");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_failing_source_leaves_the_directory_as_it_was()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "other.txt"), "keep");
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<IOException>(
            () => ResultFileWriter.SaveAsync(new FailingStream(Payload, failAfter: 200_000), _directory, "a.nii.gz", overwrite: true));

        Assert.Equal("connection reset", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Writes_through_a_hidden_temporary_file_beside_the_target()
    {
        string[]? seenDuringCopy = null;
        var source = new FailingStream(Payload, failAfter: int.MaxValue, onRead: position =>
        {
            if (position > 0)
            {
                seenDuringCopy ??= Listing(); // Once the first chunk has been written.
            }
        });

        await ResultFileWriter.SaveAsync(source, _directory, "a.nii.gz");

        var temp = Assert.Single(seenDuringCopy!);
        Assert.StartsWith(".a.nii.gz.", temp);
        Assert.EndsWith(".partial", temp);
        Assert.Equal(new[] { "a.nii.gz" }, Listing());
    }

    [Fact]
    public async Task Reports_progress_in_bytes()
    {
        var reports = new List<long>();

        await ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, "a.nii.gz", progress: new RecordingProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(Payload.Length, reports[^1]);
        Assert.Equal(reports.OrderBy(r => r), reports);
    }

    [Fact]
    public async Task Saves_an_empty_source()
    {
        var path = await ResultFileWriter.SaveAsync(new MemoryStream(), _directory, "empty.json");

        Assert.Empty(File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("../x.nii.gz")]
    [InlineData("..\\x.nii.gz")]
    [InlineData("sub/x.nii.gz")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("CON")]
    [InlineData("a:b")]
    [InlineData("")]
    public async Task Refuses_names_that_are_not_safe_base_names(string name)
    {
        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(
            () => ResultFileWriter.SaveAsync(new MemoryStream(Payload), _directory, name));

        Assert.Equal(MonaiLabelErrorKind.UnsafeFileName, error.Kind);
        Assert.False(Directory.Exists(_directory), "nothing was created");
    }

    [Fact]
    public async Task The_saved_path_is_always_inside_the_directory()
    {
        var relative = Path.Combine(_directory, "sub", "..", "out");

        var path = await ResultFileWriter.SaveAsync(new MemoryStream(Payload), relative, "a.nii.gz");

        Assert.Equal(Path.Combine(Path.GetFullPath(Path.Combine(_directory, "out")), "a.nii.gz"), path);
    }

    private string[] Listing() =>
        Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

    private string Snapshot() =>
        string.Join("\n", Listing().Select(n => n + "=" + (File.Exists(Path.Combine(_directory, n))
            ? Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_directory, n)))
            : "dir")));

    /// <summary>Serves data until <c>failAfter</c> bytes, then fails like a dropped connection.</summary>
    private sealed class FailingStream(byte[] data, int failAfter, Action<long>? onRead = null) : MemoryStream(data, writable: false)
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            onRead?.Invoke(Position);
            return Position >= failAfter
                ? Task.FromException<int>(new IOException("connection reset"))
                : base.ReadAsync(buffer, offset, count, cancellationToken);
        }

#if !NETFRAMEWORK // .NET Framework's Stream has no Memory<byte> overload (the Mono host)
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            onRead?.Invoke(Position);
            return Position >= failAfter
                ? ValueTask.FromException<int>(new IOException("connection reset"))
                : base.ReadAsync(buffer, cancellationToken);
        }
#endif
    }
}
