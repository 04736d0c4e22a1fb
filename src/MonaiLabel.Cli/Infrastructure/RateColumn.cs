using System;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The transfer rate of a progress bar, shown once it is known: Spectre's TransferSpeedColumn shows <c>?/s</c> until
/// it has samples (the whole time of a short upload), which reads as a fault.
/// </summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(Format(task.Speed), new Style(Color.Grey));

    /// <summary>"1.5 KiB/s", or nothing while the rate is not known.</summary>
    public static string Format(double? bytesPerSecond) =>
        bytesPerSecond is { } speed && speed > 0 && !double.IsInfinity(speed) ? Output.Bytes((long)speed) + "/s" : string.Empty;
}
