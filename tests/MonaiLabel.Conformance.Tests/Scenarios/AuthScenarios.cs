using System.IO;
using System.Threading.Tasks;
using MonaiLabel.Client;
using MonaiLabel.Conformance.Tests.Support;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Scenarios;

/// <summary>Auth with each role (admin, reviewer, annotator, user) against a server with auth on, and auth off.</summary>
[Collection(TargetCollection.Name)]
public sealed class AuthScenarios(ServerFixture server) : Scenario(server)
{
    [Fact]
    public async Task Auth_is_on_and_each_user_gets_a_token_that_names_its_roles()
    {
        var url = await Server.AuthUrlAsync();
        var anonymous = ClientFor(url);
        Assert.True((await anonymous.GetAuthSettingsAsync()).Enabled == true);
        foreach (var (user, role) in new[] { ("admin", "monailabel-admin"), ("reviewer", "monailabel-reviewer"), ("annotator", "monailabel-annotator"), ("user", "monailabel-user") })
        {
            var token = await anonymous.GetAuthTokenAsync(user, user);
            Assert.False(string.IsNullOrEmpty(token.AccessToken));
            var client = ClientFor(url, token: token.AccessToken);
            var me = await client.ValidateAuthTokenAsync();
            Assert.Equal(user, me.Username);
            Assert.Contains(role, me.Roles!);
            Assert.False(string.IsNullOrEmpty((await client.ValidateAuthTokenAsync()).Username));
        }
    }

    [Fact]
    public async Task Without_a_token_every_route_but_auth_answers_401()
    {
        var url = await Server.AuthUrlAsync();
        var anonymous = ClientFor(url);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => anonymous.GetAppInfoAsync());
        Assert.Equal(MonaiLabelErrorKind.Unauthorized, e.Kind);
        Assert.Equal(401, e.StatusCode);
        Assert.NotNull(await anonymous.GetAuthSettingsAsync());
    }

    [Fact]
    public async Task The_user_role_reads_but_cannot_upload()
    {
        var url = await Server.AuthUrlAsync();
        var user = ClientFor(url, "user", "user");
        Assert.NotNull((await user.GetAppInfoAsync()).Models);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            user.UploadImageAsync(new FileParameter(new MemoryStream(Data("u")), "u.nii.gz"), NewId("u")));
        Assert.Equal(MonaiLabelErrorKind.Forbidden, e.Kind);
        Assert.Contains("monailabel-annotator", e.Detail ?? e.Message);
    }

    [Theory]
    [InlineData("annotator")]
    [InlineData("reviewer")]
    public async Task Annotators_and_reviewers_upload_and_label_but_cannot_delete_or_train(string role)
    {
        var url = await Server.AuthUrlAsync();
        var client = ClientFor(url, role, role);
        var id = NewId(role);
        var image = await SeedImageAsync(id, client);
        await client.UploadLabelAsync(id, new FileParameter(new MemoryStream(Target.ExpectedLabel(image)), "l.nii.gz"), "final");
        var result = await client.InferAsync("segmentation_spleen", new InferRequest { ImageId = id, ResultDirectory = Temp });
        Assert.Equal(Target.ExpectedLabel(image), await File.ReadAllBytesAsync(result.Label!.Path));

        var delete = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.DeleteImageAsync(id));
        Assert.Equal(MonaiLabelErrorKind.Forbidden, delete.Kind);
        var train = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.StartTrainingAsync("segmentation_spleen", Target.ShortTraining()));
        Assert.Equal(MonaiLabelErrorKind.Forbidden, train.Kind);
        Assert.True(await client.ImageExistsAsync(id));
    }

    [Fact]
    public async Task The_admin_role_deletes_and_reads_the_logs()
    {
        var url = await Server.AuthUrlAsync();
        var admin = ClientFor(url, "admin", "admin");
        var id = NewId("adm");
        await SeedImageAsync(id, admin);
        await admin.DeleteImageAsync(id);
        Assert.False(await admin.ImageExistsAsync(id));
        Assert.False(string.IsNullOrEmpty(await admin.GetLogsAsync(5)));
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        var url = await Server.AuthUrlAsync();
        var anonymous = ClientFor(url);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => anonymous.GetAuthTokenAsync("admin", "not-the-password"));
        Assert.Equal(500, e.StatusCode);
    }

    [Fact]
    public async Task Auth_is_off_on_the_plain_server_and_its_auth_routes_are_not_there()
    {
        Assert.False((await Client.GetAuthSettingsAsync()).Enabled == true);
        var e = await Assert.ThrowsAsync<MonaiLabelClientException>(() => Client.GetAuthTokenAsync("admin", "admin"));
        Assert.Equal(404, e.StatusCode);
    }

    /// <summary>Defect 3: user name and password against a server with auth off should just work (no token, one warning).</summary>
    [Fact]
    public async Task A_username_and_password_against_a_server_with_auth_off_still_works()
    {
        var client = ClientFor(Server.Url, "admin", "admin");
        Assert.NotNull((await client.GetAppInfoAsync()).Models);
        var id = NewId("noauth");
        await SeedImageAsync(id, client);
        Assert.True(await client.ImageExistsAsync(id));
    }

    /// <summary>
    /// Issue 21: the server answers a wrong password with a bare 500, which is also its answer to an outage; a
    /// configured client and GetAuthTokenAsync say the same, a ServerError naming both causes, never "refused".
    /// </summary>
    [Fact]
    public async Task A_wrong_password_is_one_server_error_on_both_paths_naming_a_wrong_password_as_a_cause()
    {
        var url = await Server.AuthUrlAsync();
        var configured = ClientFor(url, "admin", "wrong");
        var fetched = await Assert.ThrowsAsync<MonaiLabelClientException>(() => configured.GetAppInfoAsync());
        var asked = await Assert.ThrowsAsync<MonaiLabelClientException>(() => ClientFor(url).GetAuthTokenAsync("admin", "wrong"));

        foreach (var e in new[] { fetched, asked })
        {
            Assert.Equal(MonaiLabelErrorKind.ServerError, e.Kind);
            Assert.Equal(500, e.StatusCode);
            Assert.Equal("Internal Server Error", e.Response);
            Assert.Contains("for user 'admin'", e.Message, System.StringComparison.Ordinal);
            Assert.Contains("a wrong user name or password", e.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("refused", e.Message, System.StringComparison.Ordinal);
        }

        Assert.Equal(asked.Message, fetched.Message);
    }
}
