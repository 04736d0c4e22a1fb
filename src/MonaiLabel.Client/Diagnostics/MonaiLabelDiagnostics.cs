using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace MonaiLabel.Client;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/> and versioned
/// with the assembly, created once. Nothing here is recorded unless a listener subscribes (an OpenTelemetry
/// <c>AddSource("MonaiLabel.Client")</c> / <c>AddMeter("MonaiLabel.Client")</c>, or an ActivityListener/MeterListener).
/// Tags carry operation names, model and strategy names (app configuration), the server's host and port, outcomes,
/// counts and sizes — never image, label or session ids, file names, paths, queries, tokens or user names.
/// </summary>
internal static class MonaiLabelDiagnostics
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "MonaiLabel.Client";

    /// <summary>Span names are <c>MonaiLabel {operation}</c>.</summary>
    public const string SpanPrefix = "MonaiLabel ";

    // Tag names: OpenTelemetry semantic conventions where one exists, monailabel.* otherwise.
    public const string OperationTag = "monailabel.operation";
    public const string ModelTag = "monailabel.model";
    public const string StrategyTag = "monailabel.strategy";
    public const string TaskKindTag = "monailabel.task.kind";
    public const string TaskStatusTag = "monailabel.task.status";
    public const string BytesSentTag = "monailabel.request.body.size";
    public const string BytesReceivedTag = "monailabel.response.body.size";
    public const string RetryCountTag = "monailabel.retry.count";
    public const string ReasonTag = "monailabel.reason";
    public const string AttemptTag = "monailabel.retry.attempt";
    public const string DelayTag = "monailabel.retry.delay_ms";
    public const string PollsTag = "monailabel.task.polls";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ErrorTypeTag = "error.type";
    public const string DirectionTag = "network.io.direction";

    /// <summary>The <c>error.type</c> of a call the caller cancelled (its span status stays Unset).</summary>
    public const string Cancelled = "Cancelled";

    public const string RetryEvent = "monailabel.retry";
    public const string TokenRefreshEvent = "monailabel.token_refresh";

    private static readonly string? Version = typeof(MonaiLabelDiagnostics).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(MonaiLabelDiagnostics).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    // Seconds: from a fast JSON call to a long infer or upload.
    private static readonly double[] DurationBuckets = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300 };

    // Seconds: a background task (training) runs minutes to hours.
    private static readonly double[] TaskDurationBuckets = { 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 43200, 86400 };

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "monailabel.client.operation.duration", "s", "Duration of MonaiLabelClient operations, answer read and saved.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> BytesTransferred = Meter.CreateCounter<long>(
        "monailabel.client.io", "By", "Body bytes sent (transmit) and received (receive) by MonaiLabelClient operations.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "monailabel.client.retries", "{retry}", "Requests sent again by the retry policy.");

    public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        "monailabel.client.token_refreshes", "{refresh}", "Access tokens fetched again (rejected with 401 or about to expire).");

    public static readonly Counter<long> TaskPolls = Meter.CreateCounter<long>(
        "monailabel.client.task.polls", "{poll}", "Status polls of background tasks (training, scoring, batch infer).");

    public static readonly Histogram<double> TaskDuration = Meter.CreateHistogram<double>(
        "monailabel.client.task.duration", "s", "Time BackgroundTaskOperation.WaitForCompletionAsync waited for a task to end.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TaskDurationBuckets });

    /// <summary>Whether anything listens at all: the one check the hot path makes when nobody does.</summary>
    public static bool IsEnabled =>
        Source.HasListeners() || OperationDuration.Enabled || BytesTransferred.Enabled || Retries.Enabled ||
        TokenRefreshes.Enabled || TaskPolls.Enabled || TaskDuration.Enabled;

    /// <summary>Measurement tags without the null ones (a success has no <c>error.type</c>, a call outside an operation no operation).</summary>
    internal static TagList Tags(string name1, object? value1, string? name2 = null, object? value2 = null, string? name3 = null, object? value3 = null, string? name4 = null, object? value4 = null)
    {
        var tags = default(TagList);
        AddIf(ref tags, name1, value1);
        AddIf(ref tags, name2, value2);
        AddIf(ref tags, name3, value3);
        AddIf(ref tags, name4, value4);
        return tags;
    }

    private static void AddIf(ref TagList tags, string? name, object? value)
    {
        if (name != null && value != null)
        {
            tags.Add(name, value);
        }
    }
}
