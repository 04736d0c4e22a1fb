using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace MonaiLabel.Drift;

/// <summary>One input of an operation: a query/path/header/cookie parameter, or a field of a form body (location <c>form</c>).</summary>
public sealed record InputModel(string Location, string Name, string Type, string? Default, bool Required)
{
    public string Key => Location + " " + Name;
}

/// <summary>What the comparison looks at in one operation, independent of how the document spelled it.</summary>
public sealed class OperationModel
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    /// <summary>The path with every template parameter name blanked (<c>/infer/{}</c>), so a renamed path parameter still matches.</summary>
    public string MatchKey => Method + " " + ContractModel.NormalizePath(Path);

    public string Display => Method + " " + Path;

    public List<InputModel> Inputs { get; } = [];

    public bool HasRequestBody { get; set; }

    public bool RequestBodyRequired { get; set; }

    /// <summary>Request media type → schema shape.</summary>
    public SortedDictionary<string, string> RequestMedia { get; } = new(StringComparer.Ordinal);

    /// <summary>Status code → (media type → schema shape).</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Responses { get; } = new(StringComparer.Ordinal);
}

/// <summary>Turns an <see cref="OpenApiDocument"/> into <see cref="OperationModel"/>s.</summary>
public static class ContractModel
{
    public const string FormLocation = "form";

