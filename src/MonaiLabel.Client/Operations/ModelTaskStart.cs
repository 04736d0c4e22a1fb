namespace MonaiLabel.Client;

/// <summary>
/// What a start of "every model" (<see cref="MonaiLabelClient.StartTrainingAsync"/> with no model) answered for one
/// model: the task started for it, or the server's reason why none was.
/// </summary>
public sealed class ModelTaskStart
{
    /// <summary>Creates an entry (the SDK builds these from the server's answer; public for test doubles).</summary>
    public ModelTaskStart(string model, BackgroundTask? task, string? detail)
    {
        Model = model;
        Task = task;
        Detail = detail;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The task started for the model; null when none was (see <see cref="Detail"/>).</summary>
    public BackgroundTask? Task { get; }

    /// <summary>The server's word on this model's start, e.g. why it did not start; null when it said nothing.</summary>
    public string? Detail { get; }
}
