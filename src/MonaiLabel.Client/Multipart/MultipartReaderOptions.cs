using System;

namespace MonaiLabel.Client;

/// <summary>
/// Buffer size and the limits that keep a hostile or broken server from exhausting memory while a multipart
/// body is read. A reader copies these values when it is created.
/// </summary>
internal sealed class MultipartReaderOptions
{
    /// <summary>
    /// Size of the pooled read buffer in bytes (default 256 KiB: each fill is one read of the network stream, and
    /// larger reads mean fewer system calls and thread hops per megabyte). Raised if needed to hold one header line.
    /// </summary>
    public int BufferSize { get; set; } = 256 * 1024;

    /// <summary>Longest header line (or boundary line) of a part, in bytes without the line end (default 16 KiB).</summary>
    public int MaxHeaderLineLength { get; set; } = 16 * 1024;

    /// <summary>Most header lines one part may have (default 64).</summary>
    public int MaxHeadersPerPart { get; set; } = 64;

    /// <summary>Most bytes one part's header block may take, line ends included (default 64 KiB).</summary>
    public int MaxTotalHeaderBytes { get; set; } = 64 * 1024;

    /// <summary>Most parts one body may have (default 1000).</summary>
    public int MaxParts { get; set; } = 1000;

    /// <summary>Most bytes <see cref="MultipartSection.ReadAsStringAsync"/> reads from one part (default 16 MiB).</summary>
    public int MaxTextPartLength { get; set; } = 16 * 1024 * 1024;

    internal MultipartReaderOptions CheckedCopy() => new()
    {
        BufferSize = Positive(BufferSize, nameof(BufferSize)),
        MaxHeaderLineLength = Positive(MaxHeaderLineLength, nameof(MaxHeaderLineLength)),
        MaxHeadersPerPart = Positive(MaxHeadersPerPart, nameof(MaxHeadersPerPart)),
        MaxTotalHeaderBytes = Positive(MaxTotalHeaderBytes, nameof(MaxTotalHeaderBytes)),
        MaxParts = Positive(MaxParts, nameof(MaxParts)),
        MaxTextPartLength = Positive(MaxTextPartLength, nameof(MaxTextPartLength)),
    };

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be greater than zero.");
}
