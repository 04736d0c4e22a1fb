using System;
using System.Collections.Generic;

namespace MonaiLabel.Emulator;

/// <summary>A user of the emulator's identity provider (used when <see cref="MonaiLabelEmulatorOptions.AuthEnabled"/>).</summary>
public sealed class EmulatorUser
{
    /// <summary>Creates a user.</summary>
    /// <param name="password">The password <c>POST /auth/token</c> accepts.</param>
    /// <param name="roles">The realm roles put in the token, e.g. <see cref="EmulatorRoles.Admin"/>.</param>
    public EmulatorUser(string password, params string[] roles)
    {
        Password = password ?? throw new ArgumentNullException(nameof(password));
        Roles = roles ?? Array.Empty<string>();
    }

    /// <summary>The password <c>POST /auth/token</c> accepts.</summary>
    public string Password { get; set; }

    /// <summary>The realm roles put in the token's <c>realm_access.roles</c>.</summary>
    public IReadOnlyList<string> Roles { get; set; }

    /// <summary>The token's <c>email</c> claim; defaults to <c>&lt;username&gt;@monailabel.local</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The token's <c>name</c> claim; defaults to the user name.</summary>
    public string? Name { get; set; }
}
