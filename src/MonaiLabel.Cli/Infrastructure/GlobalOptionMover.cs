using System;
using System.Collections.Generic;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli reads a command's options only after the command's name. The global options are wanted
/// anywhere (<c>mlabel --server URL datastore list</c>, <c>mlabel datastore --json list</c>), so they are moved to
/// the end of the command line, where every command accepts them (they are on <see cref="GlobalSettings"/>).
/// With <c>--help</c> they are dropped instead: a branch (<c>mlabel --server URL datastore --help</c>) has no
/// settings that would accept them, and no help depends on them.
/// </summary>
internal static class GlobalOptionMover
{
    private static readonly HashSet<string> WithValue = new(StringComparer.Ordinal)
    {
        "--server", "--token", "--username", "--password", "--timeout", "--retries",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--json", "--verbose" };

    private static readonly HashSet<string> HelpFlags = new(StringComparer.Ordinal) { "-h", "--help", "-?" };

    public static string[] Move(IReadOnlyList<string> args)
    {
        var help = false;
        foreach (var arg in args)
        {
            if (arg == "--") { break; }
            if (HelpFlags.Contains(arg)) { help = true; break; }
        }

        var rest = new List<string>(args.Count);
        var moved = new List<string>();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            var name = arg.Split('=', 2)[0];
            if (Flags.Contains(arg))
            {
                moved.Add(arg);
            }
            else if (WithValue.Contains(name))
            {
                moved.Add(arg);
                if (name == arg && i + 1 < args.Count)
                {
                    moved.Add(args[++i]);
                }
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (!help)
        {
            rest.AddRange(moved);
        }

        for (; i < args.Count; i++)
        {
            rest.Add(args[i]);
        }

        return rest.ToArray();
    }
}
