using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

// The app and active learning.
public partial class MonaiLabelClient
{
    /// <summary>The app: name, version, models, trainers, strategies, scoring methods, datastore counts (the Python client's <c>info</c>).</summary>
    public virtual Task<AppInfo> GetAppInfoAsync(CancellationToken cancellationToken = default) =>
        Traced(nameof(GetAppInfoAsync), () => Rest.GetAppInfoAsync(cancellationToken));

    /// <summary>
    /// The next image to annotate by <paramref name="strategy"/> (the Python client's <c>next_sample</c>), e.g.
    /// <c>random</c> or <c>first</c>; <paramref name="parameters"/> go to the strategy (the client id is added).
    /// </summary>
    public virtual Task<NextSample> GetNextSampleAsync(
        string strategy, IDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        Traced(nameof(GetNextSampleAsync), () => Rest.GetNextSampleAsync(strategy, RequestParams.Body(Settings, parameters), cancellationToken), strategy: strategy);
}
