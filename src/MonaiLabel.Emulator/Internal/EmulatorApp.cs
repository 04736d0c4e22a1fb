using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The emulated MONAI Label app and its FastAPI front: the route table in the server's order, and a dispatcher that
/// answers unknown routes, wrong methods, trailing-slash redirects, body errors, auth and validation as FastAPI does.
/// </summary>
internal sealed partial class EmulatorApp
{
    private static readonly string[] CorsMethods = { "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" };

    private readonly List<Route> routes = new();
    private readonly object randomGate = new();
    private readonly Random random;
    private TokenIssuer? issuer;

    public EmulatorApp(MonaiLabelEmulatorOptions options, string dataDirectory)
    {
        Options = options;
        DataDirectory = dataDirectory;
        TempDirectory = Path.Combine(dataDirectory, "tmp");
        ModelDirectory = Path.Combine(dataDirectory, "model");
        Directory.CreateDirectory(TempDirectory);
        Directory.CreateDirectory(ModelDirectory);
        Models = (options.Models ?? EmulatorModel.Defaults()).ToList();
        Users = options.Users ?? MonaiLabelEmulatorOptions.DefaultUsers();
        random = new Random(options.Seed);
        Log = new AppLog(Path.Combine(dataDirectory, "logs", "app.log"));

        var studies = Path.Combine(dataDirectory, "studies");
        WriteSampleImages(studies);
        Datastore = new LocalDatastore(studies);
        Sessions = new SessionStore(Path.Combine(dataDirectory, "sessions"), options.SessionExpiry);
        WritePretrainedModels();

        Train = new TaskRunner("train", TrainWorkAsync);
        Scoring = new TaskRunner("scoring", ScoringWorkAsync);
        BatchInfer = new TaskRunner("batch_infer", BatchInferWorkAsync);

        RegisterRoutes();
        Log.Info("monailabel.interfaces.app", $"App Init - completed; datastore: {Datastore.ListImages().Count} image(s)");
    }

    public MonaiLabelEmulatorOptions Options { get; }

    public string DataDirectory { get; }

    public string TempDirectory { get; }

    public string ModelDirectory { get; }

    public List<EmulatorModel> Models { get; }

    public IDictionary<string, EmulatorUser> Users { get; }

    public LocalDatastore Datastore { get; }

    public SessionStore Sessions { get; }

    public AppLog Log { get; }

    public TaskRunner Train { get; }

    public TaskRunner Scoring { get; }

    public TaskRunner BatchInfer { get; }

    /// <summary>The server's base URL, known once Kestrel listens.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string Realm => Options.AuthRealm ?? new Uri(BaseUrl, "realms/monailabel").ToString();

    public TokenIssuer Issuer => issuer ?? throw new InvalidOperationException("The emulator has not started.");

    public void SetBaseUrl(Uri url)
    {
        BaseUrl = url;
        issuer = new TokenIssuer(Realm, Options.AuthClientId);
        if (Options.AutoUpdateScoring)
        {
            _ = AutoScoringAsync();
        }
    }

    public int NextRandom(int maxExclusive)
    {
        lock (randomGate)
        {
            return random.Next(maxExclusive);
        }
    }

    public double NextRandomDouble()
    {
        lock (randomGate)
        {
            return random.NextDouble();
        }
    }

    public EmulatorModel? FindModel(string name) => Models.FirstOrDefault(m => m.Name == name);

    private void Add(string method, string template, Access access, string? role, BodyKind body, Func<Call, Task> handler) =>
        routes.Add(new Route(method, template, access, role, body, handler));

