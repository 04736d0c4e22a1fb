using System;
using System.IO;
using System.Threading;

namespace MonaiLabel.Client;

/// <summary>
/// What one client's layers share of its <see cref="MonaiLabelClientOptions"/>, built once when the client is
/// constructed and never changed: the protocol layer reads the answer limits, the public face the client id and the
/// result directory. A copy, not the options object, so a caller changing the options later changes nothing here.
/// (The handlers take their own values — timeout, retry, credentials — when <see cref="HandlerPipeline"/> builds them.)
/// </summary>
internal sealed class ClientSettings
{
    /// <summary>The defaults: what a client without options uses.</summary>
    public static ClientSettings Default { get; } = From(null);

    private ClientSettings(string? clientId, TimeSpan readTimeout, long maxJsonAnswerBytes, string resultDirectory)
    {
        ClientId = clientId;
        ReadTimeout = readTimeout;
        MaxJsonAnswerBytes = maxJsonAnswerBytes;
        ResultDirectory = resultDirectory;
    }

    /// <summary>Added as <c>client_id</c> to the JSON params of calls that take params, as the Python client does.</summary>
    public string? ClientId { get; }

    /// <summary>
    /// The longest wait for the next bytes of an answer's body once its headers have arrived
    /// (<see cref="MonaiLabelClientOptions.ReadTimeout"/>).
    /// </summary>
    public TimeSpan ReadTimeout { get; }

    /// <summary>The largest JSON or text answer read into memory (<see cref="MonaiLabelClientOptions.MaxJsonAnswerBytes"/>).</summary>
    public long MaxJsonAnswerBytes { get; }

    /// <summary>
    /// Where result and downloaded files are saved when a call is not given a directory (the Python client's
    /// <c>tmpdir</c>): <see cref="MonaiLabelClientOptions.ResultDirectory"/>, else <c>MonaiLabel.Client</c> under the
    /// system temp directory.
    /// </summary>
    public string ResultDirectory { get; }

    /// <summary>The settings of <paramref name="options"/>; null gives the defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ReadTimeout or MaxJsonAnswerBytes is out of range.</exception>
    /// <exception cref="ArgumentException">ResultDirectory is blank.</exception>
    public static ClientSettings From(MonaiLabelClientOptions? options)
    {
        var readTimeout = options?.ReadTimeout ?? MonaiLabelClientOptions.DefaultReadTimeout;
        if (readTimeout <= TimeSpan.Zero && readTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(MonaiLabelClientOptions.ReadTimeout), readTimeout, "Must be positive or Timeout.InfiniteTimeSpan.");
        }

        var maxJson = options?.MaxJsonAnswerBytes ?? MonaiLabelClientOptions.DefaultMaxJsonAnswerBytes;
        if (maxJson <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MonaiLabelClientOptions.MaxJsonAnswerBytes), maxJson, "Must be greater than zero.");
        }

        // Null or empty keeps the default; only whitespace is a mistake worth naming.
        var resultDirectory = options?.ResultDirectory;
        if (resultDirectory != null && resultDirectory.Length > 0 && string.IsNullOrWhiteSpace(resultDirectory))
        {
            throw new ArgumentException("A result directory is required.", nameof(MonaiLabelClientOptions.ResultDirectory));
        }

        return new ClientSettings(
            options?.ClientId,
            readTimeout,
            maxJson,
            string.IsNullOrEmpty(resultDirectory) ? Path.Combine(Path.GetTempPath(), "MonaiLabel.Client") : resultDirectory!);
    }
}
