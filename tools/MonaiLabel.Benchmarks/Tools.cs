using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>Child processes: the SDK side, curl, sync.</summary>
internal static class Tools
{
    private const string GnuTime = "/usr/bin/time";

    public static void RequireCurl()
    {
        try
        {
            Run("curl", new[] { "--version" });
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("curl is needed for the e2e comparison: apt-get install -y curl", e);
        }
    }

    public static string CurlVersion() => Run("curl", new[] { "--version" }).Output.Split('\n')[0].Split(' ').Take(2).Aggregate((a, b) => a + " " + b);

    public static void RequireFreeSpace(string directory, long bytes)
    {
        var free = new DriveInfo(directory).AvailableFreeSpace;
        if (free < bytes + (1L << 30))
        {
            throw new InvalidOperationException($"{directory} has {Format.Bytes(free)} free; the benchmark needs {Format.Bytes(bytes)} and 1 GiB to spare");
        }
    }

    /// <summary>Runs <c>dotnet tool.dll MODE ARGS</c>; returns its result line and the process's wall time.</summary>
    public static (ChildResult Result, double ProcessSeconds) RunChild(string mode, params string[] args)
    {
        Settle();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var (output, seconds) = Run(dotnet, new[] { typeof(Tools).Assembly.Location, mode }.Concat(args).ToArray());
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(SdkChild.ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{mode} printed no result:\n{output}");
        var result = JsonSerializer.Deserialize<ChildResult>(line.Substring(SdkChild.ResultPrefix.Length))!;
        return (result, seconds);
    }

    /// <summary>
    /// Runs curl saving the answer to <paramref name="output"/>; returns its wall time, and its CPU time and peak RSS
    /// when GNU time (/usr/bin/time) is there to tell them.
    /// </summary>
    public static CurlRun Curl(string output, params string[] args)
    {
        Settle();
        var curlArgs = new[] { "-s", "-S", "-f", "-o", output }.Concat(args);
        if (!File.Exists(GnuTime))
        {
            return new CurlRun(Run("curl", curlArgs.ToArray()).Seconds, null, null, 0);
        }

        var usage = Path.GetTempFileName();
        try
        {
            var seconds = Run(GnuTime, new[] { "-f", "%U %S %M", "-o", usage, "curl" }.Concat(curlArgs).ToArray()).Seconds;
            var fields = File.ReadAllText(usage).Trim().Split('\n').Last().Split(' ');
            var cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
            return new CurlRun(seconds, cpu, long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024, 0);
        }
        finally
        {
            File.Delete(usage);
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>fsync(2) of one file (coreutils <c>sync FILE</c>); returns its wall time.</summary>
    public static double Fsync(string path) => Run("sync", new[] { path }).Seconds;

    // Flushes earlier runs' dirty pages so that their write-back does not land inside the next measurement.
    private static void Settle() => Run("sync", Array.Empty<string>());

    internal static (string Output, double Seconds) Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{stderr.Result}");
        }

        return (output, stopwatch.Elapsed.TotalSeconds);
    }
}

/// <summary>One curl transfer: wall and CPU seconds, peak RSS, and the fsync of its file afterwards (0 if none).</summary>
internal sealed record CurlRun(double Seconds, double? CpuSeconds, long? MaxRss, double FsyncSeconds);

internal static class Options
{
    public static string? String(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static long? Long(string[] args, string name) =>
        String(args, name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
