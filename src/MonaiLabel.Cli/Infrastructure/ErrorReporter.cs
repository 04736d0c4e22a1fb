using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using MonaiLabel.Client;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>Turns a failure into one line on stderr and an exit code (<see cref="ExitCodes"/>); stack traces only with --verbose.</summary>
internal static partial class ErrorReporter
{
    public static int Report(Exception error, CliContext cli, bool verbose, CancellationToken cancellationToken)
    {
        error = Unwrap(error);
        var (code, line) = Describe(error, cancellationToken);
        cli.Stderr.WriteLine(line);
        if (code == ExitCodes.Usage && error is not UsageException)
        {
            cli.Stderr.WriteLine("Run 'mlabel --help' (or 'mlabel <command> --help') for usage.");
        }

        if (verbose && code != ExitCodes.Cancelled)
        {
            cli.Stderr.WriteLine(error.ToString());
        }

        return code;
    }

    internal static (int Code, string Line) Describe(Exception error, CancellationToken cancellationToken)
    {
        // After Ctrl+C, whatever failed (a cancelled call, a connection torn down) failed because of it.
        if (cancellationToken.IsCancellationRequested && error is OperationCanceledException or MonaiLabelClientException or IOException)
        {
            return (ExitCodes.Cancelled, "error: cancelled");
        }

        switch (error)
        {
            case MonaiLabelClientException e:
                return DescribeClientError(e);
            case UsageException e:
                return (ExitCodes.Usage, "error: " + e.Message);
            case CommandAppException e:
                // Parse errors, unknown commands and options, failed validation.
                return (ExitCodes.Usage, "error: " + OneLine(e.Message));
            case FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException:
                return (ExitCodes.LocalFailure, "error: " + OneLine(error.Message));
            case TimeoutException:
                return (ExitCodes.Unreachable, "error: Timeout: " + OneLine(error.Message));
            default:
                return (ExitCodes.LocalFailure, $"error: unexpected {error.GetType().Name}: {OneLine(error.Message)} (run with --verbose for details)");
        }
    }

    private static (int Code, string Line) DescribeClientError(MonaiLabelClientException e)
    {
        switch (e.Kind)
        {
            case MonaiLabelErrorKind.ConnectionFailed:
            case MonaiLabelErrorKind.Timeout when e.StatusCode == 0:
                return (ExitCodes.Unreachable, $"error: {e.Kind}: {OneLine(e.Message)}");
            case MonaiLabelErrorKind.InvalidResponse:
            case MonaiLabelErrorKind.UnsafeFileName:
                return (ExitCodes.InvalidAnswer, $"error: {e.Kind}: {OneLine(e.Message)}");
        }

        // A session that is gone is reported by the SDK with the server's 404 inside.
        var status = e.StatusCode != 0 ? e.StatusCode : (e.InnerException as MonaiLabelClientException)?.StatusCode ?? 0;
        if (status >= 400)
        {
            var reason = e.Detail ?? WithoutStatusPrefix(e.Message);
            return (ExitCodes.ServerError, $"error: {e.Kind} (HTTP {status}): {OneLine(reason)}");
        }

        return (ExitCodes.ServerError, $"error: {e.Kind}: {OneLine(e.Message)}");
    }

    private static Exception Unwrap(Exception error)
    {
        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        // Spectre wraps exceptions thrown while building settings (e.g. a type converter) in its own.
        if (error is CommandRuntimeException { InnerException: MonaiLabelClientException inner })
        {
            return inner;
        }

        return error;
    }

    // The SDK's message reads "Not found (HTTP 404): reason"; the line already says the kind and status.
    private static string WithoutStatusPrefix(string message) => StatusPrefix().Replace(message, string.Empty);

    private static string OneLine(string text) => NewLines().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^[^:]*\(HTTP \d{3}\):\s*")]
    private static partial Regex StatusPrefix();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex NewLines();
}

/// <summary>A usage problem found by a command (exit code 2): the message is shown as is.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
