using System;
using System.IO;
using System.IO.Hashing;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// The bytes every benchmark sends: an endless, deterministic, incompressible stream (like a gzipped NIfTI label)
/// that costs nothing to produce — a pseudo-random block of a prime length, repeated. A stream may start anywhere in
/// it, so concurrent answers differ. Checksums are XxHash3 over the bytes in order.
/// </summary>
internal static class Pattern
{
    /// <summary>Period of the pattern: a prime, so chunk boundaries never line up with it.</summary>
    public const int Period = 1_048_573;

    /// <summary>Longest slice <see cref="Slice"/> hands out.</summary>
    public const int MaxChunk = 256 * 1024;

    private static readonly byte[] Data = Build();

    /// <summary>Up to <paramref name="count"/> (at most <see cref="MaxChunk"/>) bytes at <paramref name="position"/>.</summary>
    public static ReadOnlyMemory<byte> Slice(long position, int count) =>
        Data.AsMemory((int)(position % Period), Math.Min(count, MaxChunk));

    /// <summary>Fills <paramref name="destination"/> with the pattern from <paramref name="position"/> on.</summary>
    public static void Fill(Span<byte> destination, long position)
    {
        while (!destination.IsEmpty)
        {
            var slice = Slice(position, destination.Length).Span;
            slice.CopyTo(destination);
            destination = destination.Slice(slice.Length);
            position += slice.Length;
        }
    }

    /// <summary>Writes <paramref name="length"/> pattern bytes from <paramref name="start"/> in chunks of <paramref name="chunk"/>.</summary>
    public static async Task WriteAsync(Stream destination, long start, long length, int chunk, CancellationToken cancellationToken)
    {
        for (long done = 0; done < length;)
        {
            var slice = Slice(start + done, (int)Math.Min(chunk, length - done));
            await destination.WriteAsync(slice, cancellationToken).ConfigureAwait(false);
            done += slice.Length;
        }
    }

    /// <summary>XxHash3 of <paramref name="length"/> pattern bytes from <paramref name="start"/>.</summary>
    public static ulong Hash(long start, long length)
    {
        var hash = new XxHash3();
        for (long done = 0; done < length;)
        {
            var slice = Slice(start + done, (int)Math.Min(MaxChunk, length - done)).Span;
            hash.Append(slice);
            done += slice.Length;
        }

        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>Size and XxHash3 of a file.</summary>
    public static (long Length, ulong Hash) HashFile(string path)
    {
        var hash = new XxHash3();
        var buffer = new byte[1 << 20];
        long length = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
            length += read;
        }

        return (length, hash.GetCurrentHashAsUInt64());
    }

    /// <summary>Writes a file of <paramref name="length"/> pattern bytes (the upload source).</summary>
    public static void WriteFile(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        for (long done = 0; done < length;)
        {
            var slice = Slice(done, (int)Math.Min(MaxChunk, length - done)).Span;
            file.Write(slice);
            done += slice.Length;
        }
    }

    /// <summary>A start position derived from a name, so that different requests get different bytes.</summary>
    public static long StartFor(string name)
    {
        var h = 2166136261u;
        foreach (var c in name)
        {
            h = (h ^ c) * 16777619u;
        }

        return h % Period;
    }

    private static byte[] Build()
    {
        // Period bytes of xorshift64*, then MaxChunk more so that any slice is contiguous.
        var data = new byte[Period + MaxChunk];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Period; i++)
        {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            data[i] = (byte)((x * 0x2545F4914F6CDD1DUL) >> 56);
        }

        Array.Copy(data, 0, data, Period, MaxChunk);
        return data;
    }
}
