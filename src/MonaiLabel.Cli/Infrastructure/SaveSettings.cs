using System.ComponentModel;
using System.IO;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>The options of every command that saves files from the server (downloads, infer results).</summary>
internal class SaveSettings : GlobalSettings
{
    [CommandOption("--out <DIR>")]
    [Description("The folder to save into (created if missing); default: the current folder.")]
    public string? Out { get; set; }

    [CommandOption("--overwrite")]
    [Description("Replace files of the same name instead of saving under numbered names.")]
    public bool Overwrite { get; set; }

    public string OutDirectory => string.IsNullOrEmpty(Out) ? Directory.GetCurrentDirectory() : Path.GetFullPath(Out);
}
