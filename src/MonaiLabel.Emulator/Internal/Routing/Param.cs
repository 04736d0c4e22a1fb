using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The parameter kinds the server's endpoints declare, each read with pydantic-1's conversion rules and error shapes
/// (<c>value_error.missing</c>, <c>type_error.bool</c>, <c>type_error.integer</c>, <c>type_error.enum</c>, ...).
/// </summary>
internal static class Param
{
    /// <summary>A path parameter (<c>{name}</c> in the template; Starlette never hands over an empty one).</summary>
    public static Parameter<string> Path(string name) =>
        new(name, ParameterSource.Path, (c, _) => c.PathParams[name]);

    /// <summary>A <c>str = default</c> query parameter.</summary>
    public static Parameter<string> Query(string name, string defaultValue) =>
        new(name, ParameterSource.Query, (c, _) => c.RawQuery(name) ?? defaultValue);

    /// <summary>An <c>Optional[str] = None</c> query parameter.</summary>
    public static Parameter<string?> OptionalQuery(string name) =>
        new(name, ParameterSource.Query, (c, _) => c.RawQuery(name));

    /// <summary>A required <c>str</c> query parameter.</summary>
    public static Parameter<string> RequiredQuery(string name) =>
        new(name, ParameterSource.Query, (c, errors) =>
        {
            var v = c.RawQuery(name);
            if (v == null)
            {
                errors.Add((JsonNode)ValidationFailed.Missing("query", name));
                return string.Empty;
            }

            return v;
        });

    /// <summary>A <c>bool = default</c> query parameter (pydantic-1's words for true and false).</summary>
    public static Parameter<bool> QueryBool(string name, bool defaultValue) =>
        new(name, ParameterSource.Query, (c, errors) =>
        {
            var v = c.RawQuery(name);
            if (v == null)
            {
                return defaultValue;
            }

            switch (v.Trim().ToLowerInvariant())
            {
                case "0": case "off": case "f": case "false": case "n": case "no":
                    return false;
                case "1": case "on": case "t": case "true": case "y": case "yes":
                    return true;
                default:
                    errors.Add((JsonNode)Error("query", name, "value could not be parsed to a boolean", "type_error.bool"));
                    return defaultValue;
            }
        });

