using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// The shape of MONAI Label's multipart infer answer (requests_toolbelt's MultipartEncoder with a uuid4().hex
/// boundary): a <c>params</c> JSON part, then the label as an <c>image</c> file part. Only the framing is held
/// here; the label's bytes come from <see cref="Pattern"/>.
/// </summary>
internal sealed class InferAnswer
{
    public InferAnswer(string boundary, string paramsJson, string fileName, long labelStart, long labelLength)
    {
        Boundary = boundary;
        LabelStart = labelStart;
        LabelLength = labelLength;
        Head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\n" +
            "Content-Disposition: form-data; name=\"params\"\r\n" +
            "Content-Type: application/json\r\n\r\n" +
            paramsJson +
            $"\r\n--{boundary}\r\n" +
            $"Content-Disposition: form-data; name=\"image\"; filename=\"{fileName}\"\r\n" +
            "Content-Type: application/octet-stream\r\n\r\n");
        Tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
    }

    public string Boundary { get; }

    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    /// <summary>Everything before the label's bytes.</summary>
    public byte[] Head { get; }

    /// <summary>The close delimiter after the label.</summary>
    public byte[] Tail { get; }

    public long LabelStart { get; }

    public long LabelLength { get; }

    public long Length => Head.Length + LabelLength + Tail.Length;

    /// <summary>A boundary like MONAI Label's: 32 lowercase hex digits.</summary>
    public static string NewBoundary() => Guid.NewGuid().ToString("N");

    public static string ParamsJson(string model, string image, long labelLength) =>
        "{\"label_names\": {\"spleen\": 1, \"background\": 0}, \"model\": \"" + model + "\", \"image\": \"" + image +
        "\", \"label_bytes\": " + labelLength +
        ", \"latencies\": {\"pre\": 0.41, \"infer\": 1.73, \"invert\": 0.12, \"post\": 0.33, \"write\": 0.52, \"total\": 3.11, \"transform\": null}}";

    /// <summary>The whole answer in one array (the parser benchmark's input).</summary>
    public byte[] ToArray()
    {
        var body = new byte[checked((int)Length)];
        Head.CopyTo(body, 0);
        Pattern.Fill(body.AsSpan(Head.Length, (int)LabelLength), LabelStart);
        Tail.CopyTo(body, Head.Length + (int)LabelLength);
        return body;
    }

    /// <summary>
    /// A body of <paramref name="parts"/> small file parts of <paramref name="partSize"/> bytes each — the
    /// per-part overhead case of the parser benchmark.
    /// </summary>
    public static byte[] ManyParts(string boundary, int parts, int partSize)
    {
        using var body = new MemoryStream();
        var payload = new byte[partSize];
        for (var i = 0; i < parts; i++)
        {
            Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"; filename=\"f{i}.bin\"\r\n" +
                        "Content-Type: application/octet-stream\r\n\r\n");
            Pattern.Fill(payload, i * 7919L);
            body.Write(payload);
            Write(body, "\r\n");
        }

        Write(body, $"--{boundary}--\r\n");
        return body.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