    private static readonly JsonSerializerOptions DefaultJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsFormMediaType(string mediaType) =>
        mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    public static string NormalizePath(string path)
    {
        var chars = new System.Text.StringBuilder(path.Length);
        var inTemplate = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inTemplate = true;
                chars.Append('{');
            }
            else if (c == '}')
            {
                inTemplate = false;
                chars.Append('}');
            }
            else if (!inTemplate)
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    public static List<OperationModel> Read(OpenApiDocument document)
    {
        var operations = new List<OperationModel>();
        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations)
            {
                operations.Add(ReadOperation(method.Method.ToUpperInvariant(), path, item, operation));
            }
        }

        return operations;
    }

    private static OperationModel ReadOperation(string method, string path, IOpenApiPathItem item, OpenApiOperation operation)
    {
        var model = new OperationModel { Method = method, Path = path };

        // Path-level parameters apply unless the operation redefines the same (location, name).
        var parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
        foreach (var p in item.Parameters ?? [])
        {
            parameters[ParameterKey(p)] = p;
        }

        foreach (var p in operation.Parameters ?? [])
        {
            parameters[ParameterKey(p)] = p;
        }

        foreach (var p in parameters.Values)
        {
            var schema = p.Schema ?? p.Content?.Values.FirstOrDefault()?.Schema;
            var location = LocationName(p.In);
            model.Inputs.Add(new InputModel(location, p.Name ?? "", Shape(schema), DefaultOf(schema), p.Required || location == "path"));
        }

        if (operation.RequestBody is { } body)
        {
            model.HasRequestBody = true;
            model.RequestBodyRequired = body.Required;
            var formFields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (mediaType, media) in body.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                model.RequestMedia[mediaType] = Shape(media.Schema);
                if (!IsFormMediaType(mediaType) || media.Schema is null)
                {
                    continue;
                }

                var required = RequiredOf(media.Schema);
                foreach (var (name, property) in PropertiesOf(media.Schema))
                {
                    if (formFields.Add(name))
                    {
                        model.Inputs.Add(new InputModel(FormLocation, name, Shape(property), DefaultOf(property), required.Contains(name)));
                    }
                }
            }
        }

        foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
        {
            var media = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                media[mediaType] = Shape(content.Schema);
            }

            model.Responses[status] = media;
        }

        return model;
    }

    private static string ParameterKey(IOpenApiParameter p) => LocationName(p.In) + " " + p.Name;

    private static string LocationName(ParameterLocation? location) => location switch
    {
        ParameterLocation.Query => "query",
        ParameterLocation.Path => "path",
        ParameterLocation.Header => "header",
        ParameterLocation.Cookie => "cookie",
        _ => "unknown",
    };

    private static IEnumerable<KeyValuePair<string, IOpenApiSchema>> PropertiesOf(IOpenApiSchema schema)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Flatten(schema))
        {
            foreach (var kv in s.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (seen.Add(kv.Key))
                {
                    yield return kv;
                }
            }
        }
    }

    private static HashSet<string> RequiredOf(IOpenApiSchema schema)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Flatten(schema))
        {
            required.UnionWith(s.Required ?? new HashSet<string>());
        }

        return required;
    }

    /// <summary>The schema and the members of its allOf (a form body may be composed).</summary>
    private static IEnumerable<IOpenApiSchema> Flatten(IOpenApiSchema schema)
    {
        yield return schema;
        foreach (var part in schema.AllOf ?? [])
        {
            foreach (var s in Flatten(part))
            {
                yield return s;
            }
        }
    }

    /// <summary>
    /// The default of a parameter or field as compact JSON, or null when there is none. A JSON <c>null</c> default counts as
    /// none (OpenAPI 3.1 servers write <c>default: null</c> for optional values that 3.0 leaves without a default).
    /// </summary>
    public static string? DefaultOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return null;
        }

        var node = schema.Default;
        if (node is null || JsonNullSentinel.IsJsonNullSentinel(node) || node.GetValueKind() == JsonValueKind.Null)
        {
            // `allOf: [$ref]` / `anyOf: [X, null]` wrappers may carry the default inside.
            var inner = Unwrap(schema);
            return ReferenceEquals(inner, schema) ? null : DefaultOf(inner);
        }

        return Canonical(node);
    }

    private static string Canonical(JsonNode node)
    {
        // YAML scalars may arrive as strings holding a number or boolean; the JSON text is what is compared.
        return node.ToJsonString(DefaultJson);
    }

    /// <summary>
    /// A short, document-independent description of a schema: <c>string</c>, <c>integer(int64)</c>, <c>string(binary)</c>,
    /// <c>string{all,labeled,unlabeled}</c>, <c>array&lt;string(binary)&gt;</c>, <c>object</c>, or <c>any</c> for an empty schema.
    /// Names of referenced schemas, titles, descriptions and nullability are ignored.
    /// </summary>
    public static string Shape(IOpenApiSchema? schema) => Shape(schema, 0);

    private static string Shape(IOpenApiSchema? schema, int depth)
    {
        if (schema is null || depth > 8)
        {
            return "any";
        }

        var inner = Unwrap(schema);
        if (!ReferenceEquals(inner, schema))
        {
            return Shape(inner, depth + 1);
        }

        var types = schema.Type is { } t ? t & ~JsonSchemaType.Null : (JsonSchemaType)0;
        var alternatives = (schema.AnyOf ?? []).Concat(schema.OneOf ?? []).Where(s => !IsNullOnly(s)).ToList();
        if (types == 0 && alternatives.Count > 1)
        {
            return string.Join("|", alternatives.Select(a => Shape(a, depth + 1)).Distinct().OrderBy(x => x, StringComparer.Ordinal));
        }

        if (types == 0)
        {
            if (schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null)
            {
                return "object";
            }

            if (schema.Items is not null)
            {
                types = JsonSchemaType.Array;
            }
            else if (schema.Enum is { Count: > 0 })
            {
                return "enum" + EnumText(schema.Enum);
            }
            else
            {
                return "any";
            }
        }

        var names = new List<string>();
        foreach (var flag in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if (!types.HasFlag(flag))
            {
                continue;
            }

            var name = flag switch
            {
                JsonSchemaType.Boolean => "boolean",
                JsonSchemaType.Integer => "integer",
                JsonSchemaType.Number => "number",
                JsonSchemaType.String => "string",
                JsonSchemaType.Array => "array",
                _ => "object",
            };
            if (flag == JsonSchemaType.Array)
            {
                name += "<" + Shape(schema.Items, depth + 1) + ">";
            }
            else if (flag != JsonSchemaType.Object)
            {
                var format = FormatOf(schema);
                if (format is not null)
                {
                    name += "(" + format + ")";
                }

                if (schema.Enum is { Count: > 0 })
                {
                    name += EnumText(schema.Enum);
                }
            }

            names.Add(name);
        }

        return string.Join("|", names);
    }

    private static string? FormatOf(IOpenApiSchema schema)
    {
        if (!string.IsNullOrEmpty(schema.Format))
        {
            return schema.Format;
        }

        // OpenAPI 3.1 writers (newer FastAPI) describe an uploaded file with contentMediaType instead of format: binary.
        if (schema is IOpenApiSchemaMissingProperties { ContentMediaType: "application/octet-stream" })
        {
            return "binary";
        }

        if (schema.UnrecognizedKeywords?.TryGetValue("contentMediaType", out var cmt) == true
            && cmt?.GetValueKind() == JsonValueKind.String && cmt.GetValue<string>() == "application/octet-stream")
        {
            return "binary";
        }

        return null;
    }

    private static string EnumText(IList<JsonNode> values) =>
        "{" + string.Join(",", values.Where(v => v is not null && !JsonNullSentinel.IsJsonNullSentinel(v) && v.GetValueKind() != JsonValueKind.Null)
                                     .Select(v => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString())
                                     .OrderBy(v => v, StringComparer.Ordinal)) + "}";

    private static bool IsNullOnly(IOpenApiSchema s) => s.Type == JsonSchemaType.Null;

    /// <summary>
    /// Sees through wrappers that carry no shape of their own: <c>allOf: [X]</c> (FastAPI's way to give a $ref a default),
    /// <c>anyOf/oneOf: [X, {type: null}]</c> (OpenAPI 3.1's nullable).
    /// </summary>
    private static IOpenApiSchema Unwrap(IOpenApiSchema schema)
    {
        var ownType = schema.Type is { } t ? t & ~JsonSchemaType.Null : (JsonSchemaType)0;
        if (ownType != 0 || schema.Properties is { Count: > 0 })
        {
            return schema;
        }

        if (schema.AllOf is { Count: 1 } allOf && schema.AnyOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 })
        {
            return allOf[0];
        }

        var alternatives = (schema.AnyOf ?? []).Concat(schema.OneOf ?? []).ToList();
        var nonNull = alternatives.Where(s => !IsNullOnly(s)).ToList();
        if (alternatives.Count > nonNull.Count && nonNull.Count == 1 && schema.AllOf is not { Count: > 0 })
        {
            return nonNull[0];
        }

        return schema;
    }
}
