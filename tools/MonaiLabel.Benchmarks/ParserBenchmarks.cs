using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MonaiLabel.Client;
using AspNetMultipartReader = Microsoft.AspNetCore.WebUtilities.MultipartReader;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// The SDK's <see cref="MultipartStreamReader"/> against ASP.NET Core's MultipartReader on the same in-memory
/// bodies. Both drain every byte of every part into one reused buffer, through the stream's Memory overload.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    /// <summary>Size of the buffer the parts are drained into (Stream.CopyToAsync's default).</summary>
    public const int DrainBufferSize = 81920;

    private readonly byte[] _drain = new byte[DrainBufferSize];
    private byte[] _body = Array.Empty<byte>();
    private string _boundary = string.Empty;
    private long _expectedPartBytes;
    private MultipartReaderOptions _options = new();

    /// <summary>The body under test.</summary>
    public enum BodyKind
    {
        /// <summary>params JSON + a 1 MiB label.</summary>
        Label1MiB,

        /// <summary>params JSON + a 64 MiB label.</summary>
        Label64MiB,

        /// <summary>params JSON + a 512 MiB label.</summary>
        Label512MiB,

        /// <summary>10,000 file parts of 100 bytes.</summary>
        Parts10000x100B,
    }

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    /// <summary>Our reader's buffer size in KiB (MultipartReaderOptions.BufferSize; 64 was the default, 256 is now).</summary>
    [Params(64, 256)]
    public int BufferKiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _boundary = InferAnswer.NewBoundary();
        _body = CreateBody(Body, _boundary, out _expectedPartBytes);
        _options = new MultipartReaderOptions { BufferSize = BufferKiB * 1024, MaxParts = 20_000 };

        // Both readers must see every byte: check once, outside the measurements.
        var ours = MonaiLabelReader().GetAwaiter().GetResult();
        var theirs = AspNetCoreReader().GetAwaiter().GetResult();
        if (ours != _expectedPartBytes || theirs != _expectedPartBytes)
        {
            throw new InvalidOperationException($"drained {ours} (ours) and {theirs} (ASP.NET Core) bytes; expected {_expectedPartBytes}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _body = Array.Empty<byte>();

    [Benchmark(Baseline = true, Description = "AspNetCore MultipartReader")]
    public async Task<long> AspNetCoreReader()
    {
        var reader = new AspNetMultipartReader(_boundary, Open()) { BodyLengthLimit = null, HeadersCountLimit = 64 };
        long total = 0;
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            total += await DrainAsync(section.Body).ConfigureAwait(false);
        }

        return total;
    }

    [Benchmark(Description = "MonaiLabel MultipartStreamReader")]
    public async Task<long> MonaiLabelReader()
    {
        using var reader = new MultipartStreamReader(Open(), _boundary, _options);
        long total = 0;
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            total += await DrainAsync(section.Body).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>Body length in bytes of a <see cref="BodyKind"/>, for throughput.</summary>
    public static long BodyLength(BodyKind kind) => kind switch
    {
        BodyKind.Parts10000x100B => InferAnswer.ManyParts(InferAnswer.NewBoundary(), 10_000, 100).Length,
        _ => Answer(kind, InferAnswer.NewBoundary()).Length,
    };

    internal static byte[] CreateBody(BodyKind kind, string boundary, out long partBytes)
    {
        if (kind == BodyKind.Parts10000x100B)
        {
            partBytes = 10_000 * 100L;
            return InferAnswer.ManyParts(boundary, 10_000, 100);
        }

        var answer = Answer(kind, boundary);
        partBytes = answer.LabelLength + InferAnswer.ParamsJson("segmentation_spleen", "spleen_10", answer.LabelLength).Length;
        return answer.ToArray();
    }

    private static InferAnswer Answer(BodyKind kind, string boundary)
    {
        var labelLength = kind switch
        {
            BodyKind.Label1MiB => 1L << 20,
            BodyKind.Label64MiB => 64L << 20,
            BodyKind.Label512MiB => 512L << 20,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new InferAnswer(
            boundary, InferAnswer.ParamsJson("segmentation_spleen", "spleen_10", labelLength), "spleen_10_label.nii.gz", 0, labelLength);
    }

    // A non-copying, read-only view of the one body array.
    private MemoryStream Open() => new(_body, 0, _body.Length, writable: false, publiclyVisible: true);

    private async ValueTask<long> DrainAsync(Stream body)
    {
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(_drain.AsMemory()).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }
}
