using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// info.py: GET /info/, the app's info.
internal sealed class InfoRouter(EmulatorApp app)
{
    /// <summary>The info router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/info/", EmulatorRoles.User, Info);
    }

    private Task Info(Call c) => Responses.Json(c.Http, 200, app.Info());
}
