#if NET8_0_OR_GREATER
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MonaiLabel.Client;

/// <summary>
/// Has the kernel start writing a file's new pages to disk while the download is still going (Linux
/// <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>, every <see cref="Interval"/> bytes), so that the fsync which makes
/// a result durable before its rename finds little left to write, and the dirty pages of a large download never pile
/// up to the kernel's throttling limits. Only a hint: durability still comes from that fsync. Elsewhere (other
/// systems, 32-bit processes, a C library without the call) it does nothing.
/// </summary>
internal sealed class WriteBehind
{
    private const long Interval = 8L << 20;
    private const uint SyncFileRangeWrite = 2; // SYNC_FILE_RANGE_WRITE: start write-out, do not wait for it.

    private static readonly bool Supported = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Environment.Is64BitProcess;

    private readonly SafeFileHandle _file;
    // Per file, not a process-wide flag: a C library without the call costs one failed lookup per file, no shared state.
    private bool _unavailable = !Supported;
    private long _started; // Bytes from the start of the file whose write-out was started.

    public WriteBehind(SafeFileHandle file)
    {
        _file = file;
    }

    /// <summary>Tells how many bytes the file now holds; starts their write-out every <see cref="Interval"/> bytes.</summary>
    public void Written(long length)
    {
        if (_unavailable || length - _started < Interval)
        {
            return;
        }

        try
        {
            // Errors (a file system without support, say) are ignored: the final fsync does the work then.
            _ = SyncFileRange((int)_file.DangerousGetHandle(), _started, length - _started, SyncFileRangeWrite);
            _started = length;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "sync_file_range")]
    private static extern int SyncFileRange(int fd, long offset, long nbytes, uint flags);
}
#endif
