using MonaiLabel.Client.Tests.Support;
using PublicApiGenerator;
using Xunit;

namespace MonaiLabel.Client.Tests.Snapshots;

/// <summary>
/// The SDK's public surface, one approved listing per target framework (Azure SDK style, under
/// src/MonaiLabel.Client/api/). A spec or NSwag change that alters the surface fails here until accepted.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var api = typeof(MonaiLabelClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The generator's version string would make every NSwag upgrade a spurious diff.
            ExcludeAttributes = new[] { "System.CodeDom.Compiler.GeneratedCodeAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute" },
        });

        Approval.Verify(
            RepoPaths.Combine("src", "MonaiLabel.Client", "api", $"MonaiLabel.Client.{RepoPaths.ClientTargetFramework}.cs"),
            api);
    }
}
