namespace MonaiLabel.Client.Tests.Wire;

/// <summary>
/// Task answers shaped as the server's AsyncTask builds them: id, status, request, start_ts (local
/// "YYYY-MM-DD HH:MM:SS"), result, details (last output lines), and end_ts once finished.
/// </summary>
internal static class TaskJson
{
    public static string Status(string id, string status, string requestJson, string? endTs = null, string result = "null") =>
        "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"request\":" + requestJson + "," +
        "\"start_ts\":\"2026-11-24 19:12:31\",\"result\":" + result + "," +
        "\"details\":[\"Epoch 1/2\",\"Epoch 2/2\"]" +
        (endTs == null ? string.Empty : ",\"end_ts\":\"" + endTs + "\"") + "}";
}
