using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MonaiLabel.Client;

/// <summary>Registers <see cref="MonaiLabelClient"/> with IHttpClientFactory.</summary>
public static class MonaiLabelServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient behind the registered <see cref="MonaiLabelClient"/>.</summary>
    public const string HttpClientName = "MonaiLabel.Client";

    /// <summary>
    /// Registers <see cref="MonaiLabelClient"/> as a typed client with its handlers (timeout, user agent, retry,
    /// auth, redirects, logging). Returns the <see cref="IHttpClientBuilder"/> so callers can add handlers of their own.
    /// Options are validated when first used (and at host start-up) with messages naming what is wrong.
    /// </summary>
    public static IHttpClientBuilder AddMonaiLabelClient(this IServiceCollection services, Action<MonaiLabelClientOptions> configure)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure == null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<MonaiLabelClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="MonaiLabelClient"/> with options bound from <paramref name="configuration"/> (e.g. the
    /// <c>MonaiLabel</c> section: <c>ServerUrl</c>, <c>ClientId</c>, <c>Username</c>, <c>Timeout</c>, <c>Retry:MaxRetries</c>…).
    /// </summary>
    public static IHttpClientBuilder AddMonaiLabelClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration == null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<MonaiLabelClientOptions>().Bind(configuration).ValidateOnStart();
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonaiLabelClientOptions>, MonaiLabelClientOptionsValidator>());
        // One token cache per application: handlers are recycled by the factory, the token must not be.
        services.TryAddSingleton(sp => MonaiLabelClient.CreateTokenSource(Options(sp)));

        return services.AddHttpClient(HttpClientName)
            // The factory's own request loggers write the whole URI: on Microsoft.Extensions.Http 8.0 (the floor) with
            // the query, which holds image ids (patient identifiers), and on every version with the path, which can
            // name a session. The SDK's LoggingHandler logs each request already (method, path template, status,
            // duration, size); a caller who wants the factory's lines back adds them with AddDefaultLogger().
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, http) =>
            {
                var options = Options(sp);
                http.BaseAddress = MonaiLabelHttp.BaseUrl(options.ServerUrl!);
                http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // TransportErrorHandler owns the limit.
            })
            .ConfigurePrimaryHttpMessageHandler(sp => MonaiLabelHttp.CreatePrimaryHandler(Options(sp), Logger(sp), pooled: false))
            // The handlers, in order, from the one list the non-DI client chains too.
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in HandlerPipeline.Create(Options(sp), sp.GetRequiredService<AccessTokenSource>(), Logger(sp), sp.GetService<ILoggerFactory>()))
                {
                    handlers.Add(handler);
                }
            })
            .AddTypedClient((http, sp) =>
            {
                // The client's own settings (client id, read timeout, JSON limit, result directory) come from the options.
                return new MonaiLabelClient(http, Options(sp));
            });
    }

    private static MonaiLabelClientOptions Options(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<MonaiLabelClientOptions>>().Value;

    private static ILogger Logger(IServiceProvider sp) =>
        (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(MonaiLabelClient).FullName!);
}
