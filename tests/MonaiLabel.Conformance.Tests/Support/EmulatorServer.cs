using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MonaiLabel.Emulator;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>The emulator target: <see cref="MonaiLabelEmulator"/> in-process, with mlref's users when auth is on.</summary>
public sealed class EmulatorServer : IServerUnderTest
{
    private readonly MonaiLabelEmulator emulator;

    private EmulatorServer(MonaiLabelEmulator emulator) => this.emulator = emulator;

    public Uri Url => emulator.Url;

    public static async Task<EmulatorServer> StartAsync(bool auth, bool longTasks = false, bool interactive = false) => new(await MonaiLabelEmulator.StartAsync(new MonaiLabelEmulatorOptions
    {
        Interactive = interactive,
        TaskDuration = longTasks ? TimeSpan.FromMinutes(10) : TimeSpan.FromMilliseconds(300),
        AuthEnabled = auth,
        Users = new Dictionary<string, EmulatorUser>
        {
            ["admin"] = new("admin", EmulatorRoles.Admin, EmulatorRoles.Reviewer, EmulatorRoles.Annotator, EmulatorRoles.User),
            ["reviewer"] = new("reviewer", EmulatorRoles.Reviewer, EmulatorRoles.Annotator, EmulatorRoles.User),
            ["annotator"] = new("annotator", EmulatorRoles.Annotator, EmulatorRoles.User),
            ["user"] = new("user", EmulatorRoles.User),
        },
    }).ConfigureAwait(false));

    public ValueTask DisposeAsync() => emulator.DisposeAsync();
}
