using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// datastore.py: the listing, images, labels, their info and the dataset archive.
internal sealed class DatastoreRouter(EmulatorApp app)
{
    private static readonly string[] DatastoreOutputs = { "train", "stats", "all" };

    private static readonly Parameter<string?> Output = Param.QueryEnum("output", DatastoreOutputs, null);
    private static readonly Parameter<string?> OptionalImage = Param.OptionalQuery("image");
    private static readonly Parameter<string> Image = Param.RequiredQuery("image");
    private static readonly Parameter<string> Label = Param.RequiredQuery("label");
    private static readonly Parameter<string> Id = Param.RequiredQuery("id");
    private static readonly Parameter<string> Tag = Param.RequiredQuery("tag");
    private static readonly Parameter<string> TagOrFinal = Param.Query("tag", LocalDatastore.Final);
    private static readonly Parameter<string?> CheckSum = Param.OptionalQuery("check_sum");
    private static readonly Parameter<long?> LimitCases = Param.QueryInt("limit_cases", null);
    private static readonly Parameter<string> Params = Param.FormStr("params", "{}");
    private static readonly Parameter<string> Info = Param.FormStr("info", "{}");
    private static readonly Parameter<UploadedFile?> FileUpload = Param.FormFile("file", required: true);
    private static readonly Parameter<UploadedFile?> LabelUpload = Param.FormFile("label", required: true);

