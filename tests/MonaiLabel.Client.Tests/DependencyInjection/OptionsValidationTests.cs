using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>Unusable options fail early, with a message that names the field to fix.</summary>
public class OptionsValidationTests
{
    public static readonly TheoryData<string, string> BadOptions = new()
    {
        { "missing ServerUrl", "ServerUrl is required" },
        { "relative ServerUrl", "ServerUrl must be an absolute URL" },
        { "ftp ServerUrl", "ServerUrl must use http or https" },
        { "username without password", "Username and Password go together" },
        { "password without username", "Username and Password go together" },
        { "token and username", "Set only one of MonaiLabelClientOptions.AccessToken, Username/Password and TokenProvider" },
        { "token and provider", "Set only one of MonaiLabelClientOptions.AccessToken, Username/Password and TokenProvider" },
        { "negative retries", "Retry.MaxRetries must be 0 or more" },
        { "zero timeout", "Timeout must be positive" },
        { "delay above max delay", "Retry.Delay must be 0 or more and not above MaxDelay" },
        { "zero attempt timeout", "Retry.AttemptTimeout must be positive" },
        { "attempt timeout below 10 ms", "Retry.AttemptTimeout must be at least 10 ms and at most 1 day" },
        { "max delay above a day", "Retry.MaxDelay must be at most 1 day" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Resolving_the_client_throws_OptionsValidationException_naming_the_field(string problem, string expected)
    {
        var services = new ServiceCollection();
        services.AddMonaiLabelClient(o => Break(o, problem));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MonaiLabelClient>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Create_throws_ArgumentException_naming_the_problem(string problem, string expected)
    {
        var options = new MonaiLabelClientOptions();
        Break(options, problem);

        var error = Assert.Throws<ArgumentException>(() => MonaiLabelClient.Create(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_lists_every_problem_at_once()
    {
        var options = new MonaiLabelClientOptions { Username = "annotator" };
        options.Retry.MaxRetries = -1;

        var error = Assert.Throws<ArgumentException>(() => MonaiLabelClient.Create(options));

        Assert.Contains("ServerUrl is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Username and Password go together", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry.MaxRetries must be 0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_with_null_options_throws_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => MonaiLabelClient.Create(null!));
        Assert.Contains("MonaiLabelClientOptions are missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_uri_constructor_rejects_a_non_http_url()
    {
        var error = Assert.Throws<ArgumentException>(() => new MonaiLabelClient(new Uri("ftp://127.0.0.1/")));
        Assert.Contains("http or https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_timeout_and_zero_retries_are_valid()
    {
        var options = new MonaiLabelClientOptions { ServerUrl = new Uri("http://127.0.0.1:1/"), Timeout = Timeout.InfiniteTimeSpan };
        options.Retry.MaxRetries = 0;

        Assert.Empty(MonaiLabelClientOptionsChecks.Check(options));
        using var client = MonaiLabelClient.Create(options);
    }

    private static void Break(MonaiLabelClientOptions o, string problem)
    {
        o.ServerUrl = new Uri("http://127.0.0.1:1/");
        switch (problem)
        {
            case "missing ServerUrl":
                o.ServerUrl = null;
                break;
            case "relative ServerUrl":
                o.ServerUrl = new Uri("monailabel/", UriKind.Relative);
                break;
            case "ftp ServerUrl":
                o.ServerUrl = new Uri("ftp://127.0.0.1/monailabel/");
                break;
            case "username without password":
                o.Username = "annotator";
                break;
            case "password without username":
                o.Password = "s3cret";
                break;
            case "token and username":
                o.AccessToken = "token";
                o.Username = "annotator";
                o.Password = "s3cret";
                break;
            case "token and provider":
                o.AccessToken = "token";
                o.TokenProvider = (_, _) => Task.FromResult("other");
                break;
            case "negative retries":
                o.Retry.MaxRetries = -1;
                break;
            case "zero timeout":
                o.Timeout = TimeSpan.Zero;
                break;
            case "delay above max delay":
                o.Retry.Delay = TimeSpan.FromSeconds(10);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
                break;
            case "zero attempt timeout":
                o.Retry.AttemptTimeout = TimeSpan.Zero;
                break;
            case "attempt timeout below 10 ms":
                o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(5);
                break;
            case "max delay above a day":
                o.Retry.MaxDelay = TimeSpan.FromDays(2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }
}
