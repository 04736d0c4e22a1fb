using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Hands a JSON answer's body to a synchronous parser (Newtonsoft's serializer has no async path) without ever
/// blocking a thread-pool thread on the network. The body is read asynchronously into a pooled buffer; an answer that
/// ends within <see cref="InMemoryLimit"/> bytes (every answer MONAI Label gives in practice) is parsed from memory.
/// A longer one is parsed on a thread of its own, fed by the buffer and then by the body, so it is never held whole:
/// a wrongly shaped answer still fails at its first token.
/// </summary>
/// <remarks>
/// Why: a parser reading the body synchronously blocks its thread until the next bytes arrive, and their arrival is
/// itself completed on a pool thread. With more such reads than pool threads nothing completes — on Mono, whose pool
/// grows slowly, calls that had started stood still (StarvedThreadPoolTests caps the pool to show it).
/// </remarks>
internal static class JsonAnswerBody
{
    /// <summary>The most bytes parsed from memory; longer answers are parsed as they stream.</summary>
    internal const int InMemoryLimit = 1024 * 1024;

    private const int FirstRead = 16 * 1024;

    public static async Task<T> ParseAsync<T>(Stream body, Func<Stream, T> parse, CancellationToken cancellationToken)
    {
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(FirstRead);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= InMemoryLimit)
                    {
                        break;
                    }

                    var larger = pool.Rent(Math.Min(buffer.Length * 2, InMemoryLimit));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return parse(new MemoryStream(buffer, 0, length, writable: false));
                }

                length += read;
            }

            // A long answer: its synchronous reads block this dedicated thread, never a pool thread.
            var rest = new PrefixedStream(buffer, length, body);
            return await Task.Factory.StartNew(
                () => parse(rest), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>The bytes already read, then the rest of the body.</summary>
    private sealed class PrefixedStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly int _length;
        private readonly Stream _rest;
        private int _position;

        public PrefixedStream(byte[] prefix, int length, Stream rest)
        {
            _prefix = prefix;
            _length = length;
            _rest = rest;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < _length)
            {
                var n = Math.Min(count, _length - _position);
                Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            return _rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