    /// <summary>The datastore router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/datastore/", EmulatorRoles.User, DatastoreListing, Output);
        r.Add("PUT", "/datastore/image", EmulatorRoles.Annotator, AddImage, OptionalImage, Params, FileUpload);
        r.Add("PUT", "/datastore/", EmulatorRoles.Annotator, AddImage, OptionalImage, Params, FileUpload);
        r.Add("DELETE", "/datastore/image", EmulatorRoles.Admin, RemoveImage, Id);
        r.Add("DELETE", "/datastore/", EmulatorRoles.Admin, RemoveImage, Id);
        r.Add("HEAD", "/datastore/image", EmulatorRoles.User, CheckImage, Image, CheckSum);
        r.Add("GET", "/datastore/image", EmulatorRoles.User, DownloadImage, Image);
        r.Add("GET", "/datastore/image/info", EmulatorRoles.User, GetImageInfo, Image);
        r.Add("PUT", "/datastore/image/info", EmulatorRoles.Annotator, PutImageInfo, Image, Info);
        r.Add("PUT", "/datastore/label", EmulatorRoles.Annotator, SaveLabel, Image, TagOrFinal, Params, LabelUpload);
        r.Add("DELETE", "/datastore/label", EmulatorRoles.Admin, RemoveLabel, Id, Tag);
        r.Add("HEAD", "/datastore/label", EmulatorRoles.User, CheckLabel, Image, Tag);
        r.Add("GET", "/datastore/label", EmulatorRoles.User, DownloadLabel, Label, Tag);
        r.Add("GET", "/datastore/label/info", EmulatorRoles.User, GetLabelInfo, Label, Tag);
        r.Add("PUT", "/datastore/label/info", EmulatorRoles.Annotator, c => PutLabelInfo(c, c.Get(Info)), Label, Tag, Info);
        r.Add("PUT", "/datastore/updatelabelinfo", EmulatorRoles.Annotator, c => PutLabelInfo(c, c.Get(Params)), Label, Tag, Params);
        r.Add("GET", "/datastore/dataset", EmulatorRoles.Annotator, DownloadDataset, LimitCases);
    }

    private Task DatastoreListing(Call c)
    {
        var output = c.Get(Output);
        JsonNode answer = (output ?? "stats") switch
        {
            "all" => app.Datastore.Json(),
            "train" => app.Datastore.Datalist(),
            _ => app.Datastore.Status(),
        };
        return Responses.Json(c.Http, 200, answer);
    }

    private Task AddImage(Call c)
    {
        var image = c.Get(OptionalImage);
        var parameters = c.Get(Params);
        var file = c.Get(FileUpload);

        app.Log.Info("monailabel.endpoints.datastore", $"Image: {image}; File: {file!.FileName}; params: {parameters}");
        var fileExt = string.IsNullOrEmpty(file.FileName) ? ".nii.gz" : Py.AllSuffixes(file.FileName);
        var baseName = Py.BaseName(file.FileName ?? string.Empty);
        var imageId = !string.IsNullOrEmpty(image) ? image : fileExt.Length == 0 ? baseName : baseName.Replace(fileExt, string.Empty, StringComparison.Ordinal);
        var saveParams = parameters.Length > 0 ? EmulatorApp.LoadDict(parameters) : new JsonObject();
        saveParams["user"] = c.User.Username;
        var id = app.Datastore.AddImage(imageId, file.TempPath, Py.TempName(fileExt), saveParams);
        return Responses.Json(c.Http, 200, new JsonObject { ["image"] = id });
    }

    private Task RemoveImage(Call c)
    {
        var id = c.Get(Id);
        app.Log.Info("monailabel.endpoints.datastore", $"Removing Image: {id} by {c.User.Username}");
        app.Datastore.RemoveImage(id);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task SaveLabel(Call c)
    {
        var image = c.Get(Image);
        var tag = c.Get(TagOrFinal);
        var parameters = c.Get(Params);
        var label = c.Get(LabelUpload);

        app.Log.Info("monailabel.endpoints.datastore", $"Saving Label for {image} for tag: {tag} by {c.User.Username}");
        var fileExt = string.IsNullOrEmpty(label!.FileName) ? ".nii.gz" : Py.AllSuffixes(label.FileName);
        tag = tag.Length > 0 ? tag : LocalDatastore.Final;
        var saveParams = parameters.Length > 0 ? EmulatorApp.LoadDict(parameters) : new JsonObject();
        var labelId = app.Datastore.SaveLabel(image, label.TempPath, Py.TempName(fileExt), tag, saveParams);
        return Responses.Json(c.Http, 200, new JsonObject { ["image"] = image, ["label"] = labelId });
    }

    private Task RemoveLabel(Call c)
    {
        var id = c.Get(Id);
        var tag = c.Get(Tag);
        app.Log.Info("monailabel.endpoints.datastore", $"Removing Label: {id} by {c.User.Username}");
        app.Datastore.RemoveLabel(id, tag);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task CheckImage(Call c)
    {
        var image = c.Get(Image);
        var checkSum = c.Get(CheckSum);
        var path = ExistingImage(image);
        if (!string.IsNullOrEmpty(checkSum))
        {
            // The server's own comparison, kept as it is: the digest it compares has no "ALGO:" prefix while
            // file_checksum's answer has one, so a check_sum never matches.
            var fields = checkSum.Split(':');
            var algo = fields.Length == 1 ? "SHA256" : fields[0];
            var digest = fields.Length > 1 ? Py.LStripChars(checkSum, algo + ":") : checkSum;
            if (digest != Py.FileChecksum(path, algo))
            {
                throw new HttpError(404, "Image NOT Found (checksum failed)");
            }
        }

        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task DownloadImage(Call c)
    {
        var image = c.Get(Image);
        var path = ExistingImage(image);
        return Responses.File(c.Http, path, null, Path.GetFileName(path));
    }

    private string ExistingImage(string image)
    {
        var path = app.Datastore.GetImageUri(image);
        if (path.Length == 0 || !File.Exists(path))
        {
            app.Log.Error("monailabel.endpoints.datastore", $"Image NOT Found or is a directory: {path}");
            throw new HttpError(404, "Image NOT Found or is a directory");
        }

        return path;
    }

    private string ExistingLabel(string label, string tag)
    {
        var path = app.Datastore.GetLabelUri(label, tag);
        if (path.Length == 0 || !File.Exists(path))
        {
            app.Log.Error("monailabel.endpoints.datastore", $"Label NOT Found or is a directory: {path}");
            throw new HttpError(404, "Label NOT Found or is a directory");
        }

        return path;
    }

    private Task CheckLabel(Call c)
    {
        var image = c.Get(Image);
        var tag = c.Get(Tag);
        ExistingLabel(image, tag);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task DownloadLabel(Call c)
    {
        var label = c.Get(Label);
        var tag = c.Get(Tag);
        var path = ExistingLabel(label, tag);
        return Responses.File(c.Http, path, null, Path.GetFileName(path));
    }

    private Task GetImageInfo(Call c)
    {
        var image = c.Get(Image);
        return Responses.Json(c.Http, 200, app.Datastore.GetImageInfo(image));
    }

    private Task PutImageInfo(Call c)
    {
        var image = c.Get(Image);
        var info = c.Get(Info);
        app.Log.Info("monailabel.endpoints.datastore", $"Update Image Info: {image} by {c.User.Username}");
        var i = EmulatorApp.LoadDict(info);
        i["user"] = c.User.Username;
        app.Datastore.UpdateImageInfo(image, i);
        return Responses.Json(c.Http, 200, null);
    }

    private Task GetLabelInfo(Call c)
    {
        var label = c.Get(Label);
        var tag = c.Get(Tag);
        return Responses.Json(c.Http, 200, app.Datastore.GetLabelInfo(label, tag));
    }

    private Task PutLabelInfo(Call c, string info)
    {
        var label = c.Get(Label);
        var tag = c.Get(Tag);
        app.Log.Info("monailabel.endpoints.datastore", $"Update Label Info: {label} for {tag} by {c.User.Username}");
        var i = EmulatorApp.LoadDict(info);
        i["user"] = c.User.Username;
        app.Datastore.UpdateLabelInfo(label, tag, i);
        return Responses.Json(c.Http, 200, null);
    }

    private async Task DownloadDataset(Call c)
    {
        var limit = c.Get(LimitCases);
        var zip = app.NewTempFile(string.Empty);
        try
        {
            app.Datastore.WriteDatasetArchive(zip, limit);
            await Responses.File(c.Http, zip, "application/octet-stream", "dataset.zip").ConfigureAwait(false);
        }
        finally
        {
            EmulatorApp.TryDelete(zip);
        }
    }
}
