using Microsoft.Extensions.Options;

namespace MonaiLabel.Client;

/// <summary>
/// Checks <see cref="MonaiLabelClientOptions"/> under dependency injection when they are first used. The checks are
/// <see cref="MonaiLabelClientOptionsChecks"/>, apart from this class, so that a client created without dependency
/// injection does not load Microsoft.Extensions.Options (a fresh process's first call, tools/MonaiLabel.Benchmarks).
/// </summary>
internal sealed class MonaiLabelClientOptionsValidator : IValidateOptions<MonaiLabelClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MonaiLabelClientOptions options)
    {
        var errors = MonaiLabelClientOptionsChecks.Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
