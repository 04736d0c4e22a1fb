using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using static MonaiLabel.Client.MonaiLabelDiagnostics;

namespace MonaiLabel.Client;

/// <summary>
/// One public operation being traced and measured: its span (when a trace listener samples it), its start time, and
/// what the handlers report while it runs — body bytes, retries, token refreshes — through <see cref="Current"/>
/// (<see cref="AmbientCall"/>), which flows with the operation's async calls into the HttpClient pipeline. Started by <see cref="RunAsync{T}"/>
/// around the whole operation (request, answer read and saved), so .NET's own HttpClient spans are its children.
/// </summary>
internal sealed class OperationScope
{
    private readonly string _operation;
    private readonly string? _host;
    private readonly int? _port;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _sent;
    private long _received;
    private int _retries;

    private OperationScope(string operation, Uri? server, Activity? activity)
    {
        _operation = operation;
        _host = server?.Host;
        _port = server?.Port;
        Activity = activity;
    }

    /// <summary>The operation the calling code runs in, if it is being observed.</summary>
    public static OperationScope? Current => AmbientCall.Scope;

    /// <summary>The operation's span; null when no trace listener wants it.</summary>
    public Activity? Activity { get; }

    public string Operation => _operation;

    /// <summary>
    /// Runs <paramref name="body"/> as the operation named <paramref name="method"/> without an <c>Async</c> suffix
    /// (span <c>MonaiLabel {operation}</c>). With nobody listening it only calls the body.
    /// </summary>
    public static Task<T> RunAsync<T>(
        string method, Uri? server, Func<Task<T>> body, string? model = null, string? strategy = null, BackgroundTaskKind? taskKind = null) =>
        IsEnabled ? RunObservedAsync(method, server, body, model, strategy, taskKind) : body();

    private static async Task<T> RunObservedAsync<T>(
        string method, Uri? server, Func<Task<T>> body, string? model, string? strategy, BackgroundTaskKind? taskKind)
    {
        var scope = Start(method, server, model, strategy, taskKind);
        var outer = AmbientCall.Enter(scope);
        var previous = outer == null ? null : AmbientCall.ScopeOf(outer);
        try
        {
            var result = await body().ConfigureAwait(false);
            scope.Stop(null);
            return result;
        }
        catch (Exception e)
        {
            scope.Stop(e);
            throw;
        }
        finally
        {
            AmbientCall.Leave(outer);
            if (previous != null)
            {
                // A nested operation (a poll inside a wait) moves bytes for the outer one too.
                Interlocked.Add(ref previous._sent, Interlocked.Read(ref scope._sent));
                Interlocked.Add(ref previous._received, Interlocked.Read(ref scope._received));
            }
        }
    }

    /// <summary><see cref="RunAsync{T}"/> for an operation that answers nothing.</summary>
    public static Task RunAsync(
        string method, Uri? server, Func<Task> body, string? model = null, string? strategy = null, BackgroundTaskKind? taskKind = null) =>
        !IsEnabled
            ? body()
            : RunObservedAsync<bool>(method, server, async () =>
            {
                await body().ConfigureAwait(false);
                return true;
            }, model, strategy, taskKind);

    /// <summary>Request body bytes of <paramref name="scope"/> handed to the socket handler (every attempt counts).</summary>
    public static void Sent(OperationScope? scope, long bytes) => Transferred(scope, bytes, sent: true);

    /// <summary>Answer body bytes read for <paramref name="scope"/> (the operation the answer came to).</summary>
    public static void Received(OperationScope? scope, long bytes) => Transferred(scope, bytes, sent: false);

