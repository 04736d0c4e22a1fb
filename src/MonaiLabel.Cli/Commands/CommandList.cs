using System;
using System.Collections.Generic;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// The one list of mlabel's commands, in the order the help shows them: <see cref="Program"/> registers them from it,
/// and what needs to know which names only group others (<c>datastore</c>: named alone it shows its help) asks it.
/// A branch's own commands are in its <c>Configure</c>. tests/MonaiLabel.Cli.Tests/CommandListTests.cs fails when the
/// help shows a command this list does not name.
/// </summary>
internal static class CommandList
{
    public static readonly IReadOnlyList<CommandEntry> All = new[]
    {
        CommandEntry.Command("demo", DemoCommand.Register),
        CommandEntry.Command("info", InfoCommand.Register),
        CommandEntry.Branch("datastore", DatastoreCommands.Configure),
        CommandEntry.Branch("label", LabelCommands.Configure),
        CommandEntry.Command("infer", InferCommand.Register),
        CommandEntry.Branch("session", SessionCommands.Configure),
        CommandEntry.Command("next-sample", NextSampleCommand.Register),
        CommandEntry.Branch("train", TrainCommands.Configure),
        CommandEntry.Branch("scoring", ScoringCommands.Configure),
        CommandEntry.Branch("batch", BatchCommands.Configure),
        CommandEntry.Branch("model", ModelCommands.Configure),
        CommandEntry.Branch("auth", AuthCommands.Configure),
        CommandEntry.Command("logs", LogsCommand.Register),
    };

    /// <summary>Adds every command of the list to <paramref name="config"/>.</summary>
    public static void RegisterAll(IConfigurator config)
    {
        foreach (var entry in All)
        {
            entry.Register(config);
        }
    }

    /// <summary>Whether <paramref name="name"/> is a branch: a name that only groups other commands.</summary>
    public static bool IsBranch(string name)
    {
        foreach (var entry in All)
        {
            if (entry.IsBranch && entry.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A top-level command of <see cref="CommandList"/>: its name, whether it is a branch, and how it is registered.</summary>
internal sealed class CommandEntry
{
    private readonly Action<IConfigurator> _register;

    private CommandEntry(string name, bool isBranch, Action<IConfigurator> register)
    {
        Name = name;
        IsBranch = isBranch;
        _register = register;
    }

    public string Name { get; }

    public bool IsBranch { get; }

    /// <summary>A command that runs: <paramref name="register"/> adds it under the name it is given.</summary>
    public static CommandEntry Command(string name, Action<IConfigurator, string> register) => new(name, false, config => register(config, name));

    /// <summary>A branch: <paramref name="configure"/> adds its commands.</summary>
    public static CommandEntry Branch(string name, Action<IConfigurator<CommandSettings>> configure) => new(name, true, config => config.AddBranch(name, configure));

    public void Register(IConfigurator config) => _register(config);
}
