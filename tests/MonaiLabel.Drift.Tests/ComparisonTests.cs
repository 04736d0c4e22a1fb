using System.IO;
using System.Linq;
using Xunit;

namespace MonaiLabel.Drift.Tests;

/// <summary>Planted changes in tests/fixtures/drift/ are each found and named.</summary>
public class ComparisonTests
{
    private static LoadedDocument Base => DocumentLoader.LoadFile(Repo.Drift("base.yaml"));

    private static string BaseText => File.ReadAllText(Repo.Drift("base.yaml"));

    [Fact]
    public void Base_compared_with_itself_shows_nothing()
    {
        Assert.Empty(DriftComparer.Compare(Base.Document, Base.Document));
    }

    [Fact]
    public void Each_planted_change_is_found_and_named()
    {
        var findings = DriftComparer.Compare(Base.Document, DocumentLoader.LoadFile(Repo.Drift("server-planted.json")).Document);

        Assert.Equal(
            new[]
            {
                "DELETE /items/{id}: operation-only-in-spec",                                  // one operation removed
                "GET /health: operation-only-in-server",                                       // one operation added
                "GET /items/{id}: parameter-required-changed query verbose: optional → required", // required-ness
                "GET /items/{id}: parameter-retyped query version: string → integer",          // retyped
                "GET /items/{id}: response-media-type-added 200 application/xml",              // response media type
                "GET /items/{id}: response-media-type-removed 200 application/json",           //   changed
                "GET /items: parameter-default-changed query limit: 10 → 20",                  // default changed
                "GET /items: parameter-renamed query q → query",                               // renamed
                "POST /items/{id}/upload: parameter-moved name: query → form",                 // moved query → form
            },
            FindingText.Of(findings));
    }

    [Fact]
    public void An_OpenApi_3_1_description_in_FastAPI_style_matches_the_same_contract_in_3_0()
    {
        var server = DocumentLoader.LoadFile(Repo.Drift("server-3.1.json"));

        Assert.Equal("3.1", server.Version);
        Assert.Empty(DriftComparer.Compare(Base.Document, server.Document));
    }

    [Fact]
    public void A_renamed_path_parameter_is_a_rename_not_a_new_operation()
    {
        var server = DocumentLoader.Parse(BaseText.Replace("{id}", "{item_id}").Replace("name: id", "name: item_id"), "renamed");

        Assert.Equal(
            new[]
            {
                "DELETE /items/{id}: parameter-renamed path id → item_id",
                "GET /items/{id}: parameter-renamed path id → item_id",
                "POST /items/{id}/upload: parameter-renamed path id → item_id",
            },
            FindingText.Of(DriftComparer.Compare(Base.Document, server.Document)));
    }

    [Fact]
    public void Form_fields_are_compared_like_parameters()
    {
        var text = BaseText
            .Replace("                note:\n                  type: string\n                  nullable: true\n                  default: \"{}\"",
                     "                note:\n                  type: integer\n                  default: 0\n                extra:\n                  type: string")
            .Replace("              required: [file]", "              required: []");
        Assert.NotEqual(BaseText, text);

        var findings = DriftComparer.Compare(Base.Document, DocumentLoader.Parse(text, "form").Document);

        Assert.Equal(
            new[]
            {
                "POST /items/{id}/upload: form-field-added form extra",
                "POST /items/{id}/upload: form-field-default-changed form note: \"{}\" → 0",
                "POST /items/{id}/upload: form-field-required-changed form file: required → optional",
                "POST /items/{id}/upload: form-field-retyped form note: string → integer",
            },
            FindingText.Of(findings));
    }

    [Fact]
    public void Request_media_types_and_enum_values_are_compared()
    {
        var text = BaseText
            .Replace("          multipart/form-data:", "          application/x-www-form-urlencoded:")
            .Replace("enum: [small, large]", "enum: [small, large, huge]");

        var findings = DriftComparer.Compare(Base.Document, DocumentLoader.Parse(text, "media").Document);

        Assert.Equal(
            new[]
            {
                "GET /items/{id}: parameter-retyped query kind: string{large,small} → string{huge,large,small}",
                "POST /items/{id}/upload: request-media-type-added application/x-www-form-urlencoded",
                "POST /items/{id}/upload: request-media-type-removed multipart/form-data",
            },
            FindingText.Of(findings));
    }

    [Fact]
    public void Shapes_ignore_names_nullability_and_enum_order()
    {
        var model = ContractModel.Read(DocumentLoader.LoadFile(Repo.Real).Document);
        var infer = model.Single(o => o.Display == "POST /infer/{model}");

        Assert.Equal("string{all,dicom_seg,image,json}", infer.Inputs.Single(i => i.Key == "query output").Type);
        Assert.Equal("string(binary)", infer.Inputs.Single(i => i.Key == "form file").Type);
        Assert.Equal("\"{}\"", infer.Inputs.Single(i => i.Key == "form params").Default);
        Assert.Equal("object", infer.Responses["200"]["multipart/form-data"]);
        Assert.Equal("any", model.Single(o => o.Display == "GET /info/").Responses["200"]["application/json"]);
    }
}
