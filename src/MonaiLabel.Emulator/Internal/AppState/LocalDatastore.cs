using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// MONAI Label's LocalDatastore: images in the studies folder, labels in <c>labels/&lt;tag&gt;/</c>, the index in
/// <c>datastore_v2.json</c>; image and label ids, extensions, info dictionaries and answers as the Python class makes them.
/// </summary>
internal sealed partial class LocalDatastore
{
    public const string Final = "final";
    public const string Original = "original";

    private static readonly string[] Extensions = { ".nii.gz", ".nii", ".nrrd", ".jpg", ".png", ".tif", ".svs", ".xml" };

    private readonly object gate = new();
    private readonly OrderedMap<ObjectEntry> objects = new();
    private readonly string root;

    public LocalDatastore(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(this.root);
        Directory.CreateDirectory(LabelPath(null));
        Directory.CreateDirectory(LabelPath(Final));
        Directory.CreateDirectory(LabelPath(Original));
        lock (gate)
        {
            Reconcile();
        }
    }

    public string Root => root;

    private sealed class DataEntry
    {
        public DataEntry(string ext, JsonObject info)
        {
            Ext = ext;
            Info = info;
        }

        public string Ext { get; }

        public JsonObject Info { get; }

        public JsonObject ToJson() => new() { ["ext"] = Ext, ["info"] = PyJson.Clone(Info) };
    }

    private sealed class ObjectEntry
    {
        public ObjectEntry(DataEntry image)
        {
            Image = image;
        }

        public DataEntry Image { get; }

        public OrderedMap<DataEntry> Labels { get; } = new();
    }

    private string LabelPath(string? tag) => tag == null ? Path.Combine(root, "labels") : Path.Combine(root, "labels", tag);

    /// <summary>The datastore's <c>_to_id</c>: the id and the extension of a file name.</summary>
    public static (string Id, string Ext) ToId(string file)
    {
        var ext = Py.FileExt(file);
        foreach (var e in Extensions)
        {
            if (file.EndsWith(e, StringComparison.Ordinal))
            {
                ext = e;
            }
        }

        var id = ext.Length == 0 ? file : file.Replace(ext, string.Empty, StringComparison.Ordinal);
        return (id, ext);
    }

    private static void CheckName(string name, string what)
    {
        // The Python server would write outside its folders (or fail) with such names; the emulator refuses them.
        if (name.Length == 0 || name == "." || name == ".." || name.Contains('/') || name.Contains('\\') || name.Contains('\0'))
        {
            throw new AppError($"Invalid {what}: {name}");
        }
    }

    public string AddImage(string? imageId, string sourceFile, string tempName, JsonObject info)
    {
        var (id, ext) = ToId(Py.BaseName(tempName));
        if (string.IsNullOrEmpty(imageId))
        {
            imageId = id;
        }

        var name = imageId + ext;
        CheckName(name, "image id");
        lock (gate)
        {
            var dest = Path.Combine(root, name);
            File.Copy(sourceFile, dest, overwrite: true);
            info["ts"] = Py.Now();
            info["name"] = name;
            objects.Set(imageId, new ObjectEntry(new DataEntry(ext, info)));
            Save();
        }

        return imageId;
    }

