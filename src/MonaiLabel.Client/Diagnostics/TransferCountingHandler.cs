using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Counts the request body bytes each attempt hands to the socket handler (the innermost handler: retries, the
/// token fetch and replays count too), for the operation's span and the <c>monailabel.client.io</c> counter. The
/// body is wrapped for the attempt only and the request's own content put back afterwards, so the handlers outside
/// (auth's "can this be sent again", the retry policy) see what they always saw. Does nothing when nobody listens.
/// </summary>
internal sealed class TransferCountingHandler : DelegatingHandler
{
    // Not async when there is nothing to count (a body-less request such as a GET): see AttemptSpanHandler.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content;
        var scope = OperationScope.Current;
        return content == null || (scope == null && !MonaiLabelDiagnostics.BytesTransferred.Enabled)
            ? base.SendAsync(request, cancellationToken)
            : SendCountedAsync(request, content, scope, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCountedAsync(
        HttpRequestMessage request, HttpContent content, OperationScope? scope, CancellationToken cancellationToken)
    {
        request.Content = new CountingContent(content, scope);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Content = content;
        }
    }

    /// <summary>
    /// The request's content as written, counted; its headers are the inner content's. It does not dispose the inner
    /// content, which stays the request's.
    /// </summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly OperationScope? _scope;

        public CountingContent(HttpContent inner, OperationScope? scope)
        {
            _inner = inner;
            _scope = scope;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var counting = new CountingStream(stream);
            try
            {
                await _inner.CopyToAsync(counting, context).ConfigureAwait(false);
            }
            finally
            {
                OperationScope.Sent(_scope, counting.Written);
            }
        }

#if NET5_0_OR_GREATER
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var counting = new CountingStream(stream);
            try
            {
                await _inner.CopyToAsync(counting, context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                OperationScope.Sent(_scope, counting.Written);
            }
        }
#endif

        protected override bool TryComputeLength(out long length)
        {
            var known = _inner.Headers.ContentLength;
            length = known ?? 0;
            return known.HasValue;
        }
    }

    /// <summary>A write-only pass-through that counts what is written.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly Stream _inner;

        public CountingStream(Stream inner)
        {
            _inner = inner;
        }

        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new System.NotSupportedException();

        public override long Position
        {
            get => Written;
            set => throw new System.NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
            Written += count;
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await _inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Written += count;
        }

#if NET8_0_OR_GREATER
        public override void Write(System.ReadOnlySpan<byte> buffer)
        {
            _inner.Write(buffer);
            Written += buffer.Length;
        }

        public override async ValueTask WriteAsync(System.ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            Written += buffer.Length;
        }
#endif

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();
    }
}
