using System;

namespace MonaiLabel.Client;

/// <summary>
/// Progress of an upload or download that also wants the transfer's total size. Every method that takes an
/// <see cref="IProgress{T}"/> of <see cref="long"/> (bytes so far) calls <see cref="ReportTotal"/> first when the total is
/// known — a download's Content-Length, an uploaded file's length — so a progress bar can show a percentage.
/// </summary>
public interface ITransferProgress : IProgress<long>
{
    /// <summary>The number of bytes the whole transfer will move; called before the first <see cref="IProgress{T}.Report"/>.</summary>
    void ReportTotal(long totalBytes);
}
