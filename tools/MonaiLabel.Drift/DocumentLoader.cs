using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace MonaiLabel.Drift;

/// <summary>Something the tool could not do (bad argument, unreadable file, unreachable server): exit code 2.</summary>
public sealed class DriftToolException : Exception
{
    public DriftToolException(string message) : base(message) { }

    public DriftToolException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A read OpenAPI document, where it came from, and what the reader complained about (printed as warnings).</summary>
public sealed record LoadedDocument(OpenApiDocument Document, string Source, string Version, IReadOnlyList<string> ReaderErrors);

/// <summary>Reads OpenAPI 3.0 / 3.1 descriptions, JSON or YAML, with Microsoft.OpenApi 3.x.</summary>
public static class DocumentLoader
{
    /// <summary>Parses <paramref name="text"/>; the format is sniffed (a JSON document starts with <c>{</c>).</summary>
    public static LoadedDocument Parse(string text, string source)
    {
        var format = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? "json" : "yaml";
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, format, settings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DriftToolException($"cannot read {source} as OpenAPI: {e.Message}", e);
        }

        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || result.Document.Paths is null || result.Document.Paths.Count == 0)
        {
            var why = errors.Count > 0 ? errors[0].ToString() : "no paths";
            throw new DriftToolException($"cannot read {source} as OpenAPI: {why}");
        }

        var version = result.Diagnostic?.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi2_0 => "2.0",
            OpenApiSpecVersion.OpenApi3_0 => "3.0",
            OpenApiSpecVersion.OpenApi3_1 => "3.1",
            OpenApiSpecVersion.OpenApi3_2 => "3.2",
            _ => "unknown",
        };
        return new LoadedDocument(result.Document, source, version, errors.Select(e => e.ToString()).ToList());
    }

    public static LoadedDocument LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DriftToolException($"cannot read {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>The address of a server's description: <c>URL/openapi.json</c>, or URL itself when it already names a .json/.yaml file.</summary>
    public static Uri DescriptionUri(string server)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DriftToolException($"--server needs an http(s) URL, got '{server}'");
        }

        var path = uri.AbsolutePath;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var builder = new UriBuilder(uri) { Path = path.TrimEnd('/') + "/openapi.json" };
        return builder.Uri;
    }

    public static async Task<LoadedDocument> LoadServerAsync(string server, HttpClient? http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uri = DescriptionUri(server);
        var owned = http is null;
        http ??= new HttpClient();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DriftToolException($"cannot fetch {uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var text = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
            return Parse(text, uri.ToString());
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DriftToolException($"cannot fetch {uri}: no answer within {timeout.TotalSeconds:0} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new DriftToolException($"cannot fetch {uri}: {e.Message}", e);
        }
        finally
        {
            if (owned)
            {
                http.Dispose();
            }
        }
    }
}
