using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// One entry of a model's <c>config</c> in <c>/info/</c>. A list value is a choice whose first element is the
/// default (as 3D Slicer reads it): <c>"device": ["cuda", "cpu"]</c> has <see cref="Default"/> <c>"cuda"</c> and
/// two <see cref="Choices"/>. Any other value is its own default with no choices. Values of any shape are kept.
/// </summary>
public sealed class ModelConfigEntry
{
    private static readonly IReadOnlyList<JToken> NoChoices = new JToken[0];

    /// <summary>Reads an entry from the value the server sent.</summary>
    public ModelConfigEntry(string name, JToken? value)
    {
        Name = name;
        Value = value ?? JValue.CreateNull();
        if (Value is JArray list)
        {
            var choices = new List<JToken>(list.Count);
            foreach (var choice in list)
            {
                choices.Add(choice);
            }

            Choices = choices;
            Default = choices.Count > 0 ? choices[0] : JValue.CreateNull();
        }
        else
        {
            Choices = NoChoices;
            Default = Value;
        }
    }

    /// <summary>The entry's key, e.g. <c>device</c>.</summary>
    public string Name { get; }

    /// <summary>The value exactly as the server sent it (a JSON null when it sent null).</summary>
    public JToken Value { get; }

    /// <summary>The value to send when the caller chooses nothing: the first choice of a list, else the value; a JSON null for an empty list.</summary>
    public JToken Default { get; }

    /// <summary>The choices of a list value, in the server's order; empty for any other value.</summary>
    public IReadOnlyList<JToken> Choices { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}={Default.ToString(Newtonsoft.Json.Formatting.None)}";
}
