using System;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// model.py: download, info, upload and delete of a model's weights file.
internal sealed class ModelRouter(EmulatorApp app)
{
    private static readonly Parameter<string> Model = Param.Path("model");
    private static readonly Parameter<UploadedFile?> FileUpload = Param.FormFile("file", required: true);

    /// <summary>The model router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/model/{model}", EmulatorRoles.Admin, DownloadModel, Model);
        r.Add("GET", "/model/info/{model}", EmulatorRoles.Admin, ModelInfo, Model);
        r.Add("PUT", "/model/{model}", EmulatorRoles.Annotator, UploadModel, Model, FileUpload);
        r.Add("DELETE", "/model/{model}", EmulatorRoles.Annotator, DeleteModel, Model);
    }

    private string ExistingModelFile(string model)
    {
        var m = app.FindModel(model);
        var file = m == null ? null : app.ModelFile(m);
        if (file == null || !File.Exists(file))
        {
            throw new HttpError(404, $"Model File NOT Found for {model}");
        }

        return file;
    }

    private Task DownloadModel(Call c)
    {
        var model = c.Get(Model);
        var file = ExistingModelFile(model);
        return Responses.File(c.Http, file, null, model + Py.FileExt(file));
    }

    private Task ModelInfo(Call c)
    {
        var model = c.Get(Model);
        var file = ExistingModelFile(model);
        var info = new JsonObject
        {
            ["checksum"] = Py.FileChecksum(file),
            ["modified_time"] = new DateTimeOffset(File.GetLastWriteTimeUtc(file)).ToUnixTimeSeconds(),
        };
        var stats = app.TrainStats(model);
        if (stats.Count > 0)
        {
            info["train_stats"] = stats;
        }

        return Responses.Json(c.Http, 200, info);
    }

    private Task UploadModel(Call c)
    {
        var model = c.Get(Model);
        var file = c.Get(FileUpload);
        var m = app.FindModel(model) ?? throw new HttpError(500, $"Model File Name NOT configured for {model}");
        var target = app.ModelFile(m);
        app.Log.Info("monailabel.endpoints.model", $"Updating Model File for model: {model}; => {target}");
        File.Copy(file!.TempPath, target, overwrite: true);
        return Responses.Json(c.Http, 200, new JsonObject
        {
            ["checksum"] = Py.FileChecksum(target),
            ["modified_time"] = new DateTimeOffset(File.GetLastWriteTimeUtc(target)).ToUnixTimeSeconds(),
        });
    }

    private Task DeleteModel(Call c)
    {
        var model = c.Get(Model);
        var file = ExistingModelFile(model);
        File.Move(file, $"{file}.{DateTime.Now.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}.deleted", overwrite: true);
        return Responses.Json(c.Http, 200, new JsonObject());
    }
}
