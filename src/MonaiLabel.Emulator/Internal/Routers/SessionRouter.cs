using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// session.py: GET/DELETE /session/{session_id} and PUT /session/.
internal sealed class SessionRouter(EmulatorApp app)
{
    /// <summary>The session router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/session/{session_id}", Access.Role, EmulatorRoles.User, BodyKind.None, GetSession);
        r.Add("PUT", "/session/", Access.Role, EmulatorRoles.User, BodyKind.Form, CreateSession);
        r.Add("DELETE", "/session/{session_id}", Access.Role, EmulatorRoles.User, BodyKind.None, DeleteSession);
    }

    private Task CreateSession(Call c)
    {
        var uncompress = c.QueryBool("uncompress", false);
        var expiry = c.QueryInt("expiry", 0)!.Value;
        var files = c.FormFiles("files");
        c.Validate();

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
        var id = c.Path("session_id");
        var updateTs = c.QueryBool("update_ts", false);
        var image = c.QueryBool("image", false);
        c.Validate();
        var session = app.Sessions.Get(id, updateTs) ?? throw new HttpError(404, $"Session ({id}) Not Found");
        if (image)
        {
            return Responses.File(c.Http, session.Image, null, GetBaseName(session.Image));
        }

        return Responses.Json(c.Http, 200, session.ToJson());
    }

    private Task DeleteSession(Call c)
    {
        var id = c.Path("session_id");
        c.Validate();
        var session = app.Sessions.Get(id, updateTs: true) ?? throw new HttpError(404, "Session Not Found");
        app.Sessions.Remove(id);
        return Responses.Json(c.Http, 200, session.ToJson());
    }
}
