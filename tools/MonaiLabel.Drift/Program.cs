using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace MonaiLabel.Drift;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return await DriftTool.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory()).ConfigureAwait(false);
    }
}
