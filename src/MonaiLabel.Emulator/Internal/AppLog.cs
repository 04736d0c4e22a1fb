using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace MonaiLabel.Emulator.Internal;

/// <summary>The server's <c>logs/app.log</c>: one line per event, in the server's log line layout.</summary>
internal sealed class AppLog
{
    private readonly object gate = new();
    private readonly int pid = Environment.ProcessId;

    public AppLog(string path)
    {
        FilePath = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }

    public string FilePath { get; }

    public void Info(string logger, string message) => Write("INFO", logger, message);

    public void Warning(string logger, string message) => Write("WARNING", logger, message);

    public void Error(string logger, string message) => Write("ERROR", logger, message);

    private void Write(string level, string logger, string message)
    {
        var ts = DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
        var thread = Thread.CurrentThread.Name ?? "Thread-" + Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture);
        var line = $"[{ts}] [{pid}] [{thread}] [{level}] ({logger}) - {message.Replace("\n", " ", StringComparison.Ordinal)}\n";
        lock (gate)
        {
            try
            {
                File.AppendAllText(FilePath, line, new UTF8Encoding(false));
            }
            catch (IOException)
            {
                // The data folder is being deleted: logging is best effort.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The last <paramref name="lines"/> lines (Python's <c>deque(file, lines)</c>).</summary>
    public string Tail(int lines)
    {
        lock (gate)
        {
            var all = File.ReadAllText(FilePath, Encoding.UTF8);
            var split = new List<string>();
            var start = 0;
            for (var i = 0; i < all.Length; i++)
            {
                if (all[i] == '\n')
                {
                    split.Add(all.Substring(start, i - start + 1));
                    start = i + 1;
                }
            }

            if (start < all.Length)
            {
                split.Add(all.Substring(start));
            }

            return string.Concat(split.Skip(Math.Max(0, split.Count - lines)));
        }
    }
}
