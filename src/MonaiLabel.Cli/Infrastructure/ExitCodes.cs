namespace MonaiLabel.Cli.Infrastructure;

/// <summary>What an <c>mlabel</c> exit code says failed. Shown by <c>mlabel --help</c>.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The server answered an error (HTTP 4xx/5xx), or a watched task ended in ERROR/FAILED.</summary>
    public const int ServerError = 1;

    /// <summary>Bad arguments or usage: unknown command or option, missing argument, unreadable --params, missing input file, no server given.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, or did not answer in time (--timeout).</summary>
    public const int Unreachable = 3;

    /// <summary>The server answered something that cannot be read (malformed answer, unsafe file name).</summary>
    public const int InvalidAnswer = 4;

    /// <summary>A local failure: a file could not be read or written, or an unexpected error (run with --verbose).</summary>
    public const int LocalFailure = 5;

    /// <summary>
    /// The server's state does not allow it: a task of that kind is already running (HTTP 429), a conflict (409), an
    /// image id that already exists (upload without --overwrite). Retrying later, or with --overwrite, may succeed.
    /// </summary>
    public const int Conflict = 6;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The table printed at the end of <c>mlabel --help</c>.</summary>
    public static readonly (int Code, string Meaning)[] Table =
    {
        (Ok, "ok"),
        (ServerError, "the server answered an error (HTTP 4xx/5xx), or a watched task ended in ERROR/FAILED"),
        (Usage, "bad arguments or usage (also: no server given, see --server and MONAILABEL_SERVER)"),
        (Unreachable, "cannot reach the server, or it did not answer in time (--timeout)"),
        (InvalidAnswer, "the server's answer cannot be read (malformed answer, unsafe file name)"),
        (LocalFailure, "a local file could not be read or written (or the config file is unusable), or an unexpected error (see --verbose)"),
        (Conflict, "the server's state does not allow it: a task already running, an image id that exists (see --overwrite)"),
        (Cancelled, "cancelled (Ctrl+C)"),
    };
}
