using System.Collections.Generic;
using Newtonsoft.Json;

namespace MonaiLabel.Client;

/// <summary>
/// Request params: the free-form JSON most calls take, with the client id added as the Python client's
/// <c>_update_client_id</c> does. The public face builds them once per call, with its client's
/// <see cref="ClientSettings"/>, before it calls the protocol layer, which sends what it is given.
/// </summary>
internal static class RequestParams
{
    /// <summary>
    /// The one place the client id joins a call's params: a copy of <paramref name="parameters"/> with
    /// <c>client_id</c> set when <see cref="ClientSettings.ClientId"/> is (a caller's own <c>client_id</c> is kept).
    /// </summary>
    public static IDictionary<string, object?> WithClientId(ClientSettings settings, IDictionary<string, object?>? parameters)
    {
        // Copy: the caller's dictionary may be shared between concurrent calls and must not change under them.
        var copy = parameters == null
            ? new Dictionary<string, object?>()
            : new Dictionary<string, object?>(parameters);
        var clientId = settings.ClientId;
        if (!string.IsNullOrEmpty(clientId) && !copy.ContainsKey("client_id"))
        {
            copy["client_id"] = clientId;
        }

        return copy;
    }

    /// <summary>The params as the JSON text of a <c>params</c> form field.</summary>
    public static string Json(ClientSettings settings, IDictionary<string, object?>? parameters, JsonSerializerSettings serializerSettings) =>
        JsonConvert.SerializeObject(WithClientId(settings, parameters), serializerSettings);

    /// <summary>
    /// The params as a JSON request body (next sample, task starts): <see cref="WithClientId"/>, except that no params
    /// and no client id stay no body (<c>null</c>).
    /// </summary>
    public static IDictionary<string, object?>? Body(ClientSettings settings, IDictionary<string, object?>? parameters) =>
        string.IsNullOrEmpty(settings.ClientId) ? parameters : WithClientId(settings, parameters);
}
