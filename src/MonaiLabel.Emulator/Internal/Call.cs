using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// One request as a FastAPI endpoint sees it: path, query, form and JSON body parameters read with pydantic-1
/// conversion rules. Errors are collected in declaration order and raised together by <see cref="Validate"/>.
/// </summary>
internal sealed class Call
{
    private readonly JsonArray errors = new();

    public Call(HttpContext http, EmulatorApp app, Dictionary<string, string> pathParams)
    {
        Http = http;
        App = app;
        PathParams = pathParams;
    }

    public HttpContext Http { get; }

    public EmulatorApp App { get; }

    public Dictionary<string, string> PathParams { get; }

    public AuthUser User { get; set; } = AuthUser.Default;

    public FormData Form { get; set; } = FormData.Empty;

    /// <summary>The JSON (or raw) body when the route takes a JSON body; <see cref="BodyPresent"/> says whether one came.</summary>
    public JsonNode? Body { get; set; }

    public bool BodyPresent { get; set; }

    public bool BodyIsJson { get; set; }

    public string Path(string name) => PathParams[name];

    /// <summary>The last value of a query parameter, as Starlette's <c>QueryParams.get</c>.</summary>
    public string? RawQuery(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[values.Count - 1];
    }

    public string? QueryStr(string name, string? defaultValue) => RawQuery(name) ?? defaultValue;

    public string QueryRequired(string name)
    {
        var v = RawQuery(name);
        if (v == null)
        {
            errors.Add((JsonNode)ValidationFailed.Missing("query", name));
            return string.Empty;
        }

        return v;
    }

    public bool QueryBool(string name, bool defaultValue)
    {
        var v = RawQuery(name);
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
                errors.Add((JsonNode)new JsonObject
                {
                    ["loc"] = new JsonArray("query", name),
                    ["msg"] = "value could not be parsed to a boolean",
                    ["type"] = "type_error.bool",
                });
                return defaultValue;
        }
    }

    public long? QueryInt(string name, long? defaultValue)
    {
        var v = RawQuery(name);
        if (v == null)
        {
            return defaultValue;
        }

        if (long.TryParse(v.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        errors.Add((JsonNode)new JsonObject
        {
            ["loc"] = new JsonArray("query", name),
            ["msg"] = "value is not a valid integer",
            ["type"] = "type_error.integer",
        });
        return defaultValue;
    }

    public string? QueryEnum(string name, string[] permitted, string? defaultValue)
    {
        var v = RawQuery(name);
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

        errors.Add((JsonNode)new JsonObject
        {
            ["loc"] = new JsonArray("query", name),
            ["msg"] = "value is not a valid enumeration member; permitted: " + string.Join(", ", permitted.Select(p => "'" + p + "'")),
            ["type"] = "type_error.enum",
            ["ctx"] = new JsonObject { ["enum_values"] = values },
        });
        return defaultValue;
    }

    /// <summary>A <c>str = Form(default)</c> parameter: a missing or empty value takes the default.</summary>
    public string FormStr(string name, string defaultValue)
    {
        var v = Form.Get(name);
        if (v == null || v.Text == string.Empty)
        {
            return defaultValue;
        }

        if (v.File != null)
        {
            errors.Add((JsonNode)new JsonObject
            {
                ["loc"] = new JsonArray("body", name),
                ["msg"] = "str type expected",
                ["type"] = "type_error.str",
            });
            return defaultValue;
        }

        return v.Text!;
    }

    /// <summary>An <c>UploadFile = File(...)</c> (required) or <c>File(None)</c> parameter.</summary>
    public UploadedFile? FormFile(string name, bool required)
    {
        var v = Form.Get(name);
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
            errors.Add((JsonNode)new JsonObject
            {
                ["loc"] = new JsonArray("body", name),
                ["msg"] = "Expected UploadFile, received: <class 'str'>",
                ["type"] = "value_error",
            });
            return null;
        }

        return v.File;
    }

    /// <summary>A <c>List[UploadFile] = File(...)</c> parameter.</summary>
    public List<UploadedFile> FormFiles(string name)
    {
        var values = Form.GetAll(name);
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
                errors.Add((JsonNode)new JsonObject
                {
                    ["loc"] = new JsonArray("body", name, i),
                    ["msg"] = "Expected UploadFile, received: <class 'str'>",
                    ["type"] = "value_error",
                });
            }
        }

        return files;
    }

    /// <summary>A single JSON body parameter typed <c>dict</c>: absent gives the default.</summary>
    public JsonObject? BodyDict(Func<JsonObject?> defaultValue)
    {
        if (!BodyPresent || Body == null && BodyIsJson)
        {
            return defaultValue();
        }

        if (Body is JsonObject obj)
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
    }

    /// <summary>Raises the collected validation errors, if any, as FastAPI's 422.</summary>
    public void Validate()
    {
        if (errors.Count > 0)
        {
            throw new ValidationFailed(errors);
        }
    }

    public void AddError(JsonObject error) => errors.Add((JsonNode)error);
}
