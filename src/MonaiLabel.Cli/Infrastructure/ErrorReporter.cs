using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using MonaiLabel.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// Turns a failure into one line on stderr and an exit code (<see cref="ExitCodes"/>); stack traces only with
/// --verbose. With --json the same failure is also a JSON object on stdout (kind, status, message, exit_code), so a
/// script reading stdout always gets JSON.
/// </summary>
internal static partial class ErrorReporter
{
    public static int Report(Exception error, CliContext cli, bool verbose, bool json, CancellationToken cancellationToken)
    {
        error = Unwrap(error);
        var failure = Describe(error, cancellationToken);
        cli.Stderr.WriteLine(failure.Line);
        if (failure.Code == ExitCodes.Usage && error is not UsageException)
        {
            cli.Stderr.WriteLine("Run 'mlabel --help' (or 'mlabel <command> --help') for usage.");
        }

        if (json)
        {
            cli.Stdout.WriteLine(failure.ToJson().ToString(Formatting.Indented));
        }

        if (verbose && failure.Code != ExitCodes.Cancelled)
        {
            cli.Stderr.WriteLine(error.ToString());
        }

        return failure.Code;
    }

    internal static Failure Describe(Exception error, CancellationToken cancellationToken)
    {
        // After Ctrl+C, whatever failed (a cancelled call, a connection torn down) failed because of it.
        if (cancellationToken.IsCancellationRequested && error is OperationCanceledException or MonaiLabelClientException or IOException)
        {
            return new Failure(ExitCodes.Cancelled, "Cancelled", null, "cancelled");
        }

        switch (error)
        {
            case MonaiLabelClientException e:
                return DescribeClientError(e);
            case UnknownNameException e:
                return new Failure(ExitCodes.ServerError, e.Kind, e.StatusCode, e.Message);
            case ConflictException e:
                return new Failure(ExitCodes.Conflict, "Conflict", null, e.Message);
            case UsageException e:
                return new Failure(ExitCodes.Usage, "Usage", null, e.Message);
            case CommandAppException e:
                // Parse errors, unknown commands and options, failed validation.
                return new Failure(ExitCodes.Usage, "Usage", null, OneLine(e.Message));
            case FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException:
                return new Failure(ExitCodes.LocalFailure, "LocalFailure", null, OneLine(error.Message));
            case TimeoutException:
                return new Failure(ExitCodes.Unreachable, "Timeout", null, OneLine(error.Message));
            default:
                return new Failure(ExitCodes.LocalFailure, "Unexpected", null, $"unexpected {error.GetType().Name}: {OneLine(error.Message)} (run with --verbose for details)");
        }
    }

    private static Failure DescribeClientError(MonaiLabelClientException e)
    {
        var kind = e.Kind.ToString();
        switch (e.Kind)
        {
            case MonaiLabelErrorKind.ConnectionFailed:
            case MonaiLabelErrorKind.Timeout when e.StatusCode == 0:
                return new Failure(ExitCodes.Unreachable, kind, null, OneLine(e.Message));
            case MonaiLabelErrorKind.InvalidResponse:
            case MonaiLabelErrorKind.UnsafeFileName:
                return new Failure(ExitCodes.InvalidAnswer, kind, null, OneLine(e.Message));
        }

        // A session that is gone is reported by the SDK with the server's 404 inside.
        var status = e.StatusCode != 0 ? e.StatusCode : (e.InnerException as MonaiLabelClientException)?.StatusCode ?? 0;
        var code = IsConflict(e) ? ExitCodes.Conflict : ExitCodes.ServerError;
        return status >= 400
            ? new Failure(code, kind, status, WithoutDecoration(OneLine(e.Detail ?? WithoutStatusPrefix(e.Message))))
            : new Failure(code, kind, null, OneLine(e.Message));
    }

    /// <summary>The server refused because of its state (a task of the kind already runs, a 409), not the request.</summary>
    internal static bool IsConflict(MonaiLabelClientException e) =>
        e.Kind is MonaiLabelErrorKind.TaskAlreadyRunning or MonaiLabelErrorKind.Conflict;

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

    /// <summary>The server's banners around a message (<c>++++++++++ Train Task is Already Running</c>) go.</summary>
    internal static string WithoutDecoration(string message)
    {
        var plain = Decoration().Replace(message, string.Empty);
        return plain.Length == 0 ? message : plain;
    }

    private static string OneLine(string text) => NewLines().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^[^:]*\(HTTP \d{3}\):\s*")]
    private static partial Regex StatusPrefix();

    [GeneratedRegex(@"^[\s+=*#~_-]{3,}|[\s+=*#~_-]{3,}$")]
    private static partial Regex Decoration();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex NewLines();

    /// <summary>A described failure: the exit code, a kind, the HTTP status (if the server answered) and a message.</summary>
    internal sealed record Failure(int Code, string Kind, int? Status, string Message)
    {
        /// <summary>The line on stderr: <c>error: Kind (HTTP n): message</c> for a server's answer.</summary>
        public string Line => Kind switch
        {
            "Usage" or "LocalFailure" or "Unexpected" or "Cancelled" or "Conflict" => "error: " + Message,
            _ when Status is { } status => $"error: {Kind} (HTTP {status}): {Message}",
            _ => $"error: {Kind}: {Message}",
        };

        public JObject ToJson() => new()
        {
            ["kind"] = Kind,
            ["status"] = Status,
            ["message"] = Message,
            ["exit_code"] = Code,
        };
    }
}

/// <summary>A usage problem found by a command (exit code 2): the message is shown as is.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}

/// <summary>A request the server's state does not allow, found before sending it (exit code 6), e.g. an image id that exists.</summary>
internal sealed class ConflictException : Exception
{
    public ConflictException(string message)
        : base(message)
    {
    }
}

/// <summary>A model, strategy or scoring method the server does not have (the server itself says only "500").</summary>
internal sealed class UnknownNameException : Exception
{
    public UnknownNameException(string kind, int statusCode, string message, Exception inner)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    /// <summary>UnknownModel, UnknownStrategy, UnknownScoringMethod.</summary>
    public string Kind { get; }

    public int StatusCode { get; }
}
