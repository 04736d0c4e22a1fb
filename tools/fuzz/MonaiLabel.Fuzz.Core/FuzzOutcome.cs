

namespace MonaiLabel.Fuzz.Core;

/// <summary>What one run of the parser ended in.</summary>
public enum FuzzVerdict
{
    /// <summary>Parsed (and, for a well-formed body, round-tripped exactly).</summary>
    Ok,

    /// <summary>Refused with MonaiLabelClientException(InvalidResponse): the allowed failure.</summary>
    Rejected,

    /// <summary>A bug: another exception, a wrong round trip, a hang, or an out-of-range result.</summary>
    Finding,
}

public readonly struct FuzzOutcome
{
    public FuzzOutcome(FuzzVerdict verdict, string detail)
    {
        Verdict = verdict;
        Detail = detail;
    }

    public FuzzVerdict Verdict { get; }

    public string Detail { get; }

    public override string ToString() => $"{Verdict}: {Detail}";
}
