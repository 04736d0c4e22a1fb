using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client;
using MonaiLabel.Emulator;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The server a command talks to — see <see cref="ServerTarget"/> for where it comes from, or an in-process emulator
/// started for the command — and the SDK client for it, built by <see cref="MonaiLabelClient.Create"/> (the same
/// pipeline as DI).
/// </summary>
internal sealed class ServerConnection : IAsyncDisposable
{
    private readonly ILoggerFactory? loggerFactory;
    private readonly TokenRenewal? renewal;

    private ServerConnection(MonaiLabelClient client, MonaiLabelEmulator? emulator, ILoggerFactory? loggerFactory, ServerTarget target, TokenRenewal? renewal)
    {
        Client = client;
        Emulator = emulator;
        Target = target;
        this.loggerFactory = loggerFactory;
        this.renewal = renewal;
    }

    public MonaiLabelClient Client { get; }

    /// <summary>The emulator started for this command, or null when it talks to a server.</summary>
    public MonaiLabelEmulator? Emulator { get; }

    /// <summary>Where the server and the credentials came from.</summary>
    public ServerTarget Target { get; }

    public Uri Url => Client.ServerUrl;

    /// <summary>Connects to <paramref name="target"/>, or starts the emulator (saying so on stderr).</summary>
    /// <param name="target">The server and credentials (<see cref="ServerTarget.Resolve"/>).</param>
    /// <param name="settings">The global options (timeouts, retries, verbose).</param>
    /// <param name="cli">Where notes go.</param>
    /// <param name="emulatorOptions">The emulator's settings when one is started; null for the defaults.</param>
    /// <param name="sendCredentials">False for calls that handle credentials themselves (auth login).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<ServerConnection> OpenAsync(
        ServerTarget target, GlobalSettings settings, CliContext cli, MonaiLabelEmulatorOptions? emulatorOptions, bool sendCredentials,
        CancellationToken cancellationToken)
    {
        MonaiLabelEmulator? emulator = null;
        var url = target.Url;
        if (url == null)
        {
            emulatorOptions ??= DefaultEmulatorOptions(target);
            emulator = await MonaiLabelEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
            url = emulator.Url;
            cli.Note($"started the MONAI Label emulator at {url} for this command " +
                     $"({emulatorOptions.SampleImages} sample images{(emulatorOptions.AuthEnabled ? "; auth on, users admin/annotator/user, password = user name" : string.Empty)}; " +
                     "gone when it ends)");
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            cli.Note("a password on the command line can be seen by other users (ps, shell history): prefer MONAILABEL_PASSWORD, or 'mlabel auth login --password-stdin' once.");
        }

        var loggerFactory = settings.Verbose ? new StderrLoggerFactory(cli.Stderr) : null;
        TokenRenewal? renewal = null;
        try
        {
            var options = new MonaiLabelClientOptions { ServerUrl = url, ResultDirectory = System.IO.Directory.GetCurrentDirectory() };
            if (settings.TimeoutValue is { } timeout)
            {
                options.Timeout = timeout;
                options.ReadTimeout = timeout;
            }

            if (settings.Retries is { } retries)
            {
                options.Retry.MaxRetries = retries;
            }

            if (sendCredentials)
            {
                if (target.Token != null && target.Username != null && target.Hosts != null)
                {
                    // A stored token with stored credentials: the token is used until the server refuses it, then renewed.
                    renewal = new TokenRenewal(target, url, options, loggerFactory);
                    options.TokenProvider = renewal.GetTokenAsync;
                }
                else
                {
                    options.AccessToken = target.Token;
                    options.Username = target.Token == null ? target.Username : null;
                    options.Password = target.Token == null ? target.Password : null;
                }
            }

            return new ServerConnection(MonaiLabelClient.Create(options, loggerFactory), emulator, loggerFactory, target, renewal);
        }
        catch
        {
            renewal?.Dispose();
            loggerFactory?.Dispose();
            if (emulator != null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// A small emulator for a single command: three sample volumes, 2 s tasks; auth on when the command brings
    /// credentials (so they are actually checked).
    /// </summary>
    public static MonaiLabelEmulatorOptions DefaultEmulatorOptions(ServerTarget target) => new()
    {
        SampleImages = 3,
        TaskDuration = TimeSpan.FromSeconds(2),
        AuthEnabled = target.HasCredentials,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        renewal?.Dispose();
        loggerFactory?.Dispose();
        if (Emulator != null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
