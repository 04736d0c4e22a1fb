using System;
using System.Linq;
using System.Text;

namespace MonaiLabel.Fuzz.Core;

/// <summary>File-name inputs: names built from the pieces that matter, and their mutations.</summary>
public static partial class FileNameFuzz
{
    private static readonly string[] Pieces =
    {
        "..", ".", "/", "\\", "\\\\", "//", "C:", "c:\\", "\\\\server\\share\\", "/etc/", "~", " ", "  ", "\t", "\0", "\u0001", "\u001f",
        "\u007f", "\u0085", "\u200b", "\u202e", "\u2066", "\ufeff", "\ud800", "\udc00", "\ud83d\ude00", "é", "漢", "CON", "con", "NUL", "AUX", "PRN",
        "COM1", "LPT9", "COM\u00b9", "CONIN$", ".nii", ".gz", ".nii.gz", ".seg.nrrd", ":", "*", "?", "\"", "<", ">", "|", "%2e", "%2f", "%00",
        "a", "b", "scan", "label", "x", "\r", "\n", ";", "=", "'",
    };

    /// <summary>A random name: joined pieces that matter (separators, dots, device names, controls, surrogates) and runs.</summary>
    public static string RandomName(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            // Shaped like a long result name: a stem, a long run of one piece, a tail, an extension — what
            // shortening to 255 bytes and the device-name check see.
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            builder.Insert(builder.Length, Pieces[random.Next(Pieces.Length)], random.Next(1, 300));
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            builder.Append(new[] { ".nii.gz", ".seg.nrrd", ".gz", ".json", string.Empty }[random.Next(5)]);
            return builder.ToString();
        }

        var count = random.Next(0, 12);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    builder.Append(new string(Pieces[random.Next(Pieces.Length)][0], random.Next(1, 300)));
                    break;
                case 1:
                    builder.Append((char)random.Next(0, 0x10000));
                    break;
                default:
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Mutates a name: insert, delete, duplicate or replace characters and pieces.</summary>
    public static string Mutate(string name, Random random)
    {
        var text = new StringBuilder(name);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 1:
                    if (at < text.Length)
                    {
                        text.Remove(at, Math.Min(random.Next(1, 5), text.Length - at));
                    }

                    break;
                case 2:
                    text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 50), text.Length - at)));
                    break;
                default:
                    if (at < text.Length)
                    {
                        text[at] = (char)random.Next(0, 0x3000);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
