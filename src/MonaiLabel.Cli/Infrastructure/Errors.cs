using System.Collections.Generic;
using MonaiLabel.Client;

namespace MonaiLabel.Cli.Infrastructure;

internal static class Errors
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>A 404 the server gave to a HEAD check (which has no body to carry a reason): the reason is ours.</summary>
    public static MonaiLabelClientException NotFound(string reason) => new(reason, 404, null, NoHeaders, null);
}
