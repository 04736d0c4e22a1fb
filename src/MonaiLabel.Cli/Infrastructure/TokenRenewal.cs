using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MonaiLabel.Client;

namespace MonaiLabel.Cli.Infrastructure;

/// <summary>
/// The token of a server the user logged in to with <c>auth login --store-password</c>: the stored token first; when
/// the server refuses it, a new one fetched with the stored credentials and written back to the config, so the next
/// command starts with a valid token. Used as <see cref="MonaiLabelClientOptions.TokenProvider"/>.
/// </summary>
internal sealed class TokenRenewal : IDisposable
{
    private readonly ServerTarget target;
    private readonly Uri server;
    private readonly MonaiLabelClientOptions template;
    private readonly ILoggerFactory? loggerFactory;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string token;
    private MonaiLabelClient? tokenClient;

    public TokenRenewal(ServerTarget target, Uri server, MonaiLabelClientOptions template, ILoggerFactory? loggerFactory)
    {
        this.target = target;
        this.server = server;
        this.template = template;
        this.loggerFactory = loggerFactory;
        token = target.Token!;
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh)
        {
            return Volatile.Read(ref token);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The token request carries the credentials itself: a client of its own, without a token source.
            tokenClient ??= MonaiLabelClient.Create(
                new MonaiLabelClientOptions { ServerUrl = server, Timeout = template.Timeout, ReadTimeout = template.ReadTimeout }, loggerFactory);
            var answer = await tokenClient.GetAuthTokenAsync(target.Username!, target.Password!, cancellationToken).ConfigureAwait(false);
            var renewed = answer.AccessToken ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, "The server's token answer has no access_token.");
            Volatile.Write(ref token, renewed);
            target.Hosts!.UpdateToken(server, renewed);
            target.Hosts.Save();
            return renewed;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        tokenClient?.Dispose();
        gate.Dispose();
    }
}
