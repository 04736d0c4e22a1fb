using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

/// <summary>
/// The .NET 5+ APIs the shared test support calls, for net472 (test side only; the SDK itself needs none of them).
/// C# 14 extension members keep the shared sources unchanged; in the global namespace so every test file sees them.
/// </summary>
internal static class Polyfills
{
    extension(Encoding)
    {
        public static Encoding Latin1 => Encoding.GetEncoding(28591);
    }

    extension(SHA256)
    {
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }
    }

    extension(char)
    {
        public static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
    }

    extension(Path)
    {
        /// <summary>Relative path from a directory to a path below it (all the tests ask for).</summary>
        public static string GetRelativePath(string relativeTo, string path)
        {
            var root = Path.GetFullPath(relativeTo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(path);
            if (full.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar == root)
            {
                return ".";
            }

            return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        }
    }

    public static string[] Split(this string text, string separator) => text.Split(new[] { separator }, StringSplitOptions.None);

    public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

    // net472 sockets take no CancellationToken: the wait is abandoned on cancellation (the callers then close the socket).
    public static Task<int> ReceiveAsync(this Socket socket, byte[] buffer, SocketFlags flags, CancellationToken cancellationToken) =>
        WithCancellation(socket.ReceiveAsync(new ArraySegment<byte>(buffer), flags), cancellationToken);

    public static Task<int> SendAsync(this Socket socket, ReadOnlyMemory<byte> buffer, SocketFlags flags, CancellationToken cancellationToken)
    {
        if (!MemoryMarshal.TryGetArray(buffer, out var segment))
        {
            segment = new ArraySegment<byte>(buffer.ToArray());
        }

        return WithCancellation(socket.SendAsync(segment, flags), cancellationToken);
    }

    public static Task<TcpClient> AcceptTcpClientAsync(this TcpListener listener, CancellationToken cancellationToken) =>
        WithCancellation(listener.AcceptTcpClientAsync(), cancellationToken);

    private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: it ends when the socket closes
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
