using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>--watch and --interval, for commands that can follow a task to its end.</summary>
internal class WatchSettings : GlobalSettings
{
    [CommandOption("--watch")]
    [Description("Follow the task until it is DONE, STOPPED or FAILED/ERROR (exit code 1 when it failed).")]
    public bool Watch { get; set; }

    [CommandOption("--interval <SECONDS>")]
    [Description("Seconds between polls with --watch. Default 1.")]
    public string? Interval { get; set; }

    public TimeSpan IntervalValue { get; private set; } = TimeSpan.FromSeconds(1);

    protected override ValidationResult ValidateCommand()
    {
        if (Interval != null)
        {
            if (!TryParseDuration(Interval, out var interval) || interval < TimeSpan.FromMilliseconds(50))
            {
                return ValidationResult.Error($"--interval '{Interval}' is not a duration of at least 50 ms.");
            }

            IntervalValue = interval;
        }

        return ValidateTask();
    }

    protected virtual ValidationResult ValidateTask() => ValidationResult.Success();
}

/// <summary>What differs between the server's three background tasks: train, scoring and batch infer.</summary>
internal abstract class TaskKind
{
    /// <summary>"training", "scoring", "batch infer".</summary>
    public abstract string Title { get; }

    /// <summary>The SDK's name for the kind.</summary>
    public abstract BackgroundTaskKind TaskKindOfSdk { get; }

    public abstract Task<BackgroundTask> StatusAsync(MonaiLabelClient client, CancellationToken cancellationToken);

    /// <summary>The stopped task, or null when none ran.</summary>
    public abstract Task<BackgroundTask?> StopAsync(MonaiLabelClient client, CancellationToken cancellationToken);

    /// <summary>
    /// Shows the latest task, or follows it with --watch: <paramref name="started"/> (the operation a start
    /// answered) or else the latest task of the kind.
    /// </summary>
    public async Task<int> ShowStatusAsync(
        MonaiLabelClient client, WatchSettings settings, Output output, CancellationToken cancellationToken, BackgroundTaskOperation? started = null)
    {
        var task = settings.Watch
            ? await TaskWatcher.WatchAsync(output, Title, started ?? client.GetOperation(TaskKindOfSdk), settings.IntervalValue, cancellationToken).ConfigureAwait(false)
            : await StatusAsync(client, cancellationToken).ConfigureAwait(false);
        output.Result(task, () => output.Console.Write(TaskWatcher.Describe(task, Title + " task")));
        return settings.Watch ? TaskWatcher.ExitCode(task) : ExitCodes.Ok;
    }
}

/// <summary><c>… stop</c>: stops the running task of a kind.</summary>
internal abstract class TaskStopCommand<TKind> : ClientCommand<GlobalSettings>
    where TKind : TaskKind, new()
{
    protected TaskStopCommand(CliContext cli)
        : base(cli)
    {
    }

    protected override async Task<int> RunAsync(ServerConnection server, GlobalSettings settings, Output output, CancellationToken cancellationToken)
    {
        var kind = new TKind();
        var stopped = await kind.StopAsync(server.Client, cancellationToken).ConfigureAwait(false);
        output.Result(new { Stopped = stopped != null, Task = stopped }, () =>
        {
            if (stopped == null)
            {
                output.Line($"no {kind.Title} task was running");
            }
            else
            {
                output.Line($"stopped {kind.Title} task [cyan]{Output.Esc(stopped.Id)}[/] ({Output.Esc(stopped.Status?.ToString())})");
            }
        });
        return ExitCodes.Ok;
    }
}

/// <summary><c>… status [--watch]</c>: the latest task of a kind.</summary>
internal abstract class TaskStatusCommand<TKind> : ClientCommand<WatchSettings>
    where TKind : TaskKind, new()
{
    protected TaskStatusCommand(CliContext cli)
        : base(cli)
    {
    }

    protected override Task<int> RunAsync(ServerConnection server, WatchSettings settings, Output output, CancellationToken cancellationToken) =>
        new TKind().ShowStatusAsync(server.Client, settings, output, cancellationToken);
}

/// <summary>
/// <c>… start [--watch]</c>: starts a task of a kind through the SDK's typed start call, prints what it answered
/// and, with --watch, follows the returned <see cref="BackgroundTaskOperation"/> to its end.
/// </summary>
internal abstract class TaskStartCommand<TKind, TSettings> : ClientCommand<TSettings>
    where TKind : TaskKind, new()
    where TSettings : WatchSettings
{
    protected TaskStartCommand(CliContext cli)
        : base(cli)
    {
    }

    /// <summary>The typed start call of the kind.</summary>
    protected abstract Task<BackgroundTaskOperation> StartAsync(MonaiLabelClient client, TSettings settings, CancellationToken cancellationToken);

    /// <summary>What the start line names, e.g. "training" or "scoring dice".</summary>
    protected abstract string Title(TSettings settings);

    protected sealed override async Task<int> RunAsync(ServerConnection server, TSettings settings, Output output, CancellationToken cancellationToken)
    {
        var operation = await StartAsync(server.Client, settings, cancellationToken).ConfigureAwait(false);
        var title = Title(settings);
        if (!settings.Watch)
        {
            output.Result(operation.StartAnswer, () => TaskStart.Show(output, title, operation));
            return ExitCodes.Ok;
        }

        if (!output.Json)
        {
            TaskStart.Show(output, title, operation);
        }

        return await new TKind().ShowStatusAsync(server.Client, settings, output, cancellationToken, operation).ConfigureAwait(false);
    }
}

/// <summary>Helpers for the answer of a task start.</summary>
internal static class TaskStart
{
    /// <summary>Prints what a start answered: the task, or (for "all models") one line per model.</summary>
    public static void Show(Output output, string title, BackgroundTaskOperation operation)
    {
        if (operation.ModelStarts.Count > 0)
        {
            foreach (var start in operation.ModelStarts)
            {
                output.Line(start.Task != null
                    ? $"started {title} of [cyan]{Output.Esc(start.Model)}[/]: task {Output.Esc(start.Task.Id)} ({Output.Esc(start.Task.Status?.ToString())})"
                    : $"{title} of [cyan]{Output.Esc(start.Model)}[/]: {Output.Esc(start.Detail ?? "not started")}");
            }

            return;
        }

        output.Line($"started {title}: task [cyan]{Output.Esc(operation.Id)}[/] ({Output.Esc(operation.Status?.ToString())})");
    }

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
