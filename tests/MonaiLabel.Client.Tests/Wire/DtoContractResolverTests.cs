using System;
using System.Linq;
using Newtonsoft.Json.Serialization;
using Xunit;

namespace MonaiLabel.Client.Tests.Wire;

/// <summary>The SDK's resolver skips a question for its own classes; the contracts must be what the default makes.</summary>
public class DtoContractResolverTests
{
    public static TheoryData<Type> SdkTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(MonaiLabelClient).Assembly.GetTypes()
                     .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && !t.Name.StartsWith("<", StringComparison.Ordinal)))
        {
            data.Add(type);
        }

        data.Add(typeof(object));
        return data;
    }

    [Theory]
    [MemberData(nameof(SdkTypes))]
    public void Every_contract_is_the_one_the_default_resolver_makes(Type type)
    {
        var ours = DtoContractResolver.Instance.ResolveContract(type);
        var theirs = new DefaultContractResolver().ResolveContract(type);

        Assert.Equal(theirs.GetType(), ours.GetType());
        Assert.Equal(theirs.Converter?.GetType(), ours.Converter?.GetType());
        if (theirs is JsonObjectContract expected)
        {
            var actual = (JsonObjectContract)ours;
            Assert.Equal(
                expected.Properties.Select(p => (p.PropertyName, p.PropertyType, p.Required, p.NullValueHandling, p.Ignored)),
                actual.Properties.Select(p => (p.PropertyName, p.PropertyType, p.Required, p.NullValueHandling, p.Ignored)));
            Assert.Equal(expected.ExtensionDataSetter == null, actual.ExtensionDataSetter == null);
        }
    }
}