    /// <summary>The routers in the order the server includes them (order decides 405 answers and path matches).</summary>
    private void RegisterRoutes()
    {
        const string admin = EmulatorRoles.Admin, annotator = EmulatorRoles.Annotator, user = EmulatorRoles.User;
        var role = Access.Role;

        if (Options.AuthEnabled)
        {
            Add("GET", "/auth/", Access.Public, null, BodyKind.None, AuthSettings);
            Add("POST", "/auth/token", Access.Public, null, BodyKind.Form, AuthToken);
            Add("GET", "/auth/token/valid", Access.Authenticated, null, BodyKind.None, AuthTokenValid);
        }

        Add("GET", "/info/", role, user, BodyKind.None, Info);

        Add("GET", "/model/{model}", role, admin, BodyKind.None, DownloadModel);
        Add("GET", "/model/info/{model}", role, admin, BodyKind.None, ModelInfo);
        Add("PUT", "/model/{model}", role, annotator, BodyKind.Form, UploadModel);
        Add("DELETE", "/model/{model}", role, annotator, BodyKind.None, DeleteModel);

        Add("POST", "/infer/{model}", role, user, BodyKind.Form, Infer);
        Add("POST", "/infer/wsi/{model}", role, user, BodyKind.Json, InferWsiLegacy);
        Add("POST", "/infer/wsi_v2/{model}", role, user, BodyKind.Form, InferWsiV2);

        Add("GET", "/batch/infer", role, user, BodyKind.None, c => TaskStatus(c, BatchInfer));
        Add("POST", "/batch/infer/{model}", role, admin, BodyKind.Json, RunBatchInfer);
        Add("DELETE", "/batch/infer", role, admin, BodyKind.None, c => TaskStop(c, BatchInfer));

        Add("GET", "/train/", role, user, BodyKind.None, c => TaskStatus(c, Train));
        Add("POST", "/train/", role, admin, BodyKind.Json, RunTrainAll);
        Add("POST", "/train/{model}", role, admin, BodyKind.Json, RunTrain);
        Add("DELETE", "/train/", role, admin, BodyKind.None, c => TaskStop(c, Train));

        Add("POST", "/activelearning/{strategy}", role, user, BodyKind.Json, NextSample);

        Add("GET", "/scoring/", role, user, BodyKind.None, c => TaskStatus(c, Scoring));
        Add("POST", "/scoring/", role, annotator, BodyKind.Json, RunScoringAll);
        Add("POST", "/scoring/{method}", role, annotator, BodyKind.Json, RunScoring);
        Add("DELETE", "/scoring/", role, annotator, BodyKind.None, c => TaskStop(c, Scoring));

        Add("GET", "/datastore/", role, user, BodyKind.None, DatastoreListing);
        Add("PUT", "/datastore/image", role, annotator, BodyKind.Form, AddImage);
        Add("PUT", "/datastore/", role, annotator, BodyKind.Form, AddImage);
        Add("DELETE", "/datastore/image", role, admin, BodyKind.None, RemoveImage);
        Add("DELETE", "/datastore/", role, admin, BodyKind.None, RemoveImage);
        Add("HEAD", "/datastore/image", role, user, BodyKind.None, CheckImage);
        Add("GET", "/datastore/image", role, user, BodyKind.None, DownloadImage);
        Add("GET", "/datastore/image/info", role, user, BodyKind.None, GetImageInfo);
        Add("PUT", "/datastore/image/info", role, annotator, BodyKind.Form, PutImageInfo);
        Add("PUT", "/datastore/label", role, annotator, BodyKind.Form, SaveLabel);
        Add("DELETE", "/datastore/label", role, admin, BodyKind.None, RemoveLabel);
        Add("HEAD", "/datastore/label", role, user, BodyKind.None, CheckLabel);
        Add("GET", "/datastore/label", role, user, BodyKind.None, DownloadLabel);
        Add("GET", "/datastore/label/info", role, user, BodyKind.None, GetLabelInfo);
        Add("PUT", "/datastore/label/info", role, annotator, BodyKind.Form, c => PutLabelInfo(c, "info"));
        Add("PUT", "/datastore/updatelabelinfo", role, annotator, BodyKind.Form, c => PutLabelInfo(c, "params"));
        Add("GET", "/datastore/dataset", role, annotator, BodyKind.None, DownloadDataset);

        Add("GET", "/logs/", role, admin, BodyKind.None, Logs);
        Add("GET", "/logs/gpu", role, admin, BodyKind.None, GpuInfo);

        Add("GET", "/session/{session_id}", role, user, BodyKind.None, GetSession);
        Add("PUT", "/session/", role, user, BodyKind.Form, CreateSession);
        Add("DELETE", "/session/{session_id}", role, user, BodyKind.None, DeleteSession);
    }

    /// <summary>Handles one request as uvicorn + Starlette + FastAPI would.</summary>
    public async Task HandleAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method"))
            {
                await CorsPreflight(ctx, origin).ConfigureAwait(false);
                return;
            }

