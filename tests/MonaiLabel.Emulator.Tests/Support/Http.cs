using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Tests.Support;

/// <summary>Raw HTTP helpers for the wire tests.</summary>
internal static class Http
{
    /// <summary>
    /// A raw client. After a 500 the emulator closes the connection a moment later, as uvicorn does; a request that
    /// went out on that pooled connection meanwhile is reset before the server read it, so it is sent once more.
    /// </summary>
    public static HttpClient Client(MonaiLabelEmulator server) =>
        new(new ReplayOnResetHandler(new SocketsHttpHandler { AllowAutoRedirect = false })) { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };

    private sealed class ReplayOnResetHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is IOException && request.Content is null or ByteArrayContent or MultipartContent)
            {
                var again = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
                foreach (var header in request.Headers)
                {
                    again.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                return await base.SendAsync(again, cancellationToken);
            }
        }
    }

    public static async Task<(int Status, string? ContentType, byte[] Body, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response);
    }

    public static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var v) || response.Content.Headers.TryGetValues(name, out v))
        {
            return string.Join(", ", v);
        }

        return null;
    }

    /// <summary>A multipart body like the Python client's: <c>params</c> then file parts.</summary>
    public static MultipartFormDataContent Form(string? parameters, params (string Name, string FileName, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        if (parameters != null)
        {
            form.Add(new StringContent(parameters), "params");
        }

        foreach (var (name, fileName, data) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, name, fileName);
        }

        return form;
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}

/// <summary>Deterministic test data.</summary>
internal static class Data
{
    public static byte[] Volume(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "emu-tests-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
