using System;
using System.IO;
using System.Threading.Tasks;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>One running server the scenarios talk to.</summary>
public interface IServerUnderTest : IAsyncDisposable
{
    /// <summary>The server's base URL (loopback).</summary>
    Uri Url { get; }
}

/// <summary>
/// Which server the suite runs against, chosen by <c>MONAILABEL_CONFORMANCE_TARGET</c>: <c>emulator</c> (the default)
/// or <c>real</c> (MONAI Label's own server code around the fake app of <c>../shared/mlref</c>).
/// </summary>
public static class Target
{
    public const string EnvironmentVariable = "MONAILABEL_CONFORMANCE_TARGET";

    /// <summary>Overrides where <c>shared/</c> is (default: <c>../shared</c> beside the repository root).</summary>
    public const string SharedEnvironmentVariable = "MONAILABEL_SHARED_DIR";

    public static bool IsReal { get; } = string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim(), "real", StringComparison.OrdinalIgnoreCase);

    public static string Name => IsReal ? "real server" : "emulator";

    /// <summary>
    /// Starts a fresh server: empty datastore; auth on (users admin, reviewer, annotator, user; password = name) or off.
    /// <paramref name="longTasks"/>: tasks run until stopped (the emulator's task duration; the real fake app takes
    /// its pace from the request, see <see cref="LongTraining"/> and <see cref="LongBatchInfer"/>).
    /// </summary>
    /// <paramref name="interactive"/>: also the interactive models (deepgrow, SAM2, scribbles; mlref <c>--interactive</c>).
    public static async Task<IServerUnderTest> StartAsync(bool auth = false, bool longTasks = false, bool interactive = false) =>
        IsReal ? await RealServer.StartAsync(auth, interactive).ConfigureAwait(false) : await EmulatorServer.StartAsync(auth, longTasks, interactive).ConfigureAwait(false);

    /// <summary>
    /// The label the target's fake segmentation model answers for an input file. The real fake app (mlref) answers
    /// the input XOR 0xFF; the emulator's model is its documented threshold (<c>MonaiLabelEmulator.ComputeLabel</c>).
    /// </summary>
    public static byte[] ExpectedLabel(byte[] image)
    {
        if (!IsReal)
        {
            return MonaiLabel.Emulator.MonaiLabelEmulator.ComputeLabel(image);
        }

        var label = new byte[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            label[i] = (byte)(image[i] ^ 0xFF);
        }

        return label;
    }

    /// <summary>Training parameters that make a training run end soon on the target.</summary>
    public static System.Collections.Generic.Dictionary<string, object?> ShortTraining() => IsReal
        ? new() { ["max_epochs"] = 1, ["mlref_epoch_seconds"] = 0.1 }
        : new() { ["max_epochs"] = 1 };

    /// <summary>Training parameters that keep a training run going until it is stopped.</summary>
    public static System.Collections.Generic.Dictionary<string, object?> LongTraining() => IsReal
        ? new() { ["max_epochs"] = 600, ["mlref_epoch_seconds"] = 1.0 }
        : new() { ["max_epochs"] = 600 };

    /// <summary>Batch-infer parameters that keep the run going until it is stopped (with <c>longTasks</c> on the emulator).</summary>
    public static System.Collections.Generic.Dictionary<string, object?> LongBatchInfer() => IsReal
        ? new() { ["mlref_delay"] = 600 }
        : new();

    /// <summary>The repository root (the folder holding MonaiLabel.Generated.sln).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MonaiLabel.Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary><c>shared/</c>: <c>$MONAILABEL_SHARED_DIR</c>, else <c>../shared</c> beside the repository root; null when absent.</summary>
    public static string? SharedDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(SharedEnvironmentVariable);
        var dir = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepoRoot(), "..", "shared") : configured;
        return File.Exists(Path.Combine(dir, "mlref", "start.sh")) ? Path.GetFullPath(dir) : null;
    }
}
