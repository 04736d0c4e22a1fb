using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace MonaiLabel.Emulator.Internal;

// logs.py: GET /logs/ (text, HTML page or lines) and /logs/gpu.
internal sealed class LogsRouter(EmulatorApp app)
{
    private static readonly Parameter<long?> Lines = Param.QueryInt("lines", 300);
    private static readonly Parameter<bool> Html = Param.QueryBool("html", true);
    private static readonly Parameter<bool> Text = Param.QueryBool("text", false);
    private static readonly Parameter<long?> Refresh = Param.QueryInt("refresh", 0);

    /// <summary>The logs router.</summary>
    public void Map(Router r)
    {
        r.Add("GET", "/logs/", EmulatorRoles.Admin, Logs, Lines, Html, Text, Refresh);
        r.Add("GET", "/logs/gpu", EmulatorRoles.Admin, GpuInfo);
    }

    private Task Logs(Call c)
    {
        var lines = c.Get(Lines);
        var html = c.Get(Html);
        var text = c.Get(Text);
        var refresh = c.Get(Refresh);
        var refreshSeconds = refresh is long r && r != 0 ? Math.Max(r, 3) : 0;
        if (lines is long n && n > 0)
        {
            if (html && !text)
            {
                return Responses.Text(c.Http, 200, LogsPage(refreshSeconds), "text/html");
            }

            return Responses.Text(c.Http, 200, app.Log.Tail((int)Math.Min(n, int.MaxValue)));
        }

        return Responses.File(c.Http, app.Log.FilePath, "text/plain", null);
    }

    /// <summary>A small page that shows the log text (fetched with <c>?text=true</c>) and refreshes it.</summary>
    private static string LogsPage(long refreshSeconds)
    {
        var refresh = refreshSeconds > 0
            ? $"setInterval(load, {(refreshSeconds * 1000).ToString(CultureInfo.InvariantCulture)});"
            : string.Empty;
        return "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>MONAI Label Emulator - Logs</title></head>\n" +
               "<body style=\"margin:0\">\n<pre id=\"log\" style=\"white-space:pre-wrap;font-family:monospace;margin:8px\"></pre>\n" +
               "<script>\nfunction load() {\n  fetch(\"?text=true\").then(r => r.text()).then(t => {\n" +
               "    const e = document.getElementById(\"log\"); e.textContent = t; window.scrollTo(0, document.body.scrollHeight);\n  });\n}\n" +
               "load();\n" + refresh + "\n</script>\n</body>\n</html>\n";
    }

    private Task GpuInfo(Call c)
    {
        var sb = new StringBuilder();
        sb.Append(DateTime.Now.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("+-----------------------------------------------------------------------------+\n");
        sb.Append("| MONAI Label Emulator: no GPU is used; inference and training are emulated.  |\n");
        sb.Append("+-----------------------------------------------------------------------------+\n");
        sb.Append("No devices were found\n");
        return Responses.Text(c.Http, 200, sb.ToString());
    }
}
