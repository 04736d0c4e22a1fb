namespace MonaiLabel.Client;

/// <summary>Settings of <see cref="MonaiLabelClient.DownloadManyAsync"/>.</summary>
public sealed class BulkDownloadOptions : BulkOptions
{
    /// <summary>Where images are saved (labels under <c>labels/{tag}/</c> in it); null uses <see cref="MonaiLabelClientOptions.ResultDirectory"/>.</summary>
    public string? Directory { get; set; }

    /// <summary>Also save each image's label under this tag, when it has one.</summary>
    public string? LabelTag { get; set; }
}
