using System.Collections.Generic;

namespace MonaiLabel.Fuzz.Core;

/// <summary>One part of a generated multipart body.</summary>
public sealed class FuzzPart
{
    public FuzzPart(string? name, string? fileName, string? contentType, byte[] content)
    {
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string? Name { get; }

    /// <summary>Sent as <c>filename="…"</c> (characters that need no escaping); null: no filename parameter.</summary>
    public string? FileName { get; }

    public string? ContentType { get; }

    public byte[] Content { get; }
}

/// <summary>A generated multipart body and how it is fed to the reader.</summary>
public sealed class MultipartCase
{
    public MultipartCase(string boundary, IReadOnlyList<FuzzPart> parts, byte[] body, int[] chunks, int[] readSizes, int bufferSize)
    {
        Boundary = boundary;
        Parts = parts;
        Body = body;
        Chunks = chunks;
        ReadSizes = readSizes;
        BufferSize = bufferSize;
    }

    public string Boundary { get; }

    public IReadOnlyList<FuzzPart> Parts { get; }

    public byte[] Body { get; set; }

    /// <summary>The most bytes each read of the underlying stream returns, cycled.</summary>
    public int[] Chunks { get; }

    /// <summary>The sizes of the caller's reads of a part's body, cycled; negative: read synchronously.</summary>
    public int[] ReadSizes { get; }

    public int BufferSize { get; }

    public override string ToString() =>
        $"boundary={Boundary}, parts={Parts.Count}, body={Body.Length} bytes, chunks=[{string.Join(",", Chunks)}], reads=[{string.Join(",", ReadSizes)}], buffer={BufferSize}";
}
