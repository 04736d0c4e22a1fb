using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// <c>mlabel auth login|logout|status|token|whoami</c>: a token per server, stored in the user's config directory
/// (<see cref="HostsFile"/>) as gh and docker do, so that later commands need neither credentials nor --server.
/// </summary>
internal static class AuthCommands
{
    /// <summary>The commands of the branch (its name is in <see cref="CommandList"/>).</summary>
    public static void Configure(IConfigurator<CommandSettings> branch)
    {
        branch.SetDescription("Auth: log in to a server once (the token is stored per server), log out, status, the stored token, whoami.");
        branch.AddCommand<LoginCommand>("login")
            .WithDescription("Get a token for --username and store it for the server (in $XDG_CONFIG_HOME/mlabel/hosts.json, mode 600); it becomes the default server.")
            .WithExample("auth", "login", "--server", "http://127.0.0.1:8000", "--username", "annotator", "--password-stdin")
            .WithExample("auth", "login", "--server", "http://127.0.0.1:8000", "--username", "annotator", "--store-password");
        branch.AddCommand<LogoutCommand>("logout").WithDescription("Forget the stored token of the server (--server, MONAILABEL_SERVER, or the default one).");
        branch.AddCommand<StatusCommand>("status").WithDescription("Show the servers logged in to, and check each stored token with its server.");
        branch.AddCommand<TokenCommand>("token").WithDescription("Print the stored token of the server (for curl and scripts).");
        branch.AddCommand<WhoAmICommand>("whoami").WithDescription("Show the user of the token (--token, MONAILABEL_TOKEN or the stored one).");
    }

    internal sealed class LoginSettings : GlobalSettings
    {
        [CommandOption("--password-stdin")]
        [Description("Read the password from standard input (as docker login): echo \"$PASSWORD\" | mlabel auth login --username U --password-stdin.")]
        public bool PasswordStdin { get; set; }

        [CommandOption("--store-password")]
        [Description("Also store the password (readable only by you), so that an expired token is renewed without logging in again. Default: only the token is stored.")]
        public bool StorePassword { get; set; }

        protected override bool AllowsUsernameWithoutPassword => true;

        protected override ValidationResult ValidateCommand()
        {
            if (Emulator)
            {
                return ValidationResult.Error("auth login stores a token for a server; the emulator is gone when the command ends: give --server or MONAILABEL_SERVER.");
            }

            if (!string.IsNullOrEmpty(Token))
            {
                return ValidationResult.Error("auth login gets a token from --username and a password; it takes no --token.");
            }

            return PasswordStdin && !string.IsNullOrEmpty(Password)
                ? ValidationResult.Error("give either --password or --password-stdin, not both.")
                : ValidationResult.Success();
        }
    }

    internal sealed class LoginCommand : ClientCommand<LoginSettings>
    {
        public LoginCommand(CliContext cli)
            : base(cli)
        {
        }

        // The token request itself carries the credentials; the client must not fetch a token of its own first.
        protected override bool SendCredentials => false;

        protected override async Task<int> RunAsync(ServerConnection server, LoginSettings settings, Output output, CancellationToken cancellationToken)
        {
            // Read first: a config that cannot be used is reported before anything is asked or sent (exit 5).
            var hosts = ServerTarget.LoadHostsStrictly(Cli);
            var (username, password) = Credentials(settings);
            var token = await server.Client.GetAuthTokenAsync(username, password, cancellationToken).ConfigureAwait(false);
            var accessToken = token.AccessToken
                ?? throw new MonaiLabelClientException(MonaiLabelErrorKind.InvalidResponse, "The server's token answer has no access_token.");
            hosts.Set(server.Url, new HostEntry(username, accessToken, settings.StorePassword ? password : null));
            hosts.Save();

            var key = HostsFile.Key(server.Url);
            output.Result(
                new LoginResult(key, username, hosts.Path, settings.StorePassword),
                () => output.Line($"logged in to [cyan]{Output.Esc(key)}[/] as [cyan]{Output.Esc(username)}[/]; token stored in {Output.Esc(hosts.Path)}" +
                                  (settings.StorePassword ? " with the password (renewed when it expires)" : string.Empty) + "; it is now the default server"));
            return ExitCodes.Ok;
        }

        private (string Username, string Password) Credentials(LoginSettings settings)
        {
            var env = Cli.Environment;
            var username = NonEmpty(settings.Username) ?? env.Variable("MONAILABEL_USERNAME");
            if (username == null && Prompts.CanAsk(Cli))
            {
                username = NonEmpty(Prompts.ReadLine(Cli, "Username: "));
            }

            if (username == null)
            {
                throw new UsageException("auth login needs a user: --username U (or MONAILABEL_USERNAME).");
            }

            string? password;
            if (settings.PasswordStdin)
            {
                // As docker login: the whole of stdin, without the line end an echo adds.
                password = env.Stdin.ReadToEnd().TrimEnd('\r', '\n');
            }
            else
            {
                password = NonEmpty(settings.Password) ?? env.Variable("MONAILABEL_PASSWORD");
                if (password == null && Prompts.CanAsk(Cli))
                {
                    password = Prompts.ReadSecret(Cli, $"Password for {username}: ");
                }
            }

            return string.IsNullOrEmpty(password)
                ? throw new UsageException("auth login needs a password: --password-stdin, MONAILABEL_PASSWORD, or run it on a terminal to be asked.")
                : (username, password);
        }
    }

    /// <summary>What auth login answers with --json (never the token: see auth token).</summary>
    internal sealed record LoginResult(string Server, string Username, string ConfigFile, bool PasswordStored);

    internal sealed class LogoutCommand : AsyncCommand<GlobalSettings>
    {
        private readonly CliContext cli;

