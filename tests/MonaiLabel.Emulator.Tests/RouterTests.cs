using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using MonaiLabel.Emulator.Internal;
using Xunit;

namespace MonaiLabel.Emulator.Tests;

/// <summary>
/// The router enforces each route's declared parameters: it reads and checks them all before the handler runs, so a
/// handler cannot forget the check, and a handler cannot read a parameter its route does not declare.
/// </summary>
public sealed class RouterTests : IDisposable
{
    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<bool> RunSync = Param.QueryBool("run_sync", false);
    private static readonly Parameter<long?> Lines = Param.QueryInt("lines", 300);
    private static readonly Parameter<string> Image = Param.RequiredQuery("image");
    private static readonly Parameter<JsonObject?> Params = Param.BodyDict("params", () => null);
    private static readonly Parameter<UploadedFile?> Upload = Param.FormFile("file", required: true);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "emulator-router-" + Guid.NewGuid().ToString("N"));
    private readonly EmulatorApp app;
    private readonly Router router;

    public RouterTests()
    {
        app = new EmulatorApp(new MonaiLabelEmulatorOptions(), directory);
        router = new Router(new Authorization(app), app.TempDirectory);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static DefaultHttpContext Request(string method, string path, string query = "", string? json = null)
    {
        var ctx = new DefaultHttpContext();
        ctx.Request.Method = method;
        ctx.Request.Path = path;
        ctx.Request.QueryString = new QueryString(query);
        if (json != null)
        {
            ctx.Request.ContentType = "application/json";
            ctx.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        ctx.Response.Body = new MemoryStream();
        return ctx;
    }

    [Fact]
    public async Task A_handler_runs_only_once_every_declared_parameter_has_passed_its_check()
    {
        var ran = false;
        router.Add("POST", "/train/{model}", EmulatorRoles.Admin, _ => { ran = true; return Task.CompletedTask; }, Model, RunSync, Image, Lines, Params);

        var e = await Assert.ThrowsAsync<ValidationFailed>(() => router.HandleAsync(Request("POST", "/train/m", "?run_sync=maybe&lines=ten", "[1]")));

        Assert.False(ran);
        // All errors at once, in declaration order: query parameters, then the body (FastAPI's order).
        Assert.Equal(
            "[{\"loc\":[\"query\",\"run_sync\"],\"msg\":\"value could not be parsed to a boolean\",\"type\":\"type_error.bool\"}," +
            "{\"loc\":[\"query\",\"image\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}," +
            "{\"loc\":[\"query\",\"lines\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}," +
            "{\"loc\":[\"body\"],\"msg\":\"value is not a valid dict\",\"type\":\"type_error.dict\"}]",
            e.Errors.ToJsonString());
    }

    [Fact]
    public async Task A_handler_reads_the_checked_values()
    {
        (string, bool, string, long?, JsonObject?)? seen = null;
        router.Add("POST", "/train/{model}", EmulatorRoles.Admin, c => { seen = (c.Get(Model), c.Get(RunSync), c.Get(Image), c.Get(Lines), c.Get(Params)); return Task.CompletedTask; }, Model, RunSync, Image, Lines, Params);

        await router.HandleAsync(Request("POST", "/train/m", "?run_sync=yes&image=a&image=b", "{\"x\":1}"));

        Assert.NotNull(seen);
        var (model, runSync, image, lines, body) = seen.Value;
        Assert.Equal(("m", true, "b", 300L), (model, runSync, image, lines));
        Assert.Equal("{\"x\":1}", body!.ToJsonString());
    }

    [Fact]
    public async Task A_handler_cannot_read_a_parameter_its_route_does_not_declare()
    {
        router.Add("GET", "/logs/", EmulatorRoles.Admin, c => { _ = c.Get(Lines); return Task.CompletedTask; }, RunSync);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => router.HandleAsync(Request("GET", "/logs/", "?lines=3")));

        Assert.Contains("'lines'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void How_a_route_reads_its_body_follows_from_its_parameters()
    {
        Task Handler(Call c) => Task.CompletedTask;
        Assert.Equal(BodyKind.None, new Route("GET", "/x", Access.Public, null, Handler, new Parameter[] { RunSync, Image }).Body);
        Assert.Equal(BodyKind.Json, new Route("POST", "/x", Access.Public, null, Handler, new Parameter[] { RunSync, Params }).Body);
        Assert.Equal(BodyKind.Form, new Route("PUT", "/x", Access.Public, null, Handler, new Parameter[] { Image, Upload }).Body);
    }

    [Fact]
    public async Task Auth_is_checked_before_the_parameters()
    {
        var options = new MonaiLabelEmulatorOptions { AuthEnabled = true };
        var authDirectory = Path.Combine(directory, "auth");
        var authApp = new EmulatorApp(options, authDirectory);
        authApp.SetBaseUrl(new Uri("http://127.0.0.1/"));
        var authRouter = new Router(new Authorization(authApp), authApp.TempDirectory);
        authRouter.Add("GET", "/logs/", EmulatorRoles.Admin, _ => Task.CompletedTask, Lines);

        var e = await Assert.ThrowsAsync<HttpError>(() => authRouter.HandleAsync(Request("GET", "/logs/", "?lines=ten")));

        Assert.Equal((401, "Not authenticated"), (e.Status, e.Message));
        Assert.Equal("Bearer", e.Headers!.Single().Value);
    }
}