            var explicitOrigin = request.Headers.ContainsKey("Cookie");
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers["access-control-allow-origin"] = explicitOrigin ? origin : "*";
                ctx.Response.Headers["access-control-allow-credentials"] = "true";
                if (explicitOrigin)
                {
                    ctx.Response.Headers["vary"] = "Origin";
                }

                return Task.CompletedTask;
            });
        }

        Call? call = null;
        try
        {
            var path = request.Path.HasValue ? request.Path.Value! : "/";
            Route? full = null, partial = null;
            Dictionary<string, string>? parameters = null;
            foreach (var route in routes)
            {
                if (!route.MatchPath(path, out var p))
                {
                    continue;
                }

                if (string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                {
                    full = route;
                    parameters = p;
                    break;
                }

                partial ??= route;
            }

            if (full == null)
            {
                if (partial != null)
                {
                    await Responses.Json(ctx, 405, Detail("Method Not Allowed"), new Dictionary<string, string> { ["allow"] = partial.Method }).ConfigureAwait(false);
                    return;
                }

                if (path != "/")
                {
                    var other = path.EndsWith('/') ? path.TrimEnd('/') : path + "/";
                    if (other.Length > 0 && routes.Any(r => r.MatchPath(other, out _)))
                    {
                        ctx.Response.StatusCode = 307;
                        ctx.Response.Headers["location"] = $"{request.Scheme}://{request.Host}{other}{request.QueryString}";
                        ctx.Response.ContentLength = 0;
                        return;
                    }
                }

                await Responses.Json(ctx, 404, Detail("Not Found")).ConfigureAwait(false);
                return;
            }

            call = new Call(ctx, this, parameters!);
            await ReadBodyAsync(call, full.Body).ConfigureAwait(false);
            Authorize(call, full);
            await full.Handler(call).ConfigureAwait(false);
        }
        catch (HttpError e)
        {
            await WriteError(ctx, () => Responses.Json(ctx, e.Status, new JsonObject { ["detail"] = e.Detail }, e.Headers)).ConfigureAwait(false);
        }
        catch (ValidationFailed e)
        {
            await WriteError(ctx, () => Responses.Json(ctx, 422, new JsonObject { ["detail"] = e.Errors })).ConfigureAwait(false);
        }
        catch (BodyParseError)
        {
            await WriteError(ctx, () => Responses.Json(ctx, 400, Detail("There was an error parsing the body"))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e)
        {
            Log.Error("uvicorn.error", $"Exception in ASGI application: {e.GetType().Name}: {e.Message}");
            await WriteError(ctx, () => Responses.InternalServerError(ctx)).ConfigureAwait(false);
            await CloseAfterExceptionAsync(ctx).ConfigureAwait(false);
        }
        finally
        {
            call?.Form.Dispose();
        }
    }

    private static async Task WriteError(HttpContext ctx, Func<Task> write)
    {
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }

        ctx.Response.Clear();
        await write().ConfigureAwait(false);
    }

    /// <summary>
    /// uvicorn (h11) closes the connection once an exception has escaped the app: Starlette's ServerErrorMiddleware
    /// sends the 500 and re-raises, so uvicorn sees a started response and calls <c>transport.close()</c> about a
    /// millisecond after the answer, without a <c>Connection: close</c> header. A client that reuses that pooled
    /// connection at once gets a reset; the emulator does the same so clients are tested against it.
    /// </summary>
    private static async Task CloseAfterExceptionAsync(HttpContext ctx)
    {
        try
        {
            // Headers and body go out first (so no Connection: close is added), then Kestrel closes the connection
            // gracefully once this request ends, flushing what it wrote.
            await ctx.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
        }

        var lifetime = ctx.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionLifetimeNotificationFeature>();
        if (lifetime != null)
        {
            lifetime.RequestClose();
        }
        else
        {
            ctx.Abort();
        }
    }

    public static JsonObject Detail(string detail) => new() { ["detail"] = detail };

    private static Task CorsPreflight(HttpContext ctx, string origin)
    {
        var requestedMethod = ctx.Request.Headers["Access-Control-Request-Method"].ToString();
        var headers = new Dictionary<string, string>
        {
            ["access-control-allow-methods"] = string.Join(", ", CorsMethods),
            ["access-control-max-age"] = "600",
            ["access-control-allow-credentials"] = "true",
            ["access-control-allow-origin"] = origin,
            ["vary"] = "Origin",
        };
        var requestedHeaders = ctx.Request.Headers["Access-Control-Request-Headers"].ToString();
        if (requestedHeaders.Length > 0)
        {
            headers["access-control-allow-headers"] = requestedHeaders;
        }

        var ok = CorsMethods.Contains(requestedMethod, StringComparer.Ordinal);
        var body = Encoding.UTF8.GetBytes(ok ? "OK" : "Disallowed CORS method");
        return Responses.Bytes(ctx, ok ? 200 : 400, body, "text/plain; charset=utf-8", headers);
    }

    /// <summary>FastAPI reads the body first: the form (multipart or url-encoded), or JSON when the content type is
    /// JSON or absent, or else the raw bytes.</summary>
    private async Task ReadBodyAsync(Call call, BodyKind kind)
    {
        var request = call.Http.Request;
        if (kind == BodyKind.Form)
        {
            call.Form = await FormData.ReadAsync(request, TempDirectory, call.Http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (kind != BodyKind.Json)
        {
            return;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, call.Http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return;
        }

        call.BodyPresent = true;
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var (mediaType, _) = Py.ParseOptionsHeader(request.ContentType);
        var json = string.IsNullOrEmpty(request.ContentType) || mediaType == "application/json" ||
                   (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));
        if (!json)
        {
            call.Body = JsonValue.Create(text);
            return;
        }

        call.BodyIsJson = true;
        try
        {
            call.Body = PyJson.Parse(text);
        }
        catch (JsonException e)
        {
            var pos = (int)(e.BytePositionInLine ?? 0);
            var line = (int)(e.LineNumber ?? 0);
            throw new ValidationFailed(new JsonArray(new JsonObject
            {
                ["loc"] = new JsonArray("body", pos),
                ["msg"] = $"Expecting value: line {line + 1} column {pos + 1} (char {pos})",
                ["type"] = "value_error.jsondecode",
                ["ctx"] = new JsonObject
                {
                    ["msg"] = "Expecting value",
                    ["doc"] = text,
                    ["pos"] = pos,
                    ["lineno"] = line + 1,
                    ["colno"] = pos + 1,
                },
            }));
        }
    }

    /// <summary>The server's OAuth2PasswordBearer + get_current_user + RBAC dependencies.</summary>
    private void Authorize(Call call, Route route)
    {
        if (!Options.AuthEnabled || route.Access == Access.Public)
        {
            return;
        }

        var bearer = new Dictionary<string, string> { ["www-authenticate"] = "Bearer" };
        var header = call.Http.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        var scheme = space >= 0 ? header.Substring(0, space) : header;
        var token = space >= 0 ? header.Substring(space + 1) : string.Empty;
        if (header.Length == 0 || !string.Equals(scheme, "bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpError(401, "Not authenticated", bearer);
        }

        var user = Issuer.Validate(token) ?? throw new HttpError(401, "Could not validate credentials", bearer);
        if (route.Access == Access.Role && route.Role != null && !user.Roles.Contains(route.Role))
        {
            throw new HttpError(403, $"Role \"{route.Role}\" is required to perform this action");
        }

        call.User = user;
    }

    /// <summary>Python's truthiness of a JSON value.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject o => o.Count > 0,
        JsonArray a => a.Count > 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l != 0,
        JsonValue v when v.TryGetValue<int>(out var i) => i != 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        _ => true,
    };

    /// <summary><c>json.loads(text)</c> inside an endpoint: bad JSON is an unhandled error (500).</summary>
    public static JsonNode? LoadJson(string text)
    {
        try
        {
            return PyJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AppError("JSONDecodeError: " + e.Message);
        }
    }

    /// <summary><c>json.loads(params)</c> used as a dict (anything else fails on <c>.update</c>/indexing: 500).</summary>
    public static JsonObject LoadDict(string text) =>
        LoadJson(text) as JsonObject ?? throw new AppError("params is not a JSON object");

    public async Task ShutdownAsync()
    {
        await Task.WhenAll(Train.ShutdownAsync(), Scoring.ShutdownAsync(), BatchInfer.ShutdownAsync()).ConfigureAwait(false);
    }

    /// <summary>A temporary file path named like Python's NamedTemporaryFile.</summary>
    public string NewTempFile(string suffix) => Path.Combine(TempDirectory, Py.TempName(suffix));

    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
