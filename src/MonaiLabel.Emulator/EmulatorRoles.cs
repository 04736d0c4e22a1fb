namespace MonaiLabel.Emulator;

/// <summary>The role names the MONAI Label server checks (its default <c>MONAI_LABEL_AUTH_ROLE_*</c> settings).</summary>
public static class EmulatorRoles
{
    /// <summary><c>monailabel-admin</c>: training, batch inference, deleting images and labels, model downloads, logs.</summary>
    public const string Admin = "monailabel-admin";

    /// <summary><c>monailabel-reviewer</c>.</summary>
    public const string Reviewer = "monailabel-reviewer";

    /// <summary><c>monailabel-annotator</c>: uploads, labels, scoring, model uploads.</summary>
    public const string Annotator = "monailabel-annotator";

    /// <summary><c>monailabel-user</c>: reading (info, datastore, infer, sessions, active learning).</summary>
    public const string User = "monailabel-user";
}
