using System;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Client;

// Source-generated log events. Paths only: never bodies, query strings (they carry image ids) or headers (secrets).
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Method} {Path}")]
    public static partial void Sending(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms, {Bytes} bytes")]
    public static partial void Answered(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds, long? bytes);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Method} {Path} failed after {ElapsedMilliseconds} ms: {Reason}")]
    public static partial void Failed(ILogger logger, string method, string path, long elapsedMilliseconds, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "TLS certificate validation is OFF for {Server}: traffic and credentials can be read and changed by anyone on the network path")]
    public static partial void CertificateValidationOff(ILogger logger, string? server);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Access token refreshed after {Reason}")]
    public static partial void TokenRefreshed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Credentials are configured but {Server} has auth off (POST /auth/token: no token): calls go out without one")]
    public static partial void AuthOff(ILogger logger, string server);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Method} {Path}: the pooled connection was closed by the server before any answer; sent once more on a new connection")]
    public static partial void ReplayOnNewConnection(ILogger logger, string method, string path);
}
