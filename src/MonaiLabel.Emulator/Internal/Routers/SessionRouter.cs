using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// session.py: GET/DELETE /session/{session_id} and PUT /session/.
internal sealed class SessionRouter(EmulatorApp app)
{
    private static readonly Parameter<string> SessionId = Param.Path("session_id");
    private static readonly Parameter<bool> UpdateTs = Param.QueryBool("update_ts", false);
    private static readonly Parameter<bool> WithImage = Param.QueryBool("image", false);
    private static readonly Parameter<bool> Uncompress = Param.QueryBool("uncompress", false);
    private static readonly Parameter<long?> Expiry = Param.QueryInt("expiry", 0);
    private static readonly Parameter<List<UploadedFile>> Files = Param.FormFiles("files");

    /// <summary>The session router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/session/{session_id}", EmulatorRoles.User, GetSession, SessionId, UpdateTs, WithImage);
        r.Add("PUT", "/session/", EmulatorRoles.User, CreateSession, Uncompress, Expiry, Files);
        r.Add("DELETE", "/session/{session_id}", EmulatorRoles.User, DeleteSession, SessionId);
    }

    private Task CreateSession(Call c)
    {
        var uncompress = c.Get(Uncompress);
        var expiry = c.Get(Expiry)!.Value;
        var files = c.Get(Files);

        var received = Path.Combine(app.TempDirectory, Py.TempName());
        Directory.CreateDirectory(received);
        try
        {
            var input = string.Empty;
            foreach (var f in files)
            {
                var name = string.IsNullOrEmpty(f.FileName) ? Py.TempName() : GetBaseName(f.FileName);
                input = Path.Combine(received, name);
                File.Copy(f.TempPath, input, overwrite: true);
            }

            if (files.Count > 1)
            {
                input = received;
            }

            app.Log.Info("monailabel.endpoints.session", $"Uncompress: {uncompress}; Expiry: {expiry}");
            var session = app.Sessions.Add(input, expiry, uncompress);
            return Responses.Json(c.Http, 200, new JsonObject { ["session_id"] = session.Name, ["session_info"] = session.ToJson() });
        }
        finally
        {
            EmulatorApp.TryDelete(received);
        }
    }

    /// <summary>MONAI Label's <c>get_basename</c> (a trailing slash names the folder).</summary>
    private static string GetBaseName(string path)
    {
        var trimmed = path.EndsWith('/') ? path.TrimEnd('/') : path;
        var name = Py.BaseName(trimmed);
        return name.Length == 0 ? Py.TempName() : name;
    }

    private Task GetSession(Call c)
    {
        var id = c.Get(SessionId);
        var updateTs = c.Get(UpdateTs);
        var image = c.Get(WithImage);
        var session = app.Sessions.Get(id, updateTs) ?? throw new HttpError(404, $"Session ({id}) Not Found");
        if (image)
        {
            return Responses.File(c.Http, session.Image, null, GetBaseName(session.Image));
        }

        return Responses.Json(c.Http, 200, session.ToJson());
    }

    private Task DeleteSession(Call c)
    {
        var id = c.Get(SessionId);
        var session = app.Sessions.Get(id, updateTs: true) ?? throw new HttpError(404, "Session Not Found");
        app.Sessions.Remove(id);
        return Responses.Json(c.Http, 200, session.ToJson());
    }
}
