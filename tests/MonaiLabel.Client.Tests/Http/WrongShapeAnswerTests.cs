using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MonaiLabel.Client.Tests.Hostile;

/// <summary>Allocation counts are process-wide: these tests run alone, apart from the parallel rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Allocations (process-wide counts)";
}

/// <summary>
/// Issue 21: a JSON answer of the wrong shape (a 50 MiB array where GetDatastoreAsync expects an object) fails at its
/// first token, not after it was read whole into a JToken tree (that took peak memory from 85 to ~380 MiB although
/// MaxJsonAnswerBytes capped the bytes). Measured as bytes allocated during the call: deterministic, not timed.
/// </summary>
[Collection(AllocationCollection.Name)]
public class WrongShapeAnswerTests(ITestOutputHelper output)
{
    private const int AnswerBytes = 50 * 1024 * 1024;

    // [1,1,1,...,1]: 50 MiB of the densest JSON there is, one value per two bytes.
    private static readonly byte[] Array50MiB = WrongShape();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_50_MiB_array_where_the_datastore_listing_is_an_object_fails_at_its_first_token(bool chunked)
    {
        // Framed before the count starts, so the server's own buffers are not counted.
        var head = chunked
            ? RawHttp.Head(200, "Content-Type: application/json", "Transfer-Encoding: chunked")
            : RawHttp.Head(200, "Content-Type: application/json", "Content-Length: " + Array50MiB.Length);
        var pieces = new List<byte[]>();
        const int piece = 256 * 1024;
        for (var at = 0; at < Array50MiB.Length; at += piece)
        {
            var body = new byte[Math.Min(piece, Array50MiB.Length - at)];
            Buffer.BlockCopy(Array50MiB, at, body, 0, body.Length);
            pieces.Add(chunked ? RawHttp.Concat(Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), body, Encoding.ASCII.GetBytes("\r\n")) : body);
        }

        long sent = 0;
        using var server = new RawServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(head);
            foreach (var bytes in pieces)
            {
                await c.WriteAsync(bytes);
                Interlocked.Add(ref sent, Math.Min(piece, bytes.Length));
            }

            if (chunked)
            {
                await c.WriteAsync("0\r\n\r\n");
            }

            await c.WaitForClientCloseAsync(TimeSpan.FromMinutes(1));
        });
        using var client = HostileClient.For(server);
        var before = AllocatedBytes();

        var error = await HostileClient.Fails(MonaiLabelErrorKind.InvalidResponse, () => client.GetDatastoreAsync(), seconds: 60);

        var allocated = AllocatedBytes() - before;
        output.WriteLine($"{allocated} bytes allocated by a {(chunked ? "chunked" : "Content-Length")} {AnswerBytes}-byte wrong-shaped answer");
        Assert.StartsWith("The datastore listing has an unexpected shape: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, position 1.", error.Message, StringComparison.Ordinal);
#if NETCOREAPP
        // Reading it whole cost hundreds of MiB; failing at the first token costs a few read buffers.
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated for a {AnswerBytes}-byte answer");
#endif
        await server.AssertClientClosedAsync();
        Assert.True(Interlocked.Read(ref sent) < AnswerBytes, "the client read the whole answer");
    }

    private static long AllocatedBytes() =>
#if NETCOREAPP
        GC.GetTotalAllocatedBytes(precise: true);
#else
        0; // Mono has no allocation count: the tests there check the first-token failure and the unread answer.
#endif

    private static byte[] WrongShape()
    {
        var bytes = new byte[AnswerBytes];
        for (var i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = (byte)(i == 0 ? '[' : ',');
            bytes[i + 1] = (byte)'1';
        }

        bytes[bytes.Length - 2] = (byte)'1';
        bytes[bytes.Length - 1] = (byte)']'; // ...,1,11]
        return bytes;
    }
}
