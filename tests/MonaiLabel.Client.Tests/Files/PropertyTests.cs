using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MonaiLabel.Fuzz.Core;
using Xunit;
using Xunit.Sdk;

namespace MonaiLabel.Client.Tests.Fuzz;

/// <summary>
/// Property-based tests (FsCheck): the multipart reader round-trips any well-formed body exactly, however it is
/// chunked and read, and answers any damaged body with success or InvalidResponse — never another exception, never a
/// hang; Content-Disposition extraction and <see cref="SafeFileName"/> give a safe base name for any input. A few
/// hundred cases each, so the CI run stays short; tools/fuzz/MonaiLabel.Fuzz runs the same oracles for longer.
/// On failure FsCheck prints the seed to replay with <c>[Property(Replay = "…")]</c>.
/// </summary>
[Trait("Category", "Fuzz")]
public class PropertyTests
{
    private const string BoundaryChars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(2);
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "mlc-fuzz-names");

    private static Gen<string> Boundaries =>
        from length in Gen.Frequency((1, Gen.Choose(1, 70)), (4, Gen.Choose(8, 40)))
        from chars in Gen.ArrayOf(Gen.Elements(BoundaryChars.ToCharArray()), length)
        select new string(chars).TrimEnd(' ') is { Length: > 0 } b ? b : "z";

    // Random bytes mixed with the fragments that trip delimiter searches: CR, LF, dashes, boundary prefixes.
    private static Gen<byte[]> Contents(string boundary)
    {
        var delimiter = "\r\n--" + boundary;
        var fragment = Gen.Frequency(
            (3, Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).Resize(64)),
            (1, Gen.Choose(1, delimiter.Length - 1).Select(n => Encoding.ASCII.GetBytes(delimiter.Substring(0, n)))),
            (1, Gen.Elements("--" + boundary, "--" + boundary + "--", "\r", "\n", "\r\n", "-", "--", "\r\r\n-", "\r\n\r\n").Select(Encoding.ASCII.GetBytes)));
        return Gen.ListOf(fragment).Select(list => MultipartFuzz.RemoveDelimiters(list.SelectMany(b => b).ToArray(), boundary));
    }

    private static Gen<string?> Names(int maxLength) =>
        Gen.ArrayOf(Gen.Elements("abcXYZ019 ._-()[]+,éü漢".ToCharArray())).Resize(maxLength).Select(c => (string?)new string(c)).OrNull();

    private static Gen<FuzzPart> Parts(string boundary) =>
        from name in Names(12)
        from isFile in Gen.Elements(true, false)
        from fileName in Names(40)
        from contentType in Gen.Elements<string?>(null, "application/json", "application/octet-stream", "text/plain; charset=utf-8")
        from content in Contents(boundary)
        select new FuzzPart(name, isFile ? fileName ?? string.Empty : null, contentType, content);

    private static Gen<int[]> Sizes(int max, bool allowSync) =>
        Gen.NonEmptyListOf(
                from size in Gen.Frequency((1, Gen.Choose(1, 7)), (3, Gen.Choose(1, max)))
                from sync in Gen.Frequency((3, Gen.Constant(false)), (allowSync ? 1 : 0, Gen.Constant(true)))
                select sync ? -size : size)
            .Select(l => l.Take(8).ToArray());

    private static Gen<MultipartCase> Cases =>
        from boundary in Boundaries
        from parts in Gen.NonEmptyListOf(Parts(boundary)).Select(l => l.Take(6).ToList())
        from preamble in Gen.Frequency((3, Gen.Constant(Array.Empty<byte>())), (1, Contents(boundary)))
        from epilogue in Gen.Frequency((3, Gen.Constant(Array.Empty<byte>())), (1, Contents(boundary)))
        from padding in Gen.Elements(string.Empty, string.Empty, " \t")
        from chunks in Sizes(300, allowSync: false)
        from reads in Sizes(500, allowSync: true)
        from buffer in Gen.Frequency((2, Gen.Constant(64 * 1024)), (1, Gen.Choose(1, 200)))
        select new MultipartCase(boundary, parts, MultipartFuzz.Build(boundary, parts, preamble, epilogue, padding), chunks, reads, buffer);

    [Property(MaxTest = 300)]
    public Property Well_formed_multipart_bodies_round_trip_exactly_however_chunked_and_read() =>
        Prop.ForAll(Arb.From(Cases), c => Expect(MultipartFuzz.CheckRoundTrip(c, PerCase), c.ToString(), FuzzVerdict.Ok));

    [Property(MaxTest = 300)]
    public Property Damaged_multipart_bodies_parse_or_fail_with_InvalidResponse_and_never_hang() =>
        Prop.ForAll(Arb.From(Cases), Arb.From(Gen.Choose(0, int.MaxValue)), (c, seed) =>
        {
            var random = new Random(seed);
            c.Body = MultipartFuzz.Mutate(c.Body, random, c.Boundary);
            Expect(MultipartFuzz.CheckAnyBody(c, PerCase, readAll: random.Next(2) == 0), $"{c} mutation seed {seed}", FuzzVerdict.Ok, FuzzVerdict.Rejected);
        });

    [Property(MaxTest = 300)]
    public Property Any_Content_Type_gives_a_valid_boundary_or_InvalidResponse() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => MultipartFuzz.RandomContentType(new Random(seed)))),
            contentType => Expect(MultipartFuzz.CheckContentType(contentType), FileNameFuzz.Escape(contentType), FuzzVerdict.Ok, FuzzVerdict.Rejected));

    [Property(MaxTest = 400)]
    public Property Any_string_sanitizes_to_a_safe_base_name_inside_the_directory() =>
        Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), HostileNames)), raw =>
        {
            if (FileNameFuzz.Violation(raw, Directory) is { } problem)
            {
                throw new XunitException($"Sanitize('{FileNameFuzz.Escape(raw ?? "(null)")}'): {problem}");
            }
        });

    [Property(MaxTest = 300)]
    public Property Any_Content_Disposition_gives_a_safe_name_and_filename_star_round_trips() =>
        Prop.ForAll(Arb.From(Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Where(s => s != null), HostileNames)), raw =>
        {
            if (FileNameFuzz.HeaderViolation(raw, Directory) is { } problem)
            {
                throw new XunitException(problem);
            }
        });

    [Property(MaxTest = 100)]
    public Property A_saved_result_lands_directly_in_the_chosen_directory_and_nowhere_else() =>
        Prop.ForAll(Arb.From(HostileNames), raw =>
        {
            var root = Path.Combine(Path.GetTempPath(), "mlc-fuzz-save", Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(root);
            try
            {
                if (FileNameFuzz.SaveViolationAsync(raw, root).GetAwaiter().GetResult() is { } problem)
                {
                    throw new XunitException($"'{FileNameFuzz.Escape(raw)}': {problem}");
                }
            }
            finally
            {
                System.IO.Directory.Delete(root, recursive: true);
            }
        });

    // Random and mutated names built from the pieces that matter (separators, dots, device names, controls, surrogates).
    private static Gen<string> HostileNames =>
        from seed in Gen.Choose(0, int.MaxValue)
        from mutations in Gen.Choose(0, 3)
        select Enumerable.Range(0, mutations).Aggregate(
            FileNameFuzz.RandomName(new Random(seed)), (name, i) => FileNameFuzz.Mutate(name, new Random(seed + i + 1)));

    private static void Expect(FuzzOutcome outcome, string input, params FuzzVerdict[] allowed)
    {
        if (!allowed.Contains(outcome.Verdict))
        {
            throw new XunitException($"{outcome} for {input}");
        }
    }
}
