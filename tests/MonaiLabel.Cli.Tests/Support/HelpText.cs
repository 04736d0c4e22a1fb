using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace MonaiLabel.Cli.Tests.Support;

/// <summary>Reads mlabel's help as a user sees it.</summary>
public static class HelpText
{
    /// <summary>The command names the COMMANDS section of <paramref name="help"/> lists, in its order.</summary>
    public static IEnumerable<string> CommandsIn(string help)
    {
        var index = help.IndexOf("COMMANDS:", StringComparison.Ordinal);
        Assert.True(index >= 0, help);
        foreach (var line in help.Substring(index).Split('\n').Skip(1))
        {
            if (line.Trim().Length == 0 || Regex.IsMatch(line, "^[A-Z]"))
            {
                if (line.Trim().Length > 0) { yield break; }
                continue;
            }

            var match = Regex.Match(line, @"^\s{4}([a-z][a-z0-9-]*)");
            if (match.Success)
            {
                yield return match.Groups[1].Value;
            }
        }
    }
}