    public void RemoveImage(string imageId)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId) ?? throw new AppError($"Image {imageId} not found");
            foreach (var tag in obj.Labels.Keys.ToList())
            {
                RemoveLabelLocked(imageId, tag);
            }

            DeleteFile(Path.Combine(root, imageId + obj.Image.Ext));
            Reconcile();
        }
    }

    public string SaveLabel(string imageId, string sourceFile, string tempName, string tag, JsonObject info)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId) ?? throw new AppError($"Image {imageId} not found");
            var (_, ext) = ToId(Py.BaseName(tempName));
            CheckName(tag, "label tag");
            var name = imageId + ext;
            var dir = LabelPath(tag);
            Directory.CreateDirectory(dir);
            File.Copy(sourceFile, Path.Combine(dir, name), overwrite: true);
            info["ts"] = Py.Now();
            info["name"] = name;
            obj.Labels.Set(tag, new DataEntry(ext, info));
            Save();
            return imageId;
        }
    }

    public void RemoveLabel(string labelId, string tag)
    {
        lock (gate)
        {
            RemoveLabelLocked(labelId, tag);
            Reconcile();
        }
    }

    private void RemoveLabelLocked(string labelId, string tag)
    {
        var uri = LabelUriLocked(labelId, tag);
        if (uri.Length > 0)
        {
            DeleteFile(uri);
        }
    }

    public string GetImageUri(string imageId)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId);
            return obj == null ? string.Empty : Path.Combine(root, imageId + obj.Image.Ext);
        }
    }

    public string GetLabelUri(string labelId, string tag)
    {
        lock (gate)
        {
            return LabelUriLocked(labelId, tag);
        }
    }

    private string LabelUriLocked(string labelId, string tag)
    {
        var label = objects.Get(labelId)?.Labels.Get(tag);
        return label == null ? string.Empty : Path.Combine(LabelPath(tag), labelId + label.Ext);
    }

    public JsonObject GetImageInfo(string imageId)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId);
            if (obj == null)
            {
                return new JsonObject();
            }

            var info = (JsonObject)PyJson.Clone(obj.Image.Info)!;
            info["path"] = Path.Combine(root, imageId + obj.Image.Ext);
            return info;
        }
    }

    public JsonObject GetLabelInfo(string labelId, string tag)
    {
        lock (gate)
        {
            var label = objects.Get(labelId)?.Labels.Get(tag);
            return label == null ? new JsonObject() : (JsonObject)PyJson.Clone(label.Info)!;
        }
    }

    public void UpdateImageInfo(string imageId, JsonObject info)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId) ?? throw new AppError($"Image {imageId} not found");
            foreach (var kv in info.ToList())
            {
                obj.Image.Info[kv.Key] = PyJson.Clone(kv.Value);
            }

            Save();
        }
    }

    public void UpdateLabelInfo(string labelId, string tag, JsonObject info)
    {
        lock (gate)
        {
            var label = objects.Get(labelId)?.Labels.Get(tag) ?? throw new AppError($"Label: {labelId} Tag: {tag} not found");
            foreach (var kv in info.ToList())
            {
                label.Info[kv.Key] = PyJson.Clone(kv.Value);
            }

            Save();
        }
    }

    public List<string> ListImages()
    {
        lock (gate)
        {
            return objects.Keys.ToList();
        }
    }

    public List<string> GetLabeledImages()
    {
        lock (gate)
        {
            return objects.Where(o => o.Value.Labels.Get(Final) != null).Select(o => o.Key).ToList();
        }
    }

    public List<string> GetUnlabeledImages()
    {
        lock (gate)
        {
            return objects.Where(o => o.Value.Labels.Get(Final) == null).Select(o => o.Key).ToList();
        }
    }

    /// <summary>The image id and tag pairs that have a label file.</summary>
    public Dictionary<string, string> GetLabelsByImageId(string imageId)
    {
        lock (gate)
        {
            var obj = objects.Get(imageId);
            return obj == null ? new Dictionary<string, string>() : obj.Labels.Keys.ToDictionary(t => t, _ => imageId);
        }
    }

    public JsonObject Status()
    {
        lock (gate)
        {
            var tags = new JsonObject();
            var completed = 0;
            foreach (var (_, obj) in objects)
            {
                foreach (var (tag, _) in obj.Labels)
                {
                    tags[tag] = (tags[tag]?.GetValue<long>() ?? 0) + 1;
                }

                if (obj.Labels.Get(Final) != null)
                {
                    completed++;
                }
            }

            return new JsonObject { ["total"] = objects.Count, ["completed"] = completed, ["label_tags"] = tags };
        }
    }

    public JsonObject Json()
    {
        lock (gate)
        {
            return JsonLocked();
        }
    }

    private JsonObject JsonLocked()
    {
        var objs = new JsonObject();
        foreach (var (id, obj) in objects)
        {
            var labels = new JsonObject();
            foreach (var (tag, label) in obj.Labels)
            {
                labels[tag] = label.ToJson();
            }

            objs[id] = new JsonObject { ["image"] = obj.Image.ToJson(), ["labels"] = labels };
        }

        return new JsonObject
        {
            ["name"] = "new-dataset",
            ["description"] = "New Dataset",
            ["images_dir"] = ".",
            ["labels_dir"] = "labels",
            ["objects"] = objs,
        };
    }

    public JsonArray Datalist()
    {
        lock (gate)
        {
            var list = new JsonArray();
            foreach (var (id, obj) in objects)
            {
                var label = obj.Labels.Get(Final);
                if (label != null)
                {
                    list.Add((JsonNode)new JsonObject
                    {
                        ["image"] = Path.Combine(root, id + obj.Image.Ext),
                        ["label"] = Path.Combine(LabelPath(Final), id + label.Ext),
                    });
                }
            }

            return list;
        }
    }

    /// <summary><c>get_dataset_archive</c>: a zip of <c>image/</c>, <c>label/</c> (final labels) and <c>metadata.json</c>.</summary>
    public void WriteDatasetArchive(string zipPath, long? limitCases)
    {
        lock (gate)
        {
            var dl = Datalist();
            if (dl.Count == 0)
            {
                throw new AppError("ZIP archive was not created, nothing to include");
            }

            var items = dl.Select(n => (JsonObject)n!).ToList();
            if (limitCases is long limit && limit >= 1 && limit < items.Count)
            {
                items = items.Take((int)limit).ToList();
            }

            using var stream = new FileStream(zipPath, FileMode.CreateNew, FileAccess.Write);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var item in items)
            {
                foreach (var key in new[] { "image", "label" })
                {
                    var path = item[key]!.GetValue<string>();
                    archive.CreateEntryFromFile(path, key + "/" + Path.GetFileName(path));
                }
            }

            var entry = archive.CreateEntry("metadata.json");
            using var writer = entry.Open();
            var bytes = PyJson.FastApi(JsonLocked());
            writer.Write(bytes, 0, bytes.Length);
        }
    }
}
