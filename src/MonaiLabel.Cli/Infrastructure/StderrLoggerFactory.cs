using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>--verbose: the SDK's log events (one per request: method, path, status, duration, size) on stderr.</summary>
internal sealed class StderrLoggerFactory : ILoggerFactory
{
    private readonly TextWriter stderr;

    public StderrLoggerFactory(TextWriter stderr) => this.stderr = stderr;

    public ILogger CreateLogger(string categoryName) => new Logger(stderr);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly TextWriter stderr;

        public Logger(TextWriter stderr) => this.stderr = stderr;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                _ => "error",
            };
            var line = $"mlabel: [{level}] {formatter(state, exception)}";
            lock (stderr)
            {
                stderr.WriteLine(line);
            }
        }
    }
}
