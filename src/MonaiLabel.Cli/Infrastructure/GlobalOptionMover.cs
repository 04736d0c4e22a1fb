using System;
using System.Collections.Generic;
using MonaiLabel.Cli.Commands;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Spectre.Console.Cli reads a command's options only after the command's name. The global options are wanted
/// anywhere (<c>mlabel --server URL datastore list</c>, <c>mlabel datastore --json list</c>), so they are moved to
/// the end of the command line, where every command accepts them (they are on <see cref="GlobalSettings"/>; their
/// names come from <see cref="GlobalOptions"/>).
/// With <c>--help</c> they are dropped instead: a branch (<c>mlabel --server URL datastore --help</c>) has no
/// settings that would accept them, and no help depends on them.
/// </summary>
internal static class GlobalOptionMover
{
    private static readonly HashSet<string> WithValue = Names(takesValue: true);

    private static readonly HashSet<string> Flags = Names(takesValue: false);

    /// <summary>
    /// Moves the global options after the command. A branch (<c>datastore</c>, see <see cref="CommandList.IsBranch"/>)
    /// named alone shows its help, like <c>--help</c>, so the options are dropped.
    /// </summary>
    public static string[] Move(IReadOnlyList<string> args)
    {
        var help = false;
        foreach (var arg in args)
        {
            if (arg == "--") { break; }
            if (GlobalOptions.IsHelp(arg)) { help = true; break; }
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

        var commandMissing = rest.Count == 0 || (rest.Count == 1 && CommandList.IsBranch(rest[0]));
        if (!help && !(commandMissing && i == args.Count))
        {
            rest.AddRange(moved);
        }

        for (; i < args.Count; i++)
        {
            rest.Add(args[i]);
        }

        return rest.ToArray();
    }

    private static HashSet<string> Names(bool takesValue)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in GlobalOptions.All)
        {
            if (option.TakesValue == takesValue)
            {
                names.Add(option.Name);
            }
        }

        return names;
    }
}
