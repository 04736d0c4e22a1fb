using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace MonaiLabel.Emulator.Internal;

/// <summary>One session's <c>meta.info</c> (the server's SessionInfo).</summary>
internal sealed class SessionInfo
{
    public SessionInfo(string name, string path, string image, long createTs, long expiry)
    {
        Name = name;
        PathName = path;
        Image = image;
        CreateTs = createTs;
        LastAccessTs = createTs;
        LastAccess = DateTime.UtcNow;
        Expiry = expiry;
    }

    public string Name { get; }

    public string PathName { get; }

    public string Image { get; }

    public long CreateTs { get; }

    public long LastAccessTs { get; set; }

    /// <summary>The precise last access (the server keeps whole seconds; expiry is checked against this).</summary>
    public DateTime LastAccess { get; set; }

    public long Expiry { get; }

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["path"] = PathName,
        ["image"] = Image,
        ["meta"] = new JsonObject(),
        ["create_ts"] = CreateTs,
        ["last_access_ts"] = LastAccessTs,
        ["expiry"] = Expiry,
    };
}

/// <summary>
/// The server's Sessions: one folder per session holding the uploaded image (or the folder of several files, or an
/// unpacked archive) and <c>meta.info</c>. The server drops expired sessions from a clean-up job; the emulator drops
/// them when they are next looked up, so an expired session answers 404 at once.
/// </summary>
internal sealed class SessionStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, SessionInfo> sessions = new(StringComparer.Ordinal);
    private readonly string storePath;
    private readonly long maxExpiry;

    public SessionStore(string storePath, TimeSpan maxExpiry)
    {
        this.storePath = storePath;
        this.maxExpiry = Math.Max(1, (long)Math.Ceiling(maxExpiry.TotalSeconds));
        Directory.CreateDirectory(storePath);
    }

    /// <summary><c>add_session</c>: moves the received file (or folder) into the session folder.</summary>
    public SessionInfo Add(string dataPath, long expiry, bool uncompress)
    {
        var imagePath = dataPath;
        if (!Directory.Exists(dataPath) && uncompress)
        {
            var folder = Path.Combine(Path.GetDirectoryName(dataPath)!, Py.TempName());
            Directory.CreateDirectory(folder);
            Unpack(dataPath, folder);
            imagePath = folder;
        }

        var id = Py.Uuid1();
        var path = Path.Combine(storePath, id);
        Directory.CreateDirectory(path);
        var image = Path.Combine(path, Path.GetFileName(imagePath.TrimEnd(Path.DirectorySeparatorChar)));
        if (Directory.Exists(imagePath))
        {
            Directory.Move(imagePath, image);
        }
        else
        {
            File.Move(imagePath, image);
        }

        expiry = expiry > 0 ? expiry : maxExpiry;
        var info = new SessionInfo(id, path, image, Py.Now(), Math.Min(expiry, maxExpiry));
        lock (gate)
        {
            sessions[id] = info;
            WriteMeta(info);
        }

        return info;
    }

    /// <summary><c>get_session</c>: null when unknown, expired or its image is gone.</summary>
    public SessionInfo? Get(string id, bool updateTs)
    {
        lock (gate)
        {
            if (!sessions.TryGetValue(id, out var info))
            {
                return null;
            }

            var expired = info.Expiry > 0 && (DateTime.UtcNow - info.LastAccess).TotalSeconds > info.Expiry;
            if (expired || (!File.Exists(info.Image) && !Directory.Exists(info.Image)))
            {
                RemoveLocked(id);
                return null;
            }

            if (updateTs)
            {
                info.LastAccess = DateTime.UtcNow;
                info.LastAccessTs = Py.Now();
                WriteMeta(info);
            }

            return info;
        }
    }

    public void Remove(string id)
    {
        lock (gate)
        {
            RemoveLocked(id);
        }
    }

    private void RemoveLocked(string id)
    {
        sessions.Remove(id);
        var path = Path.Combine(storePath, id);
        try
        {
            if (Directory.Exists(path))
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

    private static void WriteMeta(SessionInfo info) =>
        File.WriteAllText(Path.Combine(info.PathName, "meta.info"), PyJson.Dumps(info.ToJson()), new UTF8Encoding(false));

    /// <summary><c>shutil.unpack_archive</c> for zip, tar, tar.gz (by name, as shutil picks the format).</summary>
    private static void Unpack(string archive, string folder)
    {
        var name = archive.ToLowerInvariant();
        try
        {
            if (name.EndsWith(".zip", StringComparison.Ordinal))
            {
                ZipFile.ExtractToDirectory(archive, folder);
            }
            else if (name.EndsWith(".tar.gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal))
            {
                using var file = File.OpenRead(archive);
                using var gz = new GZipStream(file, CompressionMode.Decompress);
                TarFile.ExtractToDirectory(gz, folder, overwriteFiles: true);
            }
            else if (name.EndsWith(".tar", StringComparison.Ordinal))
            {
                TarFile.ExtractToDirectory(archive, folder, overwriteFiles: true);
            }
            else
            {
                throw new AppError($"Unknown archive format '{archive}'");
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            throw new AppError("Failed to unpack " + archive + ": " + e.Message);
        }
    }
}
