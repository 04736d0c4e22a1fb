using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MonaiLabel.Client.Tests;

/// <summary>One captured log call (or scope), with its rendered message and its structured values.</summary>
internal sealed class LogLine
{
    public LogLine(string category, LogLevel level, EventId eventId, string message, IReadOnlyList<KeyValuePair<string, object?>> state, Exception? exception)
    {
        Category = category;
        Level = level;
        EventId = eventId;
        Message = message;
        State = state;
        Exception = exception;
    }

    public string Category { get; }

    public LogLevel Level { get; }

    public EventId EventId { get; }

    public string Message { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> State { get; }

    public Exception? Exception { get; }

    /// <summary>Everything a log sink could write for this line: the message, every state value, the exception text.</summary>
    public string AllText =>
        Message + "\n" + string.Join("\n", State.Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture))) +
        "\n" + Exception;

    public object? Value(string key) => State.FirstOrDefault(kv => kv.Key == key).Value;

    public override string ToString() => $"[{Level} {Category} {EventId.Id}] {Message}";
}

/// <summary>An <see cref="ILoggerProvider"/> that keeps every log call and scope of every category, at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToList();

    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>Asserts no captured line (message, state values, exception, scope) contains any of <paramref name="secrets"/>.</summary>
    public void AssertNoLineContains(params string[] secrets)
    {
        foreach (var line in Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(
                    line.AllText.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0,
                    $"Log line leaks '{secret}': {line}\n{line.AllText}");
            }
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly ConcurrentQueue<LogLine> _lines;

        public Logger(string category, ConcurrentQueue<LogLine> lines)
        {
            _category = category;
            _lines = lines;
        }

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            // Scopes end up in log sinks too: keep them as lines of their own.
            _lines.Enqueue(new LogLine(_category, LogLevel.None, new EventId(-1, "Scope"), state.ToString() ?? string.Empty, StateOf(state), null));
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(new LogLine(_category, logLevel, eventId, formatter(state, exception), StateOf(state), exception));

        private static IReadOnlyList<KeyValuePair<string, object?>> StateOf<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : new List<KeyValuePair<string, object?>>();
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
