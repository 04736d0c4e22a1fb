using System;
using System.Collections.Generic;
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

/// <summary>One FastAPI route: method, Starlette path template, RBAC role, body kind and handler.</summary>
internal sealed class Route
{
    private readonly string[] segments;

    public Route(string method, string template, Access access, string? role, BodyKind body, Func<Call, Task> handler)
    {
        Method = method;
        Template = template;
        Access = access;
        Role = role;
        Body = body;
        Handler = handler;
        segments = template.Split('/');
    }

    public string Method { get; }

    public string Template { get; }

    public Access Access { get; }

    public string? Role { get; }

    public BodyKind Body { get; }

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
