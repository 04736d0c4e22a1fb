using System.Collections.Generic;

namespace MonaiLabel.Client;

/// <summary>Settings of <see cref="MonaiLabelClient.UploadManyAsync"/>.</summary>
public sealed class BulkUploadOptions : BulkOptions
{
    /// <summary>Fields stored as each image's info (the client id is added).</summary>
    public IDictionary<string, object?>? Info { get; set; }
}
