using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

/// <summary>The emulator's "model" and its deterministic data.</summary>
internal static class FakeModel
{
    /// <summary>The label value of one input byte.</summary>
    public static byte Threshold(byte b) => b >= 128 ? (byte)1 : (byte)0;

    /// <summary>SHA-256 (lower-case hex) of the input and of the label, and the input's size.</summary>
    public sealed record Digests(string InputSha256, string LabelSha256, long InputSize);

    /// <summary>Streams <paramref name="input"/> through the threshold into <paramref name="output"/>.</summary>
    public static async Task<Digests> InferFileAsync(string input, string output, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var inputHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var labelHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using var src = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
            await using var dst = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            int read;
            while ((read = await src.ReadAsync(buffer.AsMemory(0, 64 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                inputHash.AppendData(buffer, 0, read);
                size += read;
                for (var i = 0; i < read; i++)
                {
                    buffer[i] = Threshold(buffer[i]);
                }

                labelHash.AppendData(buffer, 0, read);
                await dst.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return new Digests(Hex(inputHash.GetHashAndReset()), Hex(labelHash.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    /// <summary>Deterministic pseudo-random bytes: SHA-256 in counter mode over a text seed.</summary>
    public static byte[] Bytes(string seed, int length)
    {
        var result = new byte[length];
        var seedBytes = Encoding.UTF8.GetBytes(seed);
        var block = new byte[seedBytes.Length + 4];
        seedBytes.CopyTo(block, 0);
        for (int offset = 0, counter = 0; offset < length; counter++)
        {
            block[^4] = (byte)(counter >> 24);
            block[^3] = (byte)(counter >> 16);
            block[^2] = (byte)(counter >> 8);
            block[^1] = (byte)counter;
            var hash = SHA256.HashData(block);
            var n = Math.Min(hash.Length, length - offset);
            Array.Copy(hash, 0, result, offset, n);
            offset += n;
        }

        return result;
    }
}
