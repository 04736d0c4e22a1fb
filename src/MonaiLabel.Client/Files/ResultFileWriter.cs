using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Saves a downloaded result atomically: the bytes go to a hidden temporary file beside the target and are moved
/// into place only when complete, so a failed or cancelled download never leaves a partial file behind.
/// </summary>
internal static class ResultFileWriter
{
    // Pooled, so its size costs no garbage. Each chunk is a socket read and a file write (on Unix an async file write
    // is a thread-pool hop): 256 KiB chunks cut that per-chunk cost four-fold against 64-80 KiB ones.
    private const int CopyBufferSize = 256 * 1024;
    private const int MaxCounter = 10000;
    private const int TempStemChars = 64; // Leaves room for ".{guid}.partial" within 255 bytes.

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="directory"/> under <paramref name="safeFileName"/> and
    /// returns the full path written. When that name is taken and <paramref name="overwrite"/> is false, the file
    /// is numbered before its extension: <c>a (1).nii.gz</c>, <c>a (2).nii.gz</c>, …
    /// </summary>
    /// <param name="source">The bytes to save; read to its end, not disposed.</param>
    /// <param name="directory">The target directory; created when missing.</param>
    /// <param name="safeFileName">A base name as produced by <see cref="SafeFileName.Sanitize"/>; anything else is refused.</param>
    /// <param name="overwrite">Replace an existing file of that name instead of numbering the new one.</param>
    /// <param name="progress">Told the number of bytes written so far after each write.</param>
    /// <param name="cancellationToken">Cancels the copy; the temporary file is then removed.</param>
    /// <returns>The full path of the saved file, always directly inside <paramref name="directory"/>.</returns>
    /// <exception cref="MonaiLabelClientException">
    /// <see cref="MonaiLabelErrorKind.UnsafeFileName"/> when the name is not a safe base name.
    /// </exception>
    public static async Task<string> SaveAsync(
        Stream source,
        string directory,
        string safeFileName,
        bool overwrite = false,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var pending = await WriteAsync(source, directory, safeFileName, progress, cancellationToken).ConfigureAwait(false);
        return pending.Commit(overwrite);
    }

    /// <summary>
    /// The first half of <see cref="SaveAsync"/>: the bytes are written and flushed to a hidden temporary file in
    /// <paramref name="directory"/>; nothing is visible under <paramref name="safeFileName"/> until
    /// <see cref="PendingFile.Commit"/>. Lets a caller saving several files make them visible only once all are complete.
    /// </summary>
    internal static async Task<PendingFile> WriteAsync(
        Stream source, string directory, string safeFileName, IProgress<long>? progress, CancellationToken cancellationToken,
        bool durable = true)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("A target directory is required.", nameof(directory));
        }

        if (string.IsNullOrEmpty(safeFileName) || SafeFileName.Sanitize(safeFileName) != safeFileName)
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.UnsafeFileName,
                $"'{safeFileName}' is not a safe file name; pass it through SafeFileName.Sanitize first.");
        }

        var root = Path.GetFullPath(directory);
        PathInside(root, safeFileName);
        Directory.CreateDirectory(root);

        var tempPath = Path.Combine(root, TempName(safeFileName));
        try
        {
            await CopyToNewFileAsync(source, tempPath, progress, durable, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new PendingFile(tempPath, root, safeFileName);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>A complete file written under a temporary name, waiting to be moved into place or discarded.</summary>
    internal sealed class PendingFile
    {
        private readonly string _root;
        private readonly string _name;

        internal PendingFile(string tempPath, string root, string name)
        {
            TempPath = tempPath;
            _root = root;
            _name = name;
        }

        public string TempPath { get; }

        /// <summary>Moves the file into place (numbered on a collision unless <paramref name="overwrite"/>); returns its path.</summary>
        public string Commit(bool overwrite)
        {
            try
            {
                return overwrite ? Replace(TempPath, PathInside(_root, _name)) : MoveToFreeName(TempPath, _root, _name);
            }
            catch
            {
                Discard();
                throw;
            }
        }

        /// <summary>Removes the temporary file; nothing was ever visible under the final name.</summary>
        public void Discard() => TryDelete(TempPath);
    }

    // durable: fsync before the rename. Only an interactive session's results skip it: the next click replaces them.
    private static async Task CopyToNewFileAsync(
        Stream source, string path, IProgress<long>? progress, bool durable, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            // CreateNew: the GUID name is ours alone; never follow or reuse something already there.
            using var file = new FileStream(
                path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            long written = 0;
            int read;
#if NET8_0_OR_GREATER
            // The Memory overloads return ValueTasks: no Task allocated per chunk.
            var writeBehind = durable ? new WriteBehind(file.SafeFileHandle) : null; // only to shorten the fsync
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                written += read;
                writeBehind?.Written(written);
                progress?.Report(written);
            }
#else
            while ((read = await source.ReadAsync(buffer, 0, CopyBufferSize, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                written += read;
                progress?.Report(written);
            }
#endif

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (durable)
            {
                file.Flush(flushToDisk: true); // Durable before the rename makes it visible (see WriteBehind on Linux).
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Replace(string tempPath, string target)
    {
#if NET8_0_OR_GREATER
        File.Move(tempPath, target, overwrite: true);
#else
        try
        {
            File.Move(tempPath, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Replace(tempPath, target, destinationBackupFileName: null);
        }
#endif
        return target;
    }

    // File.Move without overwrite is not atomic on Unix (.NET checks, then renames over whatever appeared), so a
    // name is claimed by creating it (CreateNew is O_EXCL everywhere) and the finished file is renamed over the claim.
    private static string MoveToFreeName(string tempPath, string root, string name)
    {
        var (stem, extension) = FileNameParts.Split(name);
        for (var counter = 0; counter <= MaxCounter; counter++)
        {
            var candidate = counter == 0 ? name : FileNameParts.Fit(stem, $" ({counter})", extension);
            var path = PathInside(root, candidate);
            if (!TryClaim(path))
            {
                continue;
            }

            try
            {
#if NET8_0_OR_GREATER
                File.Move(tempPath, path, overwrite: true);
#else
                File.Replace(tempPath, path, destinationBackupFileName: null);
#endif
                return path;
            }
            catch
            {
                TryDelete(path); // Still our empty claim: the rename either happened or did not.
                throw;
            }
        }

        throw new IOException($"No free file name for '{name}' in '{root}' after {MaxCounter} attempts.");
    }

    private static bool TryClaim(string path)
    {
        if (Directory.Exists(path))
        {
            return false;
        }

        try
        {
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            return true;
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && (File.Exists(path) || Directory.Exists(path)))
        {
            return false; // Taken, possibly a moment ago by another writer.
        }
    }

    // The last line of defence: whatever the name, the file lands directly in the chosen directory.
    private static string PathInside(string root, string name)
    {
        var path = Path.GetFullPath(Path.Combine(root, name));
        var parent = Path.GetDirectoryName(path);
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (parent is null || !string.Equals(TrimSeparator(parent), TrimSeparator(root), comparison))
        {
            throw new MonaiLabelClientException(
                MonaiLabelErrorKind.UnsafeFileName, $"The file name '{name}' would leave the directory '{root}'.");
        }

        return path;
    }

    private static string TrimSeparator(string path)
    {
        var trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? path : trimmed; // Keep "/" and "C:\".
    }

    private static string TempName(string name)
    {
        var stem = name.Length <= TempStemChars ? name : name.Substring(0, char.IsHighSurrogate(name[TempStemChars - 1]) ? TempStemChars - 1 : TempStemChars);
        return $".{stem}.{Guid.NewGuid():N}.partial";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original exception matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