    /// <summary>The retry policy is about to send the request again (attempt 1 is the first retry).</summary>
    public static void Retrying(int attempt, string reason, TimeSpan delay)
    {
        var scope = Current;
        if (scope != null)
        {
            Interlocked.Increment(ref scope._retries);
        }

        if (scope?.Activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
            {
                { AttemptTag, attempt },
                { ReasonTag, reason },
                { DelayTag, (long)delay.TotalMilliseconds },
            }));
        }

        if (Retries.Enabled)
        {
            Retries.Add(1, Tags(OperationTag, scope?._operation, ReasonTag, reason));
        }
    }

    /// <summary>An access token is being fetched again: <paramref name="reason"/> is <c>rejected</c> (a 401) or <c>expiring</c>.</summary>
    public static void RefreshingToken(string reason)
    {
        var scope = Current;
        if (scope?.Activity is { IsAllDataRequested: true } activity)
        {
            activity.AddEvent(new ActivityEvent(TokenRefreshEvent, tags: new ActivityTagsCollection { { ReasonTag, reason } }));
        }

        if (TokenRefreshes.Enabled)
        {
            TokenRefreshes.Add(1, Tags(OperationTag, scope?._operation, ReasonTag, reason));
        }
    }

    /// <summary>
    /// What a failure is called in <c>error.type</c>: the <see cref="MonaiLabelErrorKind"/> name, <c>Cancelled</c>
    /// for the caller's cancellation, else the exception's type (argument errors, disposal). Never its message.
    /// </summary>
    internal static string ErrorType(Exception e) => e switch
    {
        MonaiLabelClientException m => m.Kind.ToString(),
        OperationCanceledException => Cancelled,
        _ => e.GetType().FullName ?? e.GetType().Name,
    };

    private static OperationScope Start(string method, Uri? server, string? model, string? strategy, BackgroundTaskKind? taskKind)
    {
        var operation = OperationName(method);
        var activity = Source.HasListeners() ? Source.StartActivity(SpanPrefix + operation, ActivityKind.Internal) : null;
        var scope = new OperationScope(operation, server, activity);
        if (activity != null && activity.IsAllDataRequested)
        {
            activity.SetTag(OperationTag, operation);
            activity.SetTag(ModelTag, model);
            activity.SetTag(StrategyTag, strategy);
            activity.SetTag(TaskKindTag, taskKind == null ? null : TaskKindName(taskKind.Value));
            activity.SetTag(ServerAddressTag, scope._host);
            activity.SetTag(ServerPortTag, scope._port);
        }

        return scope;
    }

    /// <summary><c>InferAsync</c> → <c>Infer</c>.</summary>
    internal static string OperationName(string method) =>
        method.EndsWith("Async", StringComparison.Ordinal) ? method.Substring(0, method.Length - 5) : method;

    /// <summary><c>training</c>, <c>scoring</c>, <c>batch_infer</c>.</summary>
    internal static string TaskKindName(BackgroundTaskKind kind) => kind switch
    {
        BackgroundTaskKind.Training => "training",
        BackgroundTaskKind.Scoring => "scoring",
        _ => "batch_infer",
    };

    private void Stop(Exception? error)
    {
        var errorType = error == null ? null : ErrorType(error);
        var activity = Activity;
        if (activity != null)
        {
            if (activity.IsAllDataRequested)
            {
                // Absent rather than 0: a GET has no request body.
                activity.SetTag(BytesSentTag, NullIfZero(Interlocked.Read(ref _sent)));
                activity.SetTag(BytesReceivedTag, NullIfZero(Interlocked.Read(ref _received)));
                activity.SetTag(RetryCountTag, _retries == 0 ? null : Volatile.Read(ref _retries));
                activity.SetTag(ErrorTypeTag, errorType);
            }

            // A cancelled call is the caller's choice, not a failure to alert on: status stays Unset. The description
            // is the kind and HTTP status only: exception messages may quote ids.
            if (error != null && errorType != Cancelled)
            {
                activity.SetStatus(ActivityStatusCode.Error, Describe(error, errorType!));
            }

            activity.Stop();
        }

        if (OperationDuration.Enabled)
        {
            var elapsed = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            OperationDuration.Record(elapsed, Tags(OperationTag, _operation, ServerAddressTag, _host, ServerPortTag, _port, ErrorTypeTag, errorType));
        }
    }

    private static object? NullIfZero(long value) => value == 0 ? null : value;

    private static string Describe(Exception error, string errorType) =>
        error is MonaiLabelClientException { StatusCode: > 0 and var status } ? $"{errorType} (HTTP {status})" : errorType; // 0: no answer

    private static void Transferred(OperationScope? scope, long bytes, bool sent)
    {
        if (bytes <= 0)
        {
            return;
        }

        if (scope != null)
        {
            Interlocked.Add(ref sent ? ref scope._sent : ref scope._received, bytes);
        }

        // Bytes read after the operation ended (a download stream the caller reads) reach the counter only.
        if (BytesTransferred.Enabled)
        {
            BytesTransferred.Add(bytes, Tags(DirectionTag, sent ? "transmit" : "receive", OperationTag, scope?._operation));
        }
    }
}
