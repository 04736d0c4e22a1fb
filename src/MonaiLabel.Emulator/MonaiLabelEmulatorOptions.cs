using System;
using System.Collections.Generic;

namespace MonaiLabel.Emulator;

/// <summary>Settings of one <see cref="MonaiLabelEmulator"/>. Every property has a usable default.</summary>
public sealed class MonaiLabelEmulatorOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free ephemeral port.</summary>
    public int Port { get; set; }

    /// <summary>The app name <c>/info/</c> answers.</summary>
    public string Name { get; set; } = "MONAILabel - Emulator";

    /// <summary>The app description <c>/info/</c> answers.</summary>
    public string Description { get; set; } = "In-process MONAI Label emulator (real wire format, deterministic fake models)";

    /// <summary>The app version <c>/info/</c> answers.</summary>
    public string Version { get; set; } = "0.8.5+emulator";

    /// <summary>The app's <c>labels</c>; null (the default) merges the models' labels as the server does.</summary>
    public IList<string>? Labels { get; set; }

    /// <summary>The models served; null means <see cref="EmulatorModel.Defaults"/>.</summary>
    public IList<EmulatorModel>? Models { get; set; }

    /// <summary>
    /// Also serves the interactive models of the reference server's <c>--interactive</c> mode
    /// (<see cref="EmulatorModel.InteractiveModels"/>: deepgrow 2D/3D, SAM2 2D/3D, deepedit_seg, scribbles), after
    /// <see cref="Models"/>. Default false: the model list is unchanged.
    /// </summary>
    public bool Interactive { get; set; }

    /// <summary>
    /// How many deterministic sample images to put in the datastore at start: <c>case_01.nii.gz</c>,
    /// <c>case_02.nii.gz</c>, ... of <see cref="SampleImageSize"/> pseudo-random bytes from <see cref="Seed"/>.
    /// They are found by the datastore's start-up scan, as files already in a studies folder are. Default 0.
    /// </summary>
    public int SampleImages { get; set; }

    /// <summary>The size of each sample image in bytes (default 4 KiB).</summary>
    public int SampleImageSize { get; set; } = 4096;

    /// <summary>The seed of the sample images, the pre-trained weights and the <c>random</c> strategy (default 42).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// How long a background train, scoring or batch-infer task stays RUNNING before it is DONE (default 2 s; tests
    /// use ~100 ms). <c>run_sync=true</c> calls take the same time before they answer.
    /// </summary>
    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest session life, also used when <c>PUT /session/</c> gives no <c>expiry</c> (the server's
    /// <c>MONAI_LABEL_SESSION_EXPIRY</c>, default 3600 s). A session is gone (404) once unused for its expiry.
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>
    /// Runs every scoring method at start and after each active-learning pick, as the server does with
    /// <c>MONAI_LABEL_AUTO_UPDATE_SCORING</c> (its default is true). Default false here, so a test's own
    /// <c>POST /scoring/{method}</c> never meets a 429 from an automatic run.
    /// </summary>
    public bool AutoUpdateScoring { get; set; }

    /// <summary>Turns on auth (<c>--auth</c>): the <c>/auth/*</c> routes exist and every other route needs a bearer token.</summary>
    public bool AuthEnabled { get; set; }

    /// <summary>
    /// The identity provider's users, by user name; null gives <c>admin/admin</c> (all roles),
    /// <c>annotator/annotator</c> (annotator and user) and <c>user/user</c> (user).
    /// </summary>
    public IDictionary<string, EmulatorUser>? Users { get; set; }

    /// <summary>The <c>client_id</c> <c>GET /auth/</c> answers (default <c>monailabel-app</c>).</summary>
    public string AuthClientId { get; set; } = "monailabel-app";

    /// <summary>The <c>realm</c> <c>GET /auth/</c> answers; null gives <c>&lt;server url&gt;realms/monailabel</c>.</summary>
    public string? AuthRealm { get; set; }

    /// <summary>How long an issued access token is valid (default 1 hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The default users when <see cref="Users"/> is null.</summary>
    public static IDictionary<string, EmulatorUser> DefaultUsers() => new Dictionary<string, EmulatorUser>
    {
        ["admin"] = new("admin", EmulatorRoles.Admin, EmulatorRoles.Reviewer, EmulatorRoles.Annotator, EmulatorRoles.User),
        ["annotator"] = new("annotator", EmulatorRoles.Annotator, EmulatorRoles.User),
        ["user"] = new("user", EmulatorRoles.User),
    };
}