        public LogoutCommand(CliContext cli) => this.cli = cli;

        public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
        {
            var output = new Output(cli, settings.Json);
            var hosts = ServerTarget.LoadHostsStrictly(cli);
            var server = ServerTarget.Resolve(settings, cli, emulatorWhenNone: false).Url
                ?? throw new UsageException("auth logout forgets a stored server: give --server or MONAILABEL_SERVER, not --emulator.");
            var key = HostsFile.Key(server);
            var removed = hosts.Remove(server);
            if (removed)
            {
                hosts.Save();
            }

            output.Result(new { Server = key, LoggedOut = removed }, () => output.Line(removed
                ? $"logged out of [cyan]{Output.Esc(key)}[/]: its token is removed from {Output.Esc(hosts.Path)}"
                : $"not logged in to [cyan]{Output.Esc(key)}[/]: nothing stored"));
            return Task.FromResult(ExitCodes.Ok);
        }
    }

    internal sealed class StatusCommand : AsyncCommand<GlobalSettings>
    {
        private readonly CliContext cli;

        public StatusCommand(CliContext cli) => this.cli = cli;

        public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
        {
            var output = new Output(cli, settings.Json);
            var hosts = ServerTarget.LoadHostsStrictly(cli);

            // Like gh: every stored server, or only the one named by --server or MONAILABEL_SERVER.
            var named = settings.ServerUrl ?? (cli.Environment.Variable("MONAILABEL_SERVER") is { } variable ? GlobalSettings.ParseServer(variable) : null);
            var keys = hosts.Hosts.Keys.Where(k => named == null || k == HostsFile.Key(named)).ToList();
            var rows = new List<HostStatus>();
            foreach (var key in keys)
            {
                rows.Add(await CheckAsync(hosts, key, settings, cancellationToken).ConfigureAwait(false));
            }

            output.Result(new { ConfigFile = hosts.Path, DefaultServer = hosts.DefaultServer, Servers = rows }, () =>
            {
                if (rows.Count == 0)
                {
                    output.Line(named == null
                        ? $"not logged in to any server ({Output.Esc(hosts.Path)} has none): run 'mlabel auth login --server URL'"
                        : $"not logged in to [cyan]{Output.Esc(HostsFile.Key(named))}[/]");
                    return;
                }

                var table = new Table().Border(TableBorder.Rounded).Title(Output.Esc(hosts.Path))
                    .AddColumn("[bold]server[/]").AddColumn("[bold]user[/]").AddColumn("[bold]token[/]").AddColumn("[bold]password stored[/]");
                foreach (var row in rows)
                {
                    table.AddRow(
                        Output.Esc(row.Server + (row.Default ? " (default)" : string.Empty)),
                        Output.Esc(row.Username),
                        Output.Esc(row.TokenValid ? "valid" : "not valid: " + row.Error),
                        row.PasswordStored ? "yes" : "no");
                }

                output.Console.Write(table);
            });
            return rows.Count > 0 && rows.All(r => r.TokenValid) ? ExitCodes.Ok : ExitCodes.ServerError;
        }

        private async Task<HostStatus> CheckAsync(HostsFile hosts, string key, GlobalSettings settings, CancellationToken cancellationToken)
        {
            var entry = hosts.Hosts[key];
            string? error = null;
            try
            {
                await using var server = await ServerConnection.OpenAsync(ServerTarget.ForStored(hosts, key), settings, cli, null, true, cancellationToken)
                    .ConfigureAwait(false);
                await server.Client.ValidateAuthTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MonaiLabelClientException e) when (!cancellationToken.IsCancellationRequested)
            {
                var failure = ErrorReporter.Describe(e, cancellationToken);
                error = failure.Status is { } status ? $"{failure.Kind} (HTTP {status})" : failure.Kind;
            }

            return new HostStatus(key, entry.Username, key == hosts.DefaultServer, error == null, error, entry.CanRefresh);
        }
    }

    internal sealed record HostStatus(string Server, string Username, bool Default, bool TokenValid, string? Error, bool PasswordStored);

    internal sealed class TokenCommand : Command<GlobalSettings>
    {
        private readonly CliContext cli;

        public TokenCommand(CliContext cli) => this.cli = cli;

        public override int Execute(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
        {
            var target = ServerTarget.Resolve(settings, cli, emulatorWhenNone: false);
            var hosts = ServerTarget.LoadHostsStrictly(cli);
            var entry = target.Url == null ? null : hosts.Find(target.Url);
            if (entry == null)
            {
                throw new UsageException($"not logged in to {(target.Url == null ? "the emulator" : HostsFile.Key(target.Url))}: run 'mlabel auth login' first.");
            }

            if (settings.Json)
            {
                new Output(cli, json: true).WriteJson(new { Server = HostsFile.Key(target.Url!), AccessToken = entry.Token });
            }
            else
            {
                // Only the token on stdout, so that TOKEN=$(mlabel auth token) works.
                cli.Stdout.WriteLine(entry.Token);
            }

            return ExitCodes.Ok;
        }
    }

    internal sealed class WhoAmICommand : ClientCommand<GlobalSettings>
    {
        public WhoAmICommand(CliContext cli)
            : base(cli)
        {
        }

        protected override async Task<int> RunAsync(ServerConnection server, GlobalSettings settings, Output output, CancellationToken cancellationToken)
        {
            var user = await server.Client.ValidateAuthTokenAsync(cancellationToken).ConfigureAwait(false);
            output.Result(user, () => output.Console.Write(Output.KeyValues(
                new (string, string?)[] { ("username", user.Username), ("name", user.Name), ("email", user.Email), ("roles", user.Roles == null ? null : string.Join(", ", user.Roles)) },
                "user")));
            return ExitCodes.Ok;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
