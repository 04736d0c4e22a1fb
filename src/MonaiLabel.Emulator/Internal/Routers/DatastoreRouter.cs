using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// datastore.py: the listing, images, labels, their info and the dataset archive.
internal sealed class DatastoreRouter(EmulatorApp app)
{
    /// <summary>The datastore router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/datastore/", Access.Role, EmulatorRoles.User, BodyKind.None, DatastoreListing);
        r.Add("PUT", "/datastore/image", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, AddImage);
        r.Add("PUT", "/datastore/", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, AddImage);
        r.Add("DELETE", "/datastore/image", Access.Role, EmulatorRoles.Admin, BodyKind.None, RemoveImage);
        r.Add("DELETE", "/datastore/", Access.Role, EmulatorRoles.Admin, BodyKind.None, RemoveImage);
        r.Add("HEAD", "/datastore/image", Access.Role, EmulatorRoles.User, BodyKind.None, CheckImage);
        r.Add("GET", "/datastore/image", Access.Role, EmulatorRoles.User, BodyKind.None, DownloadImage);
        r.Add("GET", "/datastore/image/info", Access.Role, EmulatorRoles.User, BodyKind.None, GetImageInfo);
        r.Add("PUT", "/datastore/image/info", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, PutImageInfo);
        r.Add("PUT", "/datastore/label", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, SaveLabel);
        r.Add("DELETE", "/datastore/label", Access.Role, EmulatorRoles.Admin, BodyKind.None, RemoveLabel);
        r.Add("HEAD", "/datastore/label", Access.Role, EmulatorRoles.User, BodyKind.None, CheckLabel);
        r.Add("GET", "/datastore/label", Access.Role, EmulatorRoles.User, BodyKind.None, DownloadLabel);
        r.Add("GET", "/datastore/label/info", Access.Role, EmulatorRoles.User, BodyKind.None, GetLabelInfo);
        r.Add("PUT", "/datastore/label/info", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, c => PutLabelInfo(c, "info"));
        r.Add("PUT", "/datastore/updatelabelinfo", Access.Role, EmulatorRoles.Annotator, BodyKind.Form, c => PutLabelInfo(c, "params"));
        r.Add("GET", "/datastore/dataset", Access.Role, EmulatorRoles.Annotator, BodyKind.None, DownloadDataset);
    }

    private static readonly string[] DatastoreOutputs = { "train", "stats", "all" };

    private Task DatastoreListing(Call c)
    {
        var output = c.QueryEnum("output", DatastoreOutputs, null);
        c.Validate();
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
        var image = c.QueryStr("image", null);
        var parameters = c.FormStr("params", "{}");
        var file = c.FormFile("file", required: true);
        c.Validate();

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
        var id = c.QueryRequired("id");
        c.Validate();
        app.Log.Info("monailabel.endpoints.datastore", $"Removing Image: {id} by {c.User.Username}");
        app.Datastore.RemoveImage(id);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task SaveLabel(Call c)
    {
        var image = c.QueryRequired("image");
        var tag = c.QueryStr("tag", LocalDatastore.Final)!;
        var parameters = c.FormStr("params", "{}");
        var label = c.FormFile("label", required: true);
        c.Validate();

        app.Log.Info("monailabel.endpoints.datastore", $"Saving Label for {image} for tag: {tag} by {c.User.Username}");
        var fileExt = string.IsNullOrEmpty(label!.FileName) ? ".nii.gz" : Py.AllSuffixes(label.FileName);
        tag = tag.Length > 0 ? tag : LocalDatastore.Final;
        var saveParams = parameters.Length > 0 ? EmulatorApp.LoadDict(parameters) : new JsonObject();
        var labelId = app.Datastore.SaveLabel(image, label.TempPath, Py.TempName(fileExt), tag, saveParams);
        return Responses.Json(c.Http, 200, new JsonObject { ["image"] = image, ["label"] = labelId });
    }

    private Task RemoveLabel(Call c)
    {
        var id = c.QueryRequired("id");
        var tag = c.QueryRequired("tag");
        c.Validate();
        app.Log.Info("monailabel.endpoints.datastore", $"Removing Label: {id} by {c.User.Username}");
        app.Datastore.RemoveLabel(id, tag);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task CheckImage(Call c)
    {
        var image = c.QueryRequired("image");
        var checkSum = c.QueryStr("check_sum", null);
        c.Validate();
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
        var image = c.QueryRequired("image");
        c.Validate();
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
        var image = c.QueryRequired("image");
        var tag = c.QueryRequired("tag");
        c.Validate();
        ExistingLabel(image, tag);
        return Responses.Json(c.Http, 200, new JsonObject());
    }

    private Task DownloadLabel(Call c)
    {
        var label = c.QueryRequired("label");
        var tag = c.QueryRequired("tag");
        c.Validate();
        var path = ExistingLabel(label, tag);
        return Responses.File(c.Http, path, null, Path.GetFileName(path));
    }

    private Task GetImageInfo(Call c)
    {
        var image = c.QueryRequired("image");
        c.Validate();
        return Responses.Json(c.Http, 200, app.Datastore.GetImageInfo(image));
    }

    private Task PutImageInfo(Call c)
    {
        var image = c.QueryRequired("image");
        var info = c.FormStr("info", "{}");
        c.Validate();
        app.Log.Info("monailabel.endpoints.datastore", $"Update Image Info: {image} by {c.User.Username}");
        var i = EmulatorApp.LoadDict(info);
        i["user"] = c.User.Username;
        app.Datastore.UpdateImageInfo(image, i);
        return Responses.Json(c.Http, 200, null);
    }

    private Task GetLabelInfo(Call c)
    {
        var label = c.QueryRequired("label");
        var tag = c.QueryRequired("tag");
        c.Validate();
        return Responses.Json(c.Http, 200, app.Datastore.GetLabelInfo(label, tag));
    }

    private Task PutLabelInfo(Call c, string field)
    {
        var label = c.QueryRequired("label");
        var tag = c.QueryRequired("tag");
        var info = c.FormStr(field, "{}");
        c.Validate();
        app.Log.Info("monailabel.endpoints.datastore", $"Update Label Info: {label} for {tag} by {c.User.Username}");
        var i = EmulatorApp.LoadDict(info);
        i["user"] = c.User.Username;
        app.Datastore.UpdateLabelInfo(label, tag, i);
        return Responses.Json(c.Http, 200, null);
    }

    private async Task DownloadDataset(Call c)
    {
        var limit = c.QueryInt("limit_cases", null);
        c.Validate();
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
