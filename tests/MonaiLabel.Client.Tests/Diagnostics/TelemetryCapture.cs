using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using Xunit;

namespace MonaiLabel.Client.Tests.Diagnostics;

/// <summary>
/// The diagnostics tests run one at a time, apart from the parallel rest of the suite: activity and meter listeners
/// are process-wide, and another test's calls must not be measured here nor be changed by a listener.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide listeners)";
}

/// <summary>One measurement seen by <see cref="TelemetryCapture"/>.</summary>
internal sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Records the spans of the SDK and of System.Net.Http, and the SDK's measurements, made under one root activity the
/// test starts (<see cref="Root"/>): only that trace is sampled, and a measurement counts only when it is made with
/// an activity of that trace current, so nothing of another test can leak in.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("MonaiLabel.Client.Tests.Diagnostics");

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ActivityTraceId _trace;

    public TelemetryCapture()
    {
        // Created before the listener asks about it: a source created while listeners are being matched is missed.
        var testSource = TestSource;
        _trace = ActivityTraceId.CreateRandom();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MonaiLabelDiagnostics.Name or "System.Net.Http" || source == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == _trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _trace)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MonaiLabelDiagnostics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meters.Start();

        var parent = new ActivityContext(_trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Root = testSource.StartActivity("test", ActivityKind.Internal, parent)!;
        if (Root == null)
        {
            // Leave no process-wide listener behind.
            _activities.Dispose();
            _meters.Dispose();
            throw new InvalidOperationException("The test's root activity was not sampled.");
        }
    }

    /// <summary>The test's root: every SDK span of the test is below it.</summary>
    public Activity Root { get; }

    /// <summary>The spans of the test that ended (the root excluded), in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => _stopped.Where(a => a != Root).ToList();

    /// <summary>The SDK's own spans.</summary>
    public IReadOnlyList<Activity> SdkSpans => Spans.Where(a => a.Source.Name == MonaiLabelDiagnostics.Name).ToList();

    /// <summary>The attempt spans: the runtime's (System.Net.Http), or on Mono, whose HttpClient makes none, the SDK's own.</summary>
    public IReadOnlyList<Activity> HttpSpans => Spans.Where(a =>
        a.Source.Name == "System.Net.Http" || (a.Source.Name == MonaiLabelDiagnostics.Name && a.Kind == ActivityKind.Client)).ToList();

    public IReadOnlyList<Measurement> Measurements => _measurements.ToList();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public Activity Span(string name) => Assert.Single(SdkSpans, a => a.DisplayName == name);

    /// <summary>Every text the SDK put in its spans (names, tags, events, status) and measurements' tags.</summary>
    public IEnumerable<string> SdkTexts()
    {
        foreach (var span in SdkSpans)
        {
            yield return span.DisplayName;
            yield return span.OperationName;
            yield return span.StatusDescription ?? string.Empty;
            foreach (var tag in span.TagObjects)
            {
                yield return tag.Key + "=" + tag.Value;
            }

            foreach (var e in span.Events)
            {
                yield return e.Name;
                foreach (var tag in e.Tags)
                {
                    yield return tag.Key + "=" + tag.Value;
                }
            }
        }

        foreach (var m in Measurements)
        {
            yield return m.Instrument;
            foreach (var tag in m.Tags)
            {
                yield return tag.Key + "=" + tag.Value;
            }
        }
    }

    /// <summary>The span tree under the root: one line per span, children indented, with the SDK's tags.</summary>
    public string Tree(bool withTags = true)
    {
        var spans = Spans;
        var text = new StringBuilder();

        void Write(Activity span, int depth)
        {
            text.Append(new string(' ', depth * 2)).Append(span.DisplayName).Append(" [").Append(span.Kind).Append(']');
            if (span.Status == ActivityStatusCode.Error)
            {
                text.Append(" Error").Append(string.IsNullOrEmpty(span.StatusDescription) ? string.Empty : ": " + span.StatusDescription);
            }

            if (withTags)
            {
                // HttpClient's spans: only what shows where they go and how they ended.
                var tags = span.Source.Name == MonaiLabelDiagnostics.Name
                    ? span.TagObjects
                    : span.TagObjects.Where(t => t.Key is "url.full" or "http.response.status_code");
                text.Append(' ').Append(string.Join(" ", tags.Select(t => t.Key + "=" + t.Value)));
            }

            text.Append('\n');
            foreach (var e in span.Events)
            {
                text.Append(new string(' ', (depth + 1) * 2)).Append("event ").Append(e.Name).Append(' ')
                    .Append(string.Join(" ", e.Tags.Select(t => t.Key + "=" + t.Value))).Append('\n');
            }

            foreach (var child in spans.Where(c => c.ParentSpanId == span.SpanId).OrderBy(c => c.StartTimeUtc))
            {
                Write(child, depth + 1);
            }
        }

        foreach (var top in spans.Where(s => s.ParentSpanId == Root.SpanId).OrderBy(s => s.StartTimeUtc))
        {
            Write(top, 0);
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Root.Dispose();
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Measured<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        // Measurements are made with the operation's span (or, for the duration, its parent) current.
        if (Activity.Current?.TraceId != _trace)
        {
            return;
        }

        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, Convert.ToDouble(value), copy));
    }
}
