using System.Collections.Generic;
using Newtonsoft.Json;

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

    /// <summary>
    /// The one place the client id joins a call's params, as the Python client's <c>_update_client_id</c> does: a
    /// copy of <paramref name="parameters"/> with <c>client_id</c> set when <see cref="ClientId"/> is (a caller's own
    /// <c>client_id</c> is kept). Every public method that sends params builds them here; the protocol layer sends
    /// what it is given.
    /// </summary>
    internal IDictionary<string, object?> WithClientId(IDictionary<string, object?>? parameters)
    {
        // Copy: the caller's dictionary may be shared between concurrent calls and must not change under them.
        var copy = parameters == null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(parameters);
        var clientId = ClientId;
        if (!string.IsNullOrEmpty(clientId) && !copy.ContainsKey("client_id"))
        {
            copy["client_id"] = clientId;
        }

        return copy;
    }

    /// <summary>The params as the JSON text of a <c>params</c> form field.</summary>
    internal string ParamsJson(IDictionary<string, object?>? parameters) =>
        JsonConvert.SerializeObject(WithClientId(parameters), JsonSerializerSettings);

    /// <summary>
    /// The params as a JSON request body (next sample, task starts): <see cref="WithClientId"/>, except that no params
    /// and no client id stay no body (<c>null</c>), as before.
    /// </summary>
    internal IDictionary<string, object?>? JsonBody(IDictionary<string, object?>? parameters) =>
        string.IsNullOrEmpty(ClientId) ? parameters : WithClientId(parameters);
}
