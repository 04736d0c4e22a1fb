using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// One request as a FastAPI endpoint sees it: the route's path parameters, its body (form or JSON), the caller, and
/// the values of the parameters the route declares, read and checked by the router before the handler runs.
/// </summary>
internal sealed class Call
{
    private readonly Dictionary<Parameter, object?> values = new();

    public Call(HttpContext http, Route route, Dictionary<string, string> pathParams)
    {
        Http = http;
        Route = route;
        PathParams = pathParams;
    }

    public HttpContext Http { get; }

    public Route Route { get; }

    public Dictionary<string, string> PathParams { get; }

    public AuthUser User { get; set; } = AuthUser.Default;

    public FormData Form { get; set; } = FormData.Empty;

    /// <summary>The JSON (or raw) body when the route takes a JSON body; <see cref="BodyPresent"/> says whether one came.</summary>
    public JsonNode? Body { get; set; }

    public bool BodyPresent { get; set; }

    public bool BodyIsJson { get; set; }

    /// <summary>The last value of a query parameter, as Starlette's <c>QueryParams.get</c>.</summary>
    public string? RawQuery(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[values.Count - 1];
    }

    /// <summary>Reads every parameter the route declares, in order; raises FastAPI's 422 with all their errors.</summary>
    public void BindParameters()
    {
        var errors = new JsonArray();
        foreach (var p in Route.Parameters)
        {
            values[p] = p.Read(this, errors);
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailed(errors);
        }
    }

    /// <summary>The checked value of a parameter the route declares.</summary>
    /// <exception cref="InvalidOperationException">The route does not declare it (a mistake in the emulator: 500).</exception>
    public T Get<T>(Parameter<T> parameter) =>
        values.TryGetValue(parameter, out var v)
            ? (T)v!
            : throw new InvalidOperationException($"{Route.Method} {Route.Template} does not declare the parameter '{parameter.Name}'.");
}
