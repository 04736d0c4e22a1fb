using System;
using System.Linq;
using System.Threading.Tasks;

namespace MonaiLabel.Benchmarks;

/// <summary>
/// <c>parser</c> | <c>e2e [--size-mib N] [--runs N] [--only infer|upload|download]</c> |
/// <c>startup [--server URL] [--runs N] [--mlabel PATH] [--packaged none]</c> | <c>concurrency [--calls N] [--size-mib N] [--rounds N]</c> |
/// <c>clicks [--server URL] [--clicks N] [--model M] [--size-mib N]</c>; the <c>sdk-*</c> modes are the child processes of e2e.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "parser":
                return ParserRunner.Run(rest);
            case "e2e":
                return await E2eRunner.RunAsync(rest);
            case "startup":
                return await StartupRunner.RunAsync(rest);
            case "concurrency":
                return await ConcurrencyRunner.RunAsync(rest);
            case "bulk":
                return await BulkReference.RunAsync(rest);
            case "clicks":
                return await ClickRunner.RunAsync(rest);
            case "server":
                return await ServeAsync(rest);
            case "refinements":
                return await RefinementProbe.RunAsync(rest);
            case "sdk-infer":
            case "sdk-upload":
            case "sdk-download":
            case "sdk-download-label":
                return await SdkChild.RunAsync(mode, rest);
            default:
                Console.Error.WriteLine(
                    "usage: dotnet run -c Release --project tools/MonaiLabel.Benchmarks -- parser [BenchmarkDotNet args]\n" +
                    "                                                                  -- e2e [--size-mib N] [--runs N] [--only infer|upload|download]\n" +
                    "                                                                  -- e2e --server URL|--reference [--size-mib 256] [--runs N] [--only ...] [--mlabel PATH]\n" +
                    "                                                                  -- startup [--server URL] [--runs N] [--mlabel PATH] [--packaged none]\n" +
                    "                                                                  -- concurrency [--calls N] [--size-mib N] [--rounds N]\n" +
                    "                                                                  -- bulk [--files 1000] [--size-kib 64] [--images 200] [--concurrency 8] [--mlabel PATH] [--only upload|resume|infer] [--port N]\n" +
                    "                                                                  -- clicks [--server URL] [--clicks 300] [--model sam_3d] [--size-mib 1]\n" +
                    "                                                                  -- server [--size-mib N] [--seconds N]\n" +
                    "                                                                  -- refinements warm|up|down|replay|infer1 URL ...");
                return 64;
        }
    }

    // The loopback server alone, for profiling a client by hand; stops by itself after --seconds (default 600).
    private static async Task<int> ServeAsync(string[] args)
    {
        await using var server = await BenchServer.StartAsync();
        if (Options.Long(args, "--size-mib") is { } mib)
        {
            server.InferLabelLength = mib << 20;
            server.DownloadLength = mib << 20;
        }

        Console.WriteLine(server.Url);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Options.Long(args, "--seconds") ?? 600), server.Stopping);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl+C.
        }

        return 0;
    }
}
