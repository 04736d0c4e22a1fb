using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

// The datastore index on disk: saving it, deleting files and reconciling the index with the folders.
internal sealed partial class LocalDatastore
{
    private void Save()
    {
        var text = PyJson.DumpsIndented(JsonLocked(), 2);
        File.WriteAllText(Path.Combine(root, "datastore_v2.json"), text, new UTF8Encoding(false));
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary><c>_reconcile_datastore</c>: drops entries whose files are gone, adds files found on disk.</summary>
    private void Reconcile()
    {
        var changed = RemoveNonExisting();
        foreach (var file in ListFiles(root))
        {
            var (id, ext) = ToId(file);
            if (objects.Get(id) == null)
            {
                var info = new JsonObject { ["ts"] = Py.Now(), ["name"] = id + ext };
                objects.Set(id, new ObjectEntry(new DataEntry(ext, info)));
                changed = true;
            }
        }

        foreach (var tagDir in Directory.GetDirectories(LabelPath(null)).OrderBy(d => d, StringComparer.Ordinal))
        {
            var tag = Path.GetFileName(tagDir);
            foreach (var file in ListFiles(tagDir))
            {
                var (id, ext) = ToId(file);
                var obj = objects.Get(id);
                if (obj != null && obj.Labels.Get(tag) == null)
                {
                    obj.Labels.Set(tag, new DataEntry(ext, new JsonObject { ["ts"] = Py.Now(), ["name"] = id + ext }));
                    changed = true;
                }
            }
        }

        if (changed || !File.Exists(Path.Combine(root, "datastore_v2.json")))
        {
            Save();
        }
    }

    private bool RemoveNonExisting()
    {
        var changed = false;
        foreach (var (id, obj) in objects)
        {
            if (!File.Exists(Path.Combine(root, id + obj.Image.Ext)))
            {
                objects.Remove(id);
                changed = true;
                continue;
            }

            foreach (var (tag, label) in obj.Labels)
            {
                if (!File.Exists(Path.Combine(LabelPath(tag), id + label.Ext)))
                {
                    obj.Labels.Remove(tag);
                    changed = true;
                }
            }
        }

        return changed;
    }

    private static IEnumerable<string> ListFiles(string dir) =>
        Directory.GetFiles(dir)
            .Select(Path.GetFileName)
            .Where(n => n != null && Extensions.Any(e => n.EndsWith(e, StringComparison.Ordinal)))
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal);
}
