using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The app's FastAPI front: the route table (filled by the routers in Routers/, in the order the server includes
/// them) and a dispatcher that answers unknown routes, wrong methods, trailing-slash redirects, CORS, body errors,
/// auth and validation as uvicorn + Starlette + FastAPI do.
/// </summary>
internal sealed class Router
{
    private static readonly string[] CorsMethods = { "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" };

    private readonly List<Route> routes = new();
    private readonly EmulatorApp app;

    public Router(EmulatorApp app)
    {
        this.app = app;
    }

    /// <summary>Adds a route (first match wins; order decides 405 answers and path matches).</summary>
    public void Add(string method, string template, Access access, string? role, BodyKind body, Func<Call, Task> handler) =>
        routes.Add(new Route(method, template, access, role, body, handler));

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
                    await Responses.Json(ctx, 405, EmulatorApp.Detail("Method Not Allowed"), new Dictionary<string, string> { ["allow"] = partial.Method }).ConfigureAwait(false);
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

                await Responses.Json(ctx, 404, EmulatorApp.Detail("Not Found")).ConfigureAwait(false);
                return;
            }

            call = new Call(ctx, app, parameters!);
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
            await WriteError(ctx, () => Responses.Json(ctx, 400, EmulatorApp.Detail("There was an error parsing the body"))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e)
        {
            app.Log.Error("uvicorn.error", $"Exception in ASGI application: {e.GetType().Name}: {e.Message}");
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
            call.Form = await FormData.ReadAsync(request, app.TempDirectory, call.Http.RequestAborted).ConfigureAwait(false);
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
        if (!app.Options.AuthEnabled || route.Access == Access.Public)
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

        var user = app.Issuer.Validate(token) ?? throw new HttpError(401, "Could not validate credentials", bearer);
        if (route.Access == Access.Role && route.Role != null && !user.Roles.Contains(route.Role))
        {
            throw new HttpError(403, $"Role \"{route.Role}\" is required to perform this action");
        }

        call.User = user;
    }
}
