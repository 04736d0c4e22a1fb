using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Commands;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli;

/// <summary>The <c>mlabel</c> command: a command-line client for a MONAI Label server (or the in-process emulator).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupts = new Interrupts();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // A bulk command: the first Ctrl+C lets the items in flight finish, the second aborts them. Any other
            // command: the first cancels the running call (exit 130). The next one ends the process at once.
            e.Cancel = interrupts.Press();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, CliEnvironment.FromProcess(), interrupts).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Runs one <c>mlabel</c> command line in-process with the process's environment variables (see
    /// <see cref="CliEnvironment.FromProcess"/>): what a user would see on the terminal goes to
    /// <paramref name="stdout"/> and <paramref name="stderr"/>. Returns the exit code (see <see cref="ExitCodes"/>).
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, CliEnvironment.FromProcess(), CancellationToken.None, cancellationToken);

    /// <summary>
    /// Runs one <c>mlabel</c> command line in-process with the given environment variables and stdin. Safe to call
    /// concurrently: nothing static is shared between runs, and the process's own environment is not read.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, environment, CancellationToken.None, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter, CliEnvironment, CancellationToken)"/>, with a first Ctrl+C
    /// of its own: <paramref name="stopToken"/> asks a bulk command to start no new item (those in flight finish);
    /// <paramref name="cancellationToken"/> aborts.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment, CancellationToken stopToken, CancellationToken cancellationToken)
    {
        using var interrupts = new Interrupts(stopToken, cancellationToken);
        return await RunAsync(args, stdout, stderr, environment, interrupts).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment environment, Interrupts interrupts)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);

        var cancellationToken = interrupts.AbortToken;
        var cli = new CliContext(stdout, stderr, IsTerminal(stdout), environment, interrupts);
        var arguments = GlobalOptionMover.Move(args);
        var app = new CommandApp(ServiceCollectionRegistrar.For(cli));
        app.Configure(config => Configure(config, cli));
        try
        {
            var code = await app.RunAsync(arguments, cancellationToken).ConfigureAwait(false);

            // Spectre shows the help when the command is missing ('mlabel', 'mlabel datastore'): still a usage error.
            return IsMissingCommand(arguments) ? ExitCodes.Usage : code;
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, cli, Requested(arguments, GlobalOptions.Verbose), Requested(arguments, GlobalOptions.Json), cancellationToken);
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    private static void Configure(IConfigurator config, CliContext cli)
    {
        config.SetApplicationName("mlabel");
        config.SetApplicationVersion(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        config.Settings.Console = cli.Out;
        config.Settings.PropagateExceptions = true;
        config.Settings.StrictParsing = true;
        config.Settings.CancellationExitCode = ExitCodes.Cancelled;
        config.SetHelpProvider(new CliHelpProvider(config.Settings));

        config.AddExample("demo");
        config.AddExample("--server", "http://127.0.0.1:8000", "info");
        config.AddExample("auth", "login", "--server", "http://127.0.0.1:8000", "--username", "annotator", "--password-stdin");
        config.AddExample("--server", "http://127.0.0.1:8000", "--json", "datastore", "list");
        config.AddExample("--server", "http://127.0.0.1:8000", "infer", "segmentation_spleen", "--image", "spleen_10", "--out", "results");
        config.AddExample("--server", "http://127.0.0.1:8000", "train", "status", "--watch");

        CommandList.RegisterAll(config);
    }

    // Only the real console can be a terminal; a TextWriter handed in by a test or a host never is.
    private static bool IsTerminal(TextWriter stdout) => ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

    private static bool IsMissingCommand(string[] args)
    {
        if (Array.Exists(args, GlobalOptions.IsHelp))
        {
            return false;
        }

        return args.Length == 0 || (CommandList.IsBranch(args[0]) && (args.Length == 1 || args[1].StartsWith('-')));
    }

    // Read from the raw arguments: the error may be that the command line could not be parsed at all.
    private static bool Requested(IReadOnlyList<string> args, string flag)
    {
        foreach (var arg in args)
        {
            if (arg == "--") { break; }
            if (arg == flag) { return true; }
        }

        return false;
    }
}
