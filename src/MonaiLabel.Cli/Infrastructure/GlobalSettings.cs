using System;
using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The options every command takes, as <see cref="GlobalOptions"/> lists them (hidden from each command's option
/// list: the help footer lists them once, see <see cref="CliHelpProvider"/>). They may also be given before the command
/// (<c>mlabel --server URL info</c>): <see cref="GlobalOptionMover"/> moves them after it.
/// </summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption(GlobalOptions.Server, IsHidden = true)]
    [Description("The MONAI Label server, e.g. http://127.0.0.1:8000. Default: MONAILABEL_SERVER, else the server of the last 'mlabel auth login'.")]
    public string? Server { get; set; }

    [CommandOption(GlobalOptions.Emulator, IsHidden = true)]
    [Description("Run against an in-process emulator started for this command (3 sample images; gone when it ends) instead of a server.")]
    public bool Emulator { get; set; }

    [CommandOption(GlobalOptions.Token, IsHidden = true)]
    [Description("An access token, sent as 'Authorization: Bearer'. Default: MONAILABEL_TOKEN, else the token 'mlabel auth login' stored for the server.")]
    public string? Token { get; set; }

    [CommandOption(GlobalOptions.Username, IsHidden = true)]
    [Description("User name for the server's auth: a token is fetched on first need and refreshed on a 401. Default: MONAILABEL_USERNAME.")]
    public string? Username { get; set; }

    [CommandOption(GlobalOptions.Password, IsHidden = true)]
    [Description("Password for --username (visible to other users in 'ps': prefer MONAILABEL_PASSWORD or 'auth login --password-stdin').")]
    public string? Password { get; set; }

    [CommandOption(GlobalOptions.Timeout, IsHidden = true)]
    [Description("Time limit for an answer to each request (also the longest pause while reading one): 30, 30s, 5m, 1h. Default 11 minutes.")]
    public string? Timeout { get; set; }

    [CommandOption(GlobalOptions.Retries, IsHidden = true)]
    [Description("Retries of transient failures of idempotent requests (connection errors, 502/503/504, 429). Default 3.")]
    public int? Retries { get; set; }

    [CommandOption(GlobalOptions.Json, IsHidden = true)]
    [Description("Machine-readable output on stdout: the result as JSON (notes and errors still go to stderr).")]
    public bool Json { get; set; }

    [CommandOption(GlobalOptions.Verbose, IsHidden = true)]
    [Description("Log each request on stderr, and show stack traces of errors.")]
    public bool Verbose { get; set; }

    /// <summary>The parsed <see cref="Server"/>, or null when not given (see <see cref="ServerTarget"/>).</summary>
    public Uri? ServerUrl { get; private set; }

    /// <summary>The parsed <see cref="Timeout"/>, or null for the SDK's default.</summary>
    public TimeSpan? TimeoutValue { get; private set; }

    public override ValidationResult Validate()
    {
        if (!string.IsNullOrEmpty(Server))
        {
            ServerUrl = ParseServer(Server);
            if (ServerUrl == null)
            {
                return ValidationResult.Error($"--server '{Server}' is not an http or https URL (e.g. http://127.0.0.1:8000).");
            }

            if (Emulator)
            {
                return ValidationResult.Error("give either --server or --emulator, not both.");
            }
        }

        if (Timeout != null)
        {
            if (!TryParseDuration(Timeout, out var timeout) || timeout <= TimeSpan.Zero)
            {
                return ValidationResult.Error($"--timeout '{Timeout}' is not a positive duration (30, 30s, 5m, 1h or 00:05:00).");
            }

            TimeoutValue = timeout;
        }

        if (Retries is < 0 or > 10)
        {
            return ValidationResult.Error("--retries must be between 0 and 10.");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password) && !AllowsUsernameWithoutPassword)
        {
            return ValidationResult.Error("--username and --password go together.");
        }

        if (!string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Username) && !AllowsUsernameWithoutPassword)
        {
            return ValidationResult.Error("Give either --token or --username/--password, not both.");
        }

        return ValidateCommand();
    }

    /// <summary>A server URL as typed (<c>host:8000</c> means http), or null when it is not an http or https URL.</summary>
    internal static Uri? ParseServer(string text)
    {
        text = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
    }

    /// <summary>Checks of a command's own arguments; runs after the global ones.</summary>
    protected virtual ValidationResult ValidateCommand() => ValidationResult.Success();

    /// <summary>Commands that use --username/--password themselves (auth login) check them their own way.</summary>
    protected virtual bool AllowsUsernameWithoutPassword => false;

    /// <summary>30 (seconds), 30s, 1.5m, 2h, 500ms, or a TimeSpan such as 00:05:00.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan value)
    {
        text = text.Trim();
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600) };
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                value = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            value = TimeSpan.FromSeconds(plain);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
