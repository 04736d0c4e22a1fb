using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The app's route table (filled by the routers in Routers/, in the order the server includes them) and its
/// dispatch, as Starlette + FastAPI: the route that matches, or 405 / 307 / 404; then, for the route, the body,
/// auth, the declared parameters (422) and the handler. Errors become answers in <see cref="ErrorAnswers"/>.
/// </summary>
internal sealed class Router(Authorization authorization, string tempDirectory)
{
    private readonly List<Route> routes = new();

    /// <summary>Adds a route that needs <paramref name="role"/> when auth is on (first match wins; order decides 405 answers and path matches).</summary>
    public void Add(string method, string template, string role, Func<Call, Task> handler, params Parameter[] parameters) =>
        routes.Add(new Route(method, template, Access.Role, role, handler, parameters));

    /// <summary>Adds a route open to anyone, or to any valid token (a role route names its role: the other overload).</summary>
    public void Add(string method, string template, Access access, Func<Call, Task> handler, params Parameter[] parameters)
    {
        if (access == Access.Role)
        {
            throw new ArgumentException("A role route names its role.", nameof(access));
        }

        routes.Add(new Route(method, template, access, null, handler, parameters));
    }

    /// <summary>The last step of the pipeline: one request to its route's handler.</summary>
    public async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.HasValue ? ctx.Request.Path.Value! : "/";
        var (route, pathParams) = Match(path, ctx.Request.Method, out var otherMethod);
        if (route == null)
        {
            await NotMatchedAsync(ctx, path, otherMethod).ConfigureAwait(false);
            return;
        }

        var call = new Call(ctx, route, pathParams!);
        try
        {
            await BodyReader.ReadAsync(call, tempDirectory).ConfigureAwait(false);
            authorization.Check(call);
            call.BindParameters();
            await route.Handler(call).ConfigureAwait(false);
        }
        finally
        {
            call.Form.Dispose();
        }
    }

    /// <summary>Starlette's match: the first route with this path and method; else the first with this path alone.</summary>
    private (Route? Route, Dictionary<string, string>? PathParams) Match(string path, string method, out Route? otherMethod)
    {
        otherMethod = null;
        foreach (var route in routes)
        {
            if (!route.MatchPath(path, out var p))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route, p);
            }

            otherMethod ??= route;
        }

        return (null, null);
    }

    /// <summary>405 with <c>allow</c> for a path served under another method, 307 to the other trailing slash, else 404.</summary>
    private Task NotMatchedAsync(HttpContext ctx, string path, Route? otherMethod)
    {
        if (otherMethod != null)
        {
            return Responses.Detail(ctx, 405, "Method Not Allowed", new Dictionary<string, string> { ["allow"] = otherMethod.Method });
        }

        if (path != "/")
        {
            var other = path.EndsWith('/') ? path.TrimEnd('/') : path + "/";
            if (other.Length > 0 && routes.Any(r => r.MatchPath(other, out _)))
            {
                var request = ctx.Request;
                ctx.Response.StatusCode = 307;
                ctx.Response.Headers["location"] = $"{request.Scheme}://{request.Host}{other}{request.QueryString}";
                ctx.Response.ContentLength = 0;
                return Task.CompletedTask;
            }
        }

        return Responses.Detail(ctx, 404, "Not Found");
    }
}
