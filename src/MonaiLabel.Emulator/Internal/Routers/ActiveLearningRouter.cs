using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// activelearning.py: POST /activelearning/{strategy}, the next sample to label (the app's Sample).
internal sealed class ActiveLearningRouter(EmulatorApp app)
{
    private static readonly Parameter<string> Strategy = Param.Path("strategy");
    private static readonly Parameter<JsonObject?> Params = Param.BodyDict("params", () => null);

    /// <summary>The activelearning router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/activelearning/{strategy}", EmulatorRoles.User, NextSample, Strategy, Params);
    }

    private Task NextSample(Call c) =>
        Responses.Json(c.Http, 200, app.Sample(c.Get(Strategy), c.Get(Params), c.User.Username));
}
