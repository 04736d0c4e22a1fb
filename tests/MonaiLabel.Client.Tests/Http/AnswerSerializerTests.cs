using System;
using System.Linq;
using Newtonsoft.Json;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// JSON answers are read by one shared serializer made without the generated settings object (a first call does not
/// JIT-compile the copy); it must read exactly as a serializer made from those settings would.
/// </summary>
public class AnswerSerializerTests
{
    [Fact]
    public void The_answer_serializer_has_every_value_of_the_generated_settings()
    {
        using var client = new MonaiLabelClient(new Uri("http://127.0.0.1:9/"));
        var fromSettings = JsonSerializer.Create(client.Rest.SerializerSettings);
        var shared = MonaiLabelRestClient.AnswerSerializer;

        var compared = 0;
        foreach (var property in typeof(JsonSerializer).GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            if (property.PropertyType.IsValueType || property.PropertyType == typeof(string))
            {
                Assert.True(Equals(property.GetValue(fromSettings), property.GetValue(shared)), property.Name);
                compared++;
            }
        }

        Assert.True(compared > 20, $"only {compared} values compared");
        Assert.Equal(DateParseHandling.None, shared.DateParseHandling);
        Assert.Equal(fromSettings.Converters.Count, shared.Converters.Count);
        Assert.Same(fromSettings.ContractResolver, shared.ContractResolver);
    }
}
