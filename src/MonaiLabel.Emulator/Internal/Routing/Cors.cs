using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The server's CORSMiddleware (allow every origin, method and header, with credentials), first in the pipeline:
/// answers a preflight itself and adds the CORS headers to every other answer with an <c>Origin</c>, errors included.
/// </summary>
internal static class Cors
{
    private static readonly string[] Methods = { "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" };

    public static Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        var request = ctx.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return next(ctx);
        }

        if (HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            return Preflight(ctx, origin);
        }

        // Starlette echoes the origin (and varies on it) only for a request with cookies; else "*".
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
        return next(ctx);
    }

    private static Task Preflight(HttpContext ctx, string origin)
    {
        var requestedMethod = ctx.Request.Headers["Access-Control-Request-Method"].ToString();
        var headers = new Dictionary<string, string>
        {
            ["access-control-allow-methods"] = string.Join(", ", Methods),
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

        var ok = Methods.Contains(requestedMethod, StringComparer.Ordinal);
        var body = Encoding.UTF8.GetBytes(ok ? "OK" : "Disallowed CORS method");
        return Responses.Bytes(ctx, ok ? 200 : 400, body, "text/plain; charset=utf-8", headers);
    }
}
