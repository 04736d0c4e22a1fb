using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MonaiLabel.Client;
using Xunit;

namespace MonaiLabel.Conformance.Tests.Support;

/// <summary>The base of every scenario class: a client on the shared server, a temp folder, unique ids, data.</summary>
public abstract class Scenario : IDisposable
{
    private readonly List<IDisposable> owned = new();

    protected Scenario(ServerFixture server)
    {
        Server = server;
        Temp = Path.Combine(Path.GetTempPath(), "mlconf-t-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Temp);
        Client = Own(new MonaiLabelClient(server.Url));
    }

    protected ServerFixture Server { get; }

    protected MonaiLabelClient Client { get; }

    /// <summary>A folder for this scenario's files, deleted afterwards.</summary>
    protected string Temp { get; }

    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    protected MonaiLabelClient ClientFor(Uri url, string? username = null, string? password = null, string? token = null) =>
        Own(MonaiLabelClient.Create(new MonaiLabelClientOptions { ServerUrl = url, Username = username, Password = password, AccessToken = token }));

    /// <summary>An id no other scenario uses (ASCII, sortable after the seeded names).</summary>
    protected static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Deterministic bytes from a text seed (both halves of the byte range, so threshold models see both).</summary>
    protected static byte[] Data(string seed, int length = 3000)
    {
        var result = new byte[length];
        var block = Encoding.UTF8.GetBytes(seed + "#");
        for (int offset = 0, counter = 0; offset < length; counter++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "#" + counter));
            var n = Math.Min(hash.Length, length - offset);
            Array.Copy(hash, 0, result, offset, n);
            offset += n;
        }

        return result;
    }

    protected string WriteFile(string name, byte[] content)
    {
        var dir = Path.Combine(Temp, Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Uploads an image under <paramref name="id"/> and answers its bytes.</summary>
    protected async Task<byte[]> SeedImageAsync(string id, MonaiLabelClient? client = null, int length = 3000)
    {
        var bytes = Data(id, length);
        var added = await (client ?? Client).UploadImageAsync(new FileParameter(new MemoryStream(bytes), id + ".nii.gz"), id);
        Assert.Equal(id, added.Image);
        return bytes;
    }

    protected static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>Polls a task until it leaves SUBMITTED/RUNNING (no timing assertion: a generous bound against a hang).</summary>
    protected static async Task<BackgroundTask> WaitEndAsync(Func<Task<BackgroundTask>> get, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        var task = await get();
        while ((task.Status == BackgroundTaskState.Submitted || task.Status == BackgroundTaskState.Running || task.Status == "PENDING") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            task = await get();
        }

        return task;
    }

    /// <summary>Waits until no task of a kind runs (the real server scores on its own at start and after a next sample).</summary>
    protected static async Task WaitIdleAsync(Func<Task<bool>> isRunning) =>
        Assert.True(await EventuallyAsync(async () => !await isRunning(), TimeSpan.FromMinutes(3)));

    /// <summary>
    /// Waits until no train, scoring or batch-infer task runs. On the real server these run as sub-processes that
    /// write the datastore's JSON when they end (scoring also runs on its own after each next sample), which can bring
    /// back an image deleted meanwhile: scenarios that delete wait for them first.
    /// </summary>
    protected static async Task WaitAllIdleAsync(MonaiLabelClient client)
    {
        await WaitIdleAsync(() => client.IsTrainingRunningAsync());
        await WaitIdleAsync(() => client.IsScoringRunningAsync());
        await WaitIdleAsync(() => client.IsBatchInferRunningAsync());
    }

    /// <summary>Polls until <paramref name="condition"/> holds (a generous bound against a hang).</summary>
    protected static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        foreach (var d in owned)
        {
            d.Dispose();
        }

        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
