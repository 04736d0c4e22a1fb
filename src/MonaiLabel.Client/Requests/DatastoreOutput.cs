using System.Runtime.Serialization;

namespace MonaiLabel.Client;

/// <summary>
/// What <c>GET /datastore/</c> answers (absent means stats). Excluded from generation (<c>excludedTypeNames</c> in
/// nswag.json) and written here as internal: the public face has one typed method per value instead
/// (<see cref="MonaiLabelClient.GetDatastoreStatsAsync"/>, <see cref="MonaiLabelClient.GetDatastoreAsync"/>,
/// <see cref="MonaiLabelClient.GetTrainingDatasetAsync"/>). The wire values are the spec's.
/// </summary>
internal enum DatastoreOutput
{
    [EnumMember(Value = "stats")]
    Stats = 0,

    [EnumMember(Value = "train")]
    Train = 1,

    [EnumMember(Value = "all")]
    All = 2,
}
