using System;
using System.Reflection;
using Polly;

namespace MonaiLabel.Client;

/// <summary>
/// Turns off Polly's DataAnnotations check of the strategy options on a builder of ours. That check (reflection over
/// every option's attributes, TypeDescriptor for the TimeSpan ranges) was ~40-90 ms of a fresh process's first call;
/// <see cref="MonaiLabelClientOptionsValidator"/> already checks the same ranges, with our messages, before any
/// pipeline is built. Polly has no public switch: the builder's <c>Validator</c> is internal, so it is set by
/// reflection; if a Polly version no longer has it, nothing is skipped and Polly validates as before.
/// </summary>
internal static class PollyValidation
{
    private static readonly (PropertyInfo Property, Delegate NoCheck)? Setter = FindValidator();

    /// <summary>Whether this Polly version has the setting (a test pins it, so an update that drops it is noticed).</summary>
    public static bool Skips => Setter != null;

    public static void Skip(ResiliencePipelineBuilderBase builder)
    {
        if (Setter is { } setter)
        {
            setter.Property.SetValue(builder, setter.NoCheck);
        }
    }

    private static (PropertyInfo, Delegate)? FindValidator()
    {
        try
        {
            var property = typeof(ResiliencePipelineBuilderBase).GetProperty(
                "Validator", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            if (property?.SetMethod == null)
            {
                return null;
            }

            // Action<ResilienceValidationContext>: a parameter of a reference type, so Accept(object) binds to it;
            // any other shape fails to bind and nothing is skipped.
            var accept = typeof(PollyValidation).GetMethod(nameof(Accept), BindingFlags.NonPublic | BindingFlags.Static)!;
            return (property, Delegate.CreateDelegate(property.PropertyType, accept));
        }
        catch (Exception e) when (e is AmbiguousMatchException || e is ArgumentException || e is MissingMethodException)
        {
            return null;
        }
    }

    // The validation context Polly passes (its type is internal); the options were checked by our validator.
    private static void Accept(object context)
    {
    }
}
