using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>The kinds of names a command passes to the server that <c>/info/</c> lists.</summary>
internal enum NameKind
{
    Model,
    Trainer,
    Strategy,
    ScoringMethod,
}

/// <summary>
/// The server answers a model, strategy or scoring method it does not have with a bare <c>500 Internal Server
/// Error</c>. When a call naming one fails, <c>/info/</c> is asked (only then: the happy path pays nothing) and, if the
/// name is not there, the failure says so and lists the server's names (<see cref="UnknownNameException"/>).
/// </summary>
internal static class KnownNames
{
    public static async Task<T> CheckedAsync<T>(
        MonaiLabelClient client, NameKind kind, string? name, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (MonaiLabelClientException e) when (name != null && IsRefusal(e) && !cancellationToken.IsCancellationRequested)
        {
            var known = await TryListAsync(client, kind, cancellationToken).ConfigureAwait(false);
            if (known == null || known.Contains(name, StringComparer.Ordinal))
            {
                throw;
            }

            throw new UnknownNameException(KindName(kind), e.StatusCode, Message(kind, name, known), e);
        }
    }

    internal static string Message(NameKind kind, string name, IReadOnlyList<string> known)
    {
        var (singular, plural) = Words(kind);
        return known.Count == 0
            ? $"unknown {singular} '{name}': the server has no {plural}"
            : $"unknown {singular} '{name}'; the server's {plural}: {string.Join(", ", known)}";
    }

    // Auth failures and a busy server say nothing about the name.
    private static bool IsRefusal(MonaiLabelClientException e) =>
        e.StatusCode >= 400 && e.Kind is not (MonaiLabelErrorKind.Unauthorized or MonaiLabelErrorKind.Forbidden or MonaiLabelErrorKind.TaskAlreadyRunning);

    /// <summary>The server's names of a kind, sorted; null when /info/ cannot be read (the original error stands).</summary>
    private static async Task<IReadOnlyList<string>?> TryListAsync(MonaiLabelClient client, NameKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var info = await client.GetAppInfoAsync(cancellationToken).ConfigureAwait(false);
            IEnumerable<string>? names = kind switch
            {
                NameKind.Model => info.Models?.Keys,
                NameKind.Trainer => info.Trainers?.Keys,
                NameKind.Strategy => info.Strategies?.Keys,
                _ => info.Scoring?.Keys,
            };
            return (names ?? Enumerable.Empty<string>()).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
        catch (MonaiLabelClientException)
        {
            return null;
        }
    }

    private static string KindName(NameKind kind) => kind switch
    {
        NameKind.Model or NameKind.Trainer => "UnknownModel",
        NameKind.Strategy => "UnknownStrategy",
        _ => "UnknownScoringMethod",
    };

    private static (string Singular, string Plural) Words(NameKind kind) => kind switch
    {
        NameKind.Model => ("model", "models"),
        NameKind.Trainer => ("model to train", "trainers"),
        NameKind.Strategy => ("strategy", "strategies"),
        _ => ("scoring method", "scoring methods"),
    };
}
