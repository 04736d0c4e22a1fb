using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// infer.py: POST /infer/{model}: the request from the query, the form and a session; the app's infer; the answer.
internal sealed class InferRouter(EmulatorApp app)
{
    private static readonly string[] InferOutputs = { "image", "json", "all", "dicom_seg" };

    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<string> Image = Param.Query("image", string.Empty);
    private static readonly Parameter<string> SessionId = Param.Query("session_id", string.Empty);
    private static readonly Parameter<string?> Output = Param.QueryEnum("output", InferOutputs, null);
    private static readonly Parameter<string> Params = Param.FormStr("params", "{}");
    private static readonly Parameter<UploadedFile?> FileUpload = Param.FormFile("file", required: false);
    private static readonly Parameter<UploadedFile?> LabelUpload = Param.FormFile("label", required: false);

    /// <summary>The infer router.</summary>
    public void Map(Router r)
    {
        r.Add("POST", "/infer/{model}", EmulatorRoles.User, Infer, Model, Image, SessionId, Output, Params, FileUpload, LabelUpload);
    }

    private async Task Infer(Call c)
    {
        var image = c.Get(Image);
        var sessionId = c.Get(SessionId);
        var output = c.Get(Output);
        var parameters = c.Get(Params);
        var file = c.Get(FileUpload);
        var label = c.Get(LabelUpload);

        var request = new JsonObject { ["model"] = c.Get(Model), ["image"] = image };
        if (file == null && image.Length == 0 && sessionId.Length == 0)
        {
            throw new HttpError(500, "Neither Image nor File not Session ID input is provided");
        }

        if (file != null)
        {
            request["image"] = file.TempPath;
        }

        string? labelFile = null;
        if (label != null)
        {
            // Kept under a temporary name with the upload's suffixes, as the endpoint does (models read the suffix).
            labelFile = app.NewTempFile(string.IsNullOrEmpty(label.FileName) ? ".nii.gz" : Py.AllSuffixes(label.FileName));
            File.Move(label.TempPath, labelFile);
            request["label"] = labelFile;
        }

        if (parameters.Length > 0)
        {
            foreach (var kv in EmulatorApp.LoadDict(parameters).ToList())
            {
                request[kv.Key] = PyJson.Clone(kv.Value);
            }
        }

        app.TakeSessionInput(request, sessionId);
        app.Log.Info("monailabel.endpoints.infer", "Infer Request: " + PyJson.Dumps(request));
        EmulatorApp.InferOutcome result;
        try
        {
            result = await app.InferAsync(request, c.Http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (labelFile != null)
            {
                EmulatorApp.TryDelete(labelFile);
            }
        }

        try
        {
            await (output switch
            {
                "dicom_seg" => throw new HttpError(500, "DICOM SEG format is not supported in a non-DICOM datastore"),
                "json" => Responses.Json(c.Http, 200, result.Params),
                "image" => Responses.File(c.Http, result.File, null, Path.GetFileName(result.File)),
                _ => Responses.Multipart(c.Http, result.Params, result.File),
            }).ConfigureAwait(false);
        }
        finally
        {
            EmulatorApp.TryDelete(result.File);
        }
    }
}
