using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The emulated MONAI Label app (upstream's <c>MONAILabelApp</c>): its state (options, models, users, datastore,
/// sessions, tasks, train stats, log), seeding, and its behaviour (info, infer, infer_wsi, next sample, the train,
/// scoring and batch-infer work) in the partial files beside this one. The routers in Routers/ are thin over it.
/// </summary>
internal sealed partial class EmulatorApp
{
    private readonly object randomGate = new();
    private readonly Random random;
    private TokenIssuer? issuer;

    public EmulatorApp(MonaiLabelEmulatorOptions options, string dataDirectory)
    {
        Options = options;
        DataDirectory = dataDirectory;
        TempDirectory = Path.Combine(dataDirectory, "tmp");
        ModelDirectory = Path.Combine(dataDirectory, "model");
        Directory.CreateDirectory(TempDirectory);
        Directory.CreateDirectory(ModelDirectory);
        Models = (options.Models ?? EmulatorModel.Defaults()).ToList();
        if (options.Interactive)
        {
            Models.AddRange(EmulatorModel.InteractiveModels());
        }

        Users = options.Users ?? MonaiLabelEmulatorOptions.DefaultUsers();
        random = new Random(options.Seed);
        Log = new AppLog(Path.Combine(dataDirectory, "logs", "app.log"));

        var studies = Path.Combine(dataDirectory, "studies");
        WriteSampleImages(studies);
        Datastore = new LocalDatastore(studies);
        Sessions = new SessionStore(Path.Combine(dataDirectory, "sessions"), options.SessionExpiry);
        WritePretrainedModels();

        Train = new TaskRunner("train", TrainWorkAsync);
        Scoring = new TaskRunner("scoring", ScoringWorkAsync);
        BatchInfer = new TaskRunner("batch_infer", BatchInferWorkAsync);
        Log.Info("monailabel.interfaces.app", $"App Init - completed; datastore: {Datastore.ListImages().Count} image(s)");
    }

    public MonaiLabelEmulatorOptions Options { get; }

    public string DataDirectory { get; }

    public string TempDirectory { get; }

    public string ModelDirectory { get; }

    public List<EmulatorModel> Models { get; }

    public IDictionary<string, EmulatorUser> Users { get; }

    public LocalDatastore Datastore { get; }

    public SessionStore Sessions { get; }

    public AppLog Log { get; }

    public TaskRunner Train { get; }

    public TaskRunner Scoring { get; }

    public TaskRunner BatchInfer { get; }

    /// <summary>The server's base URL, known once Kestrel listens.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string Realm => Options.AuthRealm ?? new Uri(BaseUrl, "realms/monailabel").ToString();

    public TokenIssuer Issuer => issuer ?? throw new InvalidOperationException("The emulator has not started.");

    public void SetBaseUrl(Uri url)
    {
        BaseUrl = url;
        issuer = new TokenIssuer(Realm, Options.AuthClientId);
        if (Options.AutoUpdateScoring)
        {
            _ = AutoScoringAsync();
        }
    }

    public int NextRandom(int maxExclusive)
    {
        lock (randomGate)
        {
            return random.Next(maxExclusive);
        }
    }

    public double NextRandomDouble()
    {
        lock (randomGate)
        {
            return random.NextDouble();
        }
    }

    public EmulatorModel? FindModel(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>Python's truthiness of a JSON value.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject o => o.Count > 0,
        JsonArray a => a.Count > 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l != 0,
        JsonValue v when v.TryGetValue<int>(out var i) => i != 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        _ => true,
    };

    /// <summary><c>json.loads(text)</c> inside an endpoint: bad JSON is an unhandled error (500).</summary>
    public static JsonNode? LoadJson(string text)
    {
        try
        {
            return PyJson.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AppError("JSONDecodeError: " + e.Message);
        }
    }

    /// <summary><c>json.loads(params)</c> used as a dict (anything else fails on <c>.update</c>/indexing: 500).</summary>
    public static JsonObject LoadDict(string text) =>
        LoadJson(text) as JsonObject ?? throw new AppError("params is not a JSON object");

    public async Task ShutdownAsync()
    {
        await Task.WhenAll(Train.ShutdownAsync(), Scoring.ShutdownAsync(), BatchInfer.ShutdownAsync()).ConfigureAwait(false);
    }

    /// <summary>A temporary file path named like Python's NamedTemporaryFile.</summary>
    public string NewTempFile(string suffix) => Path.Combine(TempDirectory, Py.TempName(suffix));

    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
            else if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteSampleImages(string studies)
    {
        Directory.CreateDirectory(studies);
        for (var i = 1; i <= Options.SampleImages; i++)
        {
            var name = $"case_{i:00}.nii.gz";
            File.WriteAllBytes(Path.Combine(studies, name), FakeModel.Bytes($"{Options.Seed}:sample:{name}", Math.Max(0, Options.SampleImageSize)));
        }
    }

    private void WritePretrainedModels()
    {
        foreach (var model in Models.Where(m => m.Pretrained))
        {
            File.WriteAllBytes(ModelFile(model), FakeModel.Bytes($"{Options.Seed}:pretrained:{model.Name}", 4096));
        }
    }

    internal string ModelFile(EmulatorModel model) => Path.Combine(ModelDirectory, model.Name + ".pt");
}
