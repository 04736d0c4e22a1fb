using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

/// <summary>How a route takes its body (FastAPI reads it before anything else).</summary>
internal enum BodyKind
{
    None,
    Form,
    Json,
}

/// <summary>Who may call a route when auth is on.</summary>
internal enum Access
{
    /// <summary>No token needed (<c>/auth/</c>, <c>/auth/token</c>).</summary>
    Public,

    /// <summary>A valid token, any role (<c>/auth/token/valid</c>).</summary>
    Authenticated,

    /// <summary>A valid token with <see cref="Route.Role"/> (the server's RBAC dependency).</summary>
    Role,
}

/// <summary>
/// One FastAPI route: method, Starlette path template, RBAC role, the parameters it declares and its handler. How the
/// body is read follows from the parameters, as in FastAPI: form parameters read the form, a body parameter the JSON.
/// </summary>
internal sealed class Route
{
    private readonly string[] segments;

    public Route(string method, string template, Access access, string? role, Func<Call, Task> handler, IReadOnlyList<Parameter> parameters)
    {
        Method = method;
        Template = template;
        Access = access;
        Role = role;
        Handler = handler;
        Parameters = parameters;
        Body = parameters.Any(p => p.Source == ParameterSource.Form) ? BodyKind.Form
            : parameters.Any(p => p.Source == ParameterSource.Body) ? BodyKind.Json
            : BodyKind.None;
        segments = template.Split('/');
    }

    public string Method { get; }

    public string Template { get; }

    public Access Access { get; }

    public string? Role { get; }

    public BodyKind Body { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public Func<Call, Task> Handler { get; }

    /// <summary>Starlette's match of the path alone (<c>{name}</c> is <c>[^/]+</c>).</summary>
    public bool MatchPath(string path, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = path.Split('/');
        if (parts.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var seg = segments[i];
            if (seg.Length > 2 && seg[0] == '{' && seg[^1] == '}')
            {
                if (parts[i].Length == 0)
                {
                    return false;
                }

                parameters[seg.Substring(1, seg.Length - 2)] = parts[i];
            }
            else if (!string.Equals(seg, parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
