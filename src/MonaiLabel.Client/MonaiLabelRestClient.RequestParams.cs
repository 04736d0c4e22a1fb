using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MonaiLabel.Client;

// Request params: the free-form JSON most calls take, with the client id added as the Python client does.
internal partial class MonaiLabelRestClient
{
    /// <summary>
    /// Settings of every generated (de)serialisation: free-form answers (<c>object</c>, <c>AdditionalProperties</c>,
    /// params) keep strings that look like dates as strings, exactly as the server sent them, instead of Newtonsoft's
    /// default of turning them into <see cref="System.DateTime"/> (which changes their text and time zone).
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        settings.DateParseHandling = DateParseHandling.None;
    }

    /// <summary>A copy of <paramref name="parameters"/> with <c>client_id</c> set when <see cref="ClientId"/> is.</summary>
    internal IDictionary<string, object?> WithClientId(IDictionary<string, object?>? parameters)
    {
        // Copy: the caller's dictionary may be shared between concurrent calls and must not change under them.
        var copy = parameters == null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(parameters);
        var clientId = ClientId;
        if (!string.IsNullOrEmpty(clientId))
        {
            copy["client_id"] = clientId;
        }

        return copy;
    }

    /// <summary>The params as the JSON text of a <c>params</c> form field.</summary>
    internal string ParamsJson(IDictionary<string, object?>? parameters) =>
        JsonConvert.SerializeObject(WithClientId(parameters), JsonSerializerSettings);

    /// <summary>
    /// Adds <c>client_id</c> to a JSON-object request body (next sample, train, scoring, batch params), as the Python
    /// client does, unless the caller set one. Runs for every generated call; other bodies pass unchanged.
    /// </summary>
    private void AddClientIdToJsonBody(HttpRequestMessage request)
    {
        var clientId = ClientId;
        if (string.IsNullOrEmpty(clientId) || !(request.Content is StringContent content) ||
            content.Headers.ContentType?.MediaType != "application/json")
        {
            return;
        }

        // StringContent is already in memory, so this read completes synchronously.
        var json = content.ReadAsStringAsync().GetAwaiter().GetResult();
        JObject body;
        try
        {
            // Read as sent: date-like strings must not be re-written as DateTime (their text and zone would change).
            using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None };
            var parsed = JToken.ReadFrom(reader);
            if (parsed.Type == JTokenType.Null)
            {
                body = new JObject(); // No params (a null body): the Python client still sends {"client_id": ...}.
            }
            else if (!(parsed is JObject parsedObject) || parsedObject.ContainsKey("client_id"))
            {
                return;
            }
            else
            {
                body = parsedObject;
            }
        }
        catch (JsonException)
        {
            return;
        }

        body["client_id"] = clientId;
        var replaced = new StringContent(body.ToString(Formatting.None), Encoding.UTF8);
        replaced.Headers.ContentType = content.Headers.ContentType;
        request.Content = replaced;
        content.Dispose();
    }
}
