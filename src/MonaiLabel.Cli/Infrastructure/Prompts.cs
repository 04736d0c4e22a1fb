using System;
using System.Text;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Questions asked on a terminal (auth login's user name and password); the question goes to stderr.</summary>
internal static class Prompts
{
    /// <summary>Whether questions can be asked: stdin is a terminal.</summary>
    public static bool CanAsk(CliContext cli) => cli.Environment.StdinIsTerminal;

    public static string ReadLine(CliContext cli, string question)
    {
        cli.Stderr.Write(question);
        cli.Stderr.Flush();
        return cli.Environment.Stdin.ReadLine()?.Trim() ?? string.Empty;
    }

    /// <summary>Reads a line without echoing it (on the real console; a host's own reader is read as is).</summary>
    public static string ReadSecret(CliContext cli, string question)
    {
        cli.Stderr.Write(question);
        cli.Stderr.Flush();
        if (!ReferenceEquals(cli.Environment.Stdin, Console.In))
        {
            return cli.Environment.Stdin.ReadLine() ?? string.Empty;
        }

        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        cli.Stderr.WriteLine();
        return secret.ToString();
    }
}
