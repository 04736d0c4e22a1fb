using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

/// <summary>
/// Reads and writes <see cref="BackgroundTaskState"/> as the JSON string the server uses. Whatever the server sends is
/// kept: a string as it is, anything else as its JSON text; only <c>null</c> is no state.
/// </summary>
internal sealed class BackgroundTaskStateJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(BackgroundTaskState) || objectType == typeof(BackgroundTaskState?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return objectType == typeof(BackgroundTaskState) ? default(BackgroundTaskState) : (object?)null;
            case JsonToken.String:
                return new BackgroundTaskState((string)reader.Value!);
            default:
                // Not a string (a number, a boolean, even an object): kept as its JSON text rather than refused.
                return new BackgroundTaskState(JToken.ReadFrom(reader).ToString(Formatting.None));
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is BackgroundTaskState state)
        {
            writer.WriteValue(state.ToString());
        }
        else
        {
            writer.WriteNull();
        }
    }
}