    /// <summary>An <c>int</c> (or <c>Optional[int]</c>) query parameter with a default.</summary>
    public static Parameter<long?> QueryInt(string name, long? defaultValue) =>
        new(name, ParameterSource.Query, (c, errors) =>
        {
            var v = c.RawQuery(name);
            if (v == null)
            {
                return defaultValue;
            }

            if (long.TryParse(v.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }

            errors.Add((JsonNode)Error("query", name, "value is not a valid integer", "type_error.integer"));
            return defaultValue;
        });

    /// <summary>A query parameter typed by a <c>str</c> Enum, with a default (null: <c>Optional</c>).</summary>
    public static Parameter<string?> QueryEnum(string name, string[] permitted, string? defaultValue) =>
        new(name, ParameterSource.Query, (c, errors) =>
        {
            var v = c.RawQuery(name);
            if (v == null)
            {
                return defaultValue;
            }

            if (permitted.Contains(v, StringComparer.Ordinal))
            {
                return v;
            }

            var values = new JsonArray();
            foreach (var p in permitted)
            {
                values.Add((JsonNode?)p);
            }

            var error = Error("query", name, "value is not a valid enumeration member; permitted: " + string.Join(", ", permitted.Select(p => "'" + p + "'")), "type_error.enum");
            error["ctx"] = new JsonObject { ["enum_values"] = values };
            errors.Add((JsonNode)error);
            return defaultValue;
        });

    /// <summary>A <c>str = Form(default)</c> parameter: a missing or empty value takes the default.</summary>
    public static Parameter<string> FormStr(string name, string defaultValue) =>
        new(name, ParameterSource.Form, (c, errors) =>
        {
            var v = c.Form.Get(name);
            if (v == null || v.Text == string.Empty)
            {
                return defaultValue;
            }

            if (v.File != null)
            {
                errors.Add((JsonNode)StrExpected(name));
                return defaultValue;
            }

            return v.Text!;
        });

    /// <summary>A required <c>str = Form(...)</c> parameter (OAuth2PasswordRequestForm's username and password).</summary>
    public static Parameter<string> RequiredFormStr(string name) =>
        new(name, ParameterSource.Form, (c, errors) =>
        {
            var v = c.Form.Get(name);
            if (v?.Text is { Length: > 0 } text)
            {
                return text;
            }

            errors.Add((JsonNode)(v?.File != null ? StrExpected(name) : ValidationFailed.Missing("body", name)));
            return string.Empty;
        });

    /// <summary>An optional <c>str = Form(None, regex=pattern)</c> parameter matched from its start, as pydantic-1's <c>re.match</c>.</summary>
    public static Parameter<string?> FormMatching(string name, string pattern) =>
        new(name, ParameterSource.Form, (c, errors) =>
        {
            var text = c.Form.Get(name)?.Text;
            if (text is { Length: > 0 } && !text.StartsWith(pattern, StringComparison.Ordinal))
            {
                var error = Error("body", name, $"string does not match regex \"{pattern}\"", "value_error.str.regex");
                error["ctx"] = new JsonObject { ["pattern"] = pattern };
                errors.Add((JsonNode)error);
            }

            return text;
        });

    /// <summary>An <c>UploadFile = File(...)</c> (required) or <c>File(None)</c> parameter.</summary>
    public static Parameter<UploadedFile?> FormFile(string name, bool required) =>
        new(name, ParameterSource.Form, (c, errors) =>
        {
            var v = c.Form.Get(name);
            if (v == null || v.Text == string.Empty)
            {
                if (required)
                {
                    errors.Add((JsonNode)ValidationFailed.Missing("body", name));
                }

                return null;
            }

            if (v.File == null)
            {
                errors.Add((JsonNode)NotAFile(new JsonArray("body", name)));
                return null;
            }

            return v.File;
        });

    /// <summary>A <c>List[UploadFile] = File(...)</c> parameter.</summary>
    public static Parameter<List<UploadedFile>> FormFiles(string name) =>
        new(name, ParameterSource.Form, (c, errors) =>
        {
            var values = c.Form.GetAll(name);
            if (values.Count == 0)
            {
                errors.Add((JsonNode)ValidationFailed.Missing("body", name));
                return new List<UploadedFile>();
            }

            var files = new List<UploadedFile>();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i].File is { } f)
                {
                    files.Add(f);
                }
                else
                {
                    errors.Add((JsonNode)NotAFile(new JsonArray("body", name, i)));
                }
            }

            return files;
        });

    /// <summary>The single JSON body parameter typed <c>dict</c>: absent (or JSON <c>null</c>) gives the default.</summary>
    public static Parameter<JsonObject?> BodyDict(string name, Func<JsonObject?> defaultValue) =>
        new(name, ParameterSource.Body, (c, errors) =>
        {
            if (!c.BodyPresent || c.Body == null && c.BodyIsJson)
            {
                return defaultValue();
            }

            if (c.Body is JsonObject obj)
            {
                return obj;
            }

            errors.Add((JsonNode)new JsonObject
            {
                ["loc"] = new JsonArray("body"),
                ["msg"] = "value is not a valid dict",
                ["type"] = "type_error.dict",
            });
            return null;
        });

    private static JsonObject Error(string where, string name, string msg, string type) => new()
    {
        ["loc"] = new JsonArray(where, name),
        ["msg"] = msg,
        ["type"] = type,
    };

    private static JsonObject StrExpected(string name) => Error("body", name, "str type expected", "type_error.str");

    private static JsonObject NotAFile(JsonArray loc) => new()
    {
        ["loc"] = loc,
        ["msg"] = "Expected UploadFile, received: <class 'str'>",
        ["type"] = "value_error",
    };
}
