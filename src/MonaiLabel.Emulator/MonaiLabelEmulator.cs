using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonaiLabel.Emulator.Internal;

namespace MonaiLabel.Emulator;

/// <summary>
/// An in-process MONAI Label server on 127.0.0.1 (Kestrel) that speaks the real server's wire format: the same
/// routes, parameters, status codes, error bodies and answer shapes, a local datastore on disk, multipart infer
/// answers, sessions, background train/scoring/batch-infer tasks, model files, logs and (optionally) auth.
/// Its models are deterministic and cheap (see <see cref="ComputeLabel"/>).
/// </summary>
/// <example>
/// <code>
/// await using var server = await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions { SampleImages = 3 });
/// using var client = new MonaiLabelClient(server.Url);
/// var info = await client.GetAppInfoAsync();
/// </code>
/// </example>
public sealed class MonaiLabelEmulator : IAsyncDisposable
{
    private readonly WebApplication host;
    private readonly EmulatorApp app;
    private int disposed;

    private MonaiLabelEmulator(WebApplication host, EmulatorApp app, Uri url)
    {
        this.host = host;
        this.app = app;
        Url = url;
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The TCP port the server listens on.</summary>
    public int Port => Url.Port;

    /// <summary>
    /// The server's temporary folder: <c>studies/</c> (the datastore: images, <c>labels/&lt;tag&gt;/</c>,
    /// <c>datastore_v2.json</c>), <c>model/</c>, <c>sessions/</c>, <c>logs/app.log</c> and <c>tmp/</c>.
    /// Deleted by <see cref="DisposeAsync"/>.
    /// </summary>
    public string DataDirectory => app.DataDirectory;

    /// <summary>The datastore folder (<c>&lt;DataDirectory&gt;/studies</c>).</summary>
    public string StudiesDirectory => app.Datastore.Root;

    /// <summary>The options the server runs with.</summary>
    public MonaiLabelEmulatorOptions Options => app.Options;

    /// <summary>Starts a server. Dispose it to stop Kestrel and delete <see cref="DataDirectory"/>.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<MonaiLabelEmulator> StartAsync(MonaiLabelEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MonaiLabelEmulatorOptions();
        Check(options);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "monailabel-emulator-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(dataDirectory);
        WebApplication? host = null;
        try
        {
            var app = new EmulatorApp(options, dataDirectory);
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = Array.Empty<string>(),
                ApplicationName = typeof(MonaiLabelEmulator).Assembly.GetName().Name,
                EnvironmentName = "Production",
                ContentRootPath = dataDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.AddServerHeader = false;
                kestrel.Limits.MaxRequestBodySize = null;
                // uvicorn's default timeout_keep_alive: an idle connection is closed after 5 s (no Connection: close).
                kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(5);
            });
            host = builder.Build();
            ServerFront.Configure(host, app);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            var url = new Uri($"http://127.0.0.1:{port}/");
            app.SetBaseUrl(url);
            return new MonaiLabelEmulator(host, app, url);
        }
        catch
        {
            if (host != null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }

            DeleteDirectory(dataDirectory);
            throw;
        }
    }

    /// <summary>
    /// The label the emulator's models produce for an input file: one byte per input byte, 1 where the input byte is
    /// 128 or more, else 0. Infer, batch infer and WSI answers are all made from it.
    /// </summary>
    /// <param name="image">The bytes of the input file.</param>
    /// <returns>The label bytes.</returns>
    public static byte[] ComputeLabel(ReadOnlySpan<byte> image)
    {
        var label = new byte[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            label[i] = FakeModel.Threshold(image[i]);
        }

        return label;
    }

    /// <summary>
    /// Issues an access token as <c>POST /auth/token</c> would, for a user of <see cref="MonaiLabelEmulatorOptions.Users"/>;
    /// a zero or negative <paramref name="lifetime"/> gives an already expired token.
    /// </summary>
    /// <param name="username">A configured user name.</param>
    /// <param name="lifetime">How long the token is valid; null for <see cref="MonaiLabelEmulatorOptions.TokenLifetime"/>.</param>
    /// <returns>The JWT.</returns>
    /// <exception cref="ArgumentException">The user is not configured.</exception>
    public string CreateAccessToken(string username, TimeSpan? lifetime = null)
    {
        if (!app.Users.TryGetValue(username, out var user))
        {
            throw new ArgumentException($"No user '{username}' is configured.", nameof(username));
        }

        return app.Issuer.Issue(username, user, lifetime ?? Options.TokenLifetime);
    }

    /// <summary>Stops Kestrel (freeing the port), stops running tasks and deletes <see cref="DataDirectory"/>.</summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.ShutdownAsync().ConfigureAwait(false);
            await host.DisposeAsync().ConfigureAwait(false);
            DeleteDirectory(app.DataDirectory);
        }
    }

    private static void Check(MonaiLabelEmulatorOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("Port must be 0 (ephemeral) or a TCP port.", nameof(options));
        }

        if (options.SampleImages < 0 || options.SampleImageSize < 0)
        {
            throw new ArgumentException("SampleImages and SampleImageSize cannot be negative.", nameof(options));
        }

        if (options.TaskDuration < TimeSpan.Zero || options.SessionExpiry <= TimeSpan.Zero || options.TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("TaskDuration cannot be negative; SessionExpiry and TokenLifetime must be positive.", nameof(options));
        }

        var models = (options.Models ?? EmulatorModel.Defaults()).Concat(options.Interactive ? EmulatorModel.InteractiveModels() : Array.Empty<EmulatorModel>()).ToList();
        if (models.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != models.Count)
        {
            throw new ArgumentException("Model names must be unique (Interactive adds deepgrow_2d, deepgrow_3d, deepedit_seg, sam_2d, sam_3d and Histogram+GraphCut).", nameof(options));
        }

        foreach (var m in models.Where(m => m.Config != null))
        {
            ConfigJson.ToJson(m.Config!, m.Name); // an unsupported value fails here, not in the first /info/
        }
    }

    private static void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
