using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client;
using MonaiLabel.Emulator;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The server a command talks to — the one named by --server, or an in-process emulator started for the command —
/// and the SDK client for it, built by <see cref="MonaiLabelClient.Create"/> (the same pipeline as DI).
/// </summary>
internal sealed class ServerConnection : IAsyncDisposable
{
    private readonly ILoggerFactory? loggerFactory;

    private ServerConnection(MonaiLabelClient client, MonaiLabelEmulator? emulator, ILoggerFactory? loggerFactory)
    {
        Client = client;
        Emulator = emulator;
        this.loggerFactory = loggerFactory;
    }

    public MonaiLabelClient Client { get; }

    /// <summary>The emulator started for this command, or null when --server was given.</summary>
    public MonaiLabelEmulator? Emulator { get; }

    public Uri Url => Client.ServerUrl;

    /// <summary>Connects to --server, or starts the emulator (saying so on stderr).</summary>
    /// <param name="settings">The global options.</param>
    /// <param name="cli">Where notes go.</param>
    /// <param name="emulatorOptions">The emulator's settings when one is started; null for the defaults.</param>
    /// <param name="sendCredentials">False for calls that handle credentials themselves (auth login).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ServerConnection> OpenAsync(
        GlobalSettings settings, CliContext cli, MonaiLabelEmulatorOptions? emulatorOptions, bool sendCredentials, CancellationToken cancellationToken)
    {
        MonaiLabelEmulator? emulator = null;
        var url = settings.ServerUrl;
        if (url == null)
        {
            emulatorOptions ??= DefaultEmulatorOptions(settings);
            emulator = await MonaiLabelEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
            url = emulator.Url;
            cli.Note($"no --server: started the MONAI Label emulator at {url} for this command " +
                     $"({emulatorOptions.SampleImages} sample images{(emulatorOptions.AuthEnabled ? "; auth on, users admin/annotator/user, password = user name" : string.Empty)}; " +
                     "gone when it ends)");
        }

        var loggerFactory = settings.Verbose ? new StderrLoggerFactory(cli.Stderr) : null;
        try
        {
            var options = new MonaiLabelClientOptions { ServerUrl = url, ResultDirectory = System.IO.Directory.GetCurrentDirectory() };
            if (sendCredentials)
            {
                options.AccessToken = string.IsNullOrEmpty(settings.Token) ? null : settings.Token;
                options.Username = string.IsNullOrEmpty(settings.Username) ? null : settings.Username;
                options.Password = string.IsNullOrEmpty(settings.Password) ? null : settings.Password;
            }

            if (settings.TimeoutValue is { } timeout)
            {
                options.Timeout = timeout;
                options.ReadTimeout = timeout;
            }

            if (settings.Retries is { } retries)
            {
                options.Retry.MaxRetries = retries;
            }

            return new ServerConnection(MonaiLabelClient.Create(options, loggerFactory), emulator, loggerFactory);
        }
        catch
        {
            loggerFactory?.Dispose();
            if (emulator != null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// A small emulator for a single command: three sample volumes, 2 s tasks; auth on when the command line
    /// brings credentials (so they are actually checked).
    /// </summary>
    public static MonaiLabelEmulatorOptions DefaultEmulatorOptions(GlobalSettings settings) => new()
    {
        SampleImages = 3,
        TaskDuration = TimeSpan.FromSeconds(2),
        AuthEnabled = !string.IsNullOrEmpty(settings.Token) || !string.IsNullOrEmpty(settings.Username),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        loggerFactory?.Dispose();
        if (Emulator != null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
