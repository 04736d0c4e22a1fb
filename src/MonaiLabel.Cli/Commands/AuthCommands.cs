using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MonaiLabel.Cli.Commands;

/// <summary><c>mlabel auth login|whoami</c>: tokens from the server's auth.</summary>
internal static class AuthCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("auth", branch =>
        {
            branch.SetDescription("Auth: get a token (login), see who a token belongs to (whoami).");
            branch.AddCommand<LoginCommand>("login").WithDescription("Exchange --username and --password for an access token and print it (--json: the token JSON).")
                .WithExample("auth", "login", "--username", "annotator", "--password", "annotator");
            branch.AddCommand<WhoAmICommand>("whoami").WithDescription("Show the user of --token (or of --username/--password).");
        });

    internal sealed class LoginSettings : GlobalSettings
    {
        protected override bool AllowsUsernameWithoutPassword => true;

        protected override ValidationResult ValidateCommand() =>
            string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)
                ? ValidationResult.Error("auth login needs --username and --password.")
                : ValidationResult.Success();
    }

    internal sealed class LoginCommand : ClientCommand<LoginSettings>
    {
        public LoginCommand(CliContext cli)
            : base(cli)
        {
        }

        // The token request itself carries the credentials; the client must not fetch a token of its own first.
        protected override bool SendCredentials => false;

        protected override MonaiLabel.Emulator.MonaiLabelEmulatorOptions? EmulatorOptions(LoginSettings settings)
        {
            var options = ServerConnection.DefaultEmulatorOptions(settings);
            options.AuthEnabled = true;
            return options;
        }

        protected override async Task<int> RunAsync(ServerConnection server, LoginSettings settings, Output output, CancellationToken cancellationToken)
        {
            var token = await server.Client.GetAuthTokenAsync(settings.Username!, settings.Password!, cancellationToken).ConfigureAwait(false);
            if (output.Json)
            {
                output.WriteJson(token);
            }
            else
            {
                // Only the token on stdout, so that TOKEN=$(mlabel auth login ...) works.
                Cli.Stdout.WriteLine(token.AccessToken);
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
}
