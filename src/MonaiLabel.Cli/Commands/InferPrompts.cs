using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MonaiLabel.Cli.Infrastructure;
using MonaiLabel.Client;

namespace MonaiLabel.Cli.Commands;

/// <summary>
/// Turns <see cref="InferPromptSettings"/> into the SDK's typed prompt and result options, and runs the infer with
/// the SDK's checks against the model's capabilities (one <c>GET /info/</c>). Anything refused — text that is not a
/// point, a prompt the model does not take, a DeepEdit label it does not have — is a <see cref="UsageException"/>
/// (exit 2, one line naming the model) and no infer request is sent. Without prompt or result options the infer runs
/// exactly as before (free-form <c>--params</c>, no extra round trip).
/// </summary>
internal static class InferPrompts
{
    public static async Task<InferResult> InferAsync(MonaiLabelClient client, string model, InferPromptSettings settings, InferRequest request, CancellationToken cancellationToken)
    {
        if (!settings.HasPrompt && !settings.HasResultOptions)
        {
            return await client.InferAsync(model, request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Label != null && settings.Scribbles != null)
        {
            throw Refused(model, "give the scribbles file once: --scribbles PATH (with --label-info), not also --label");
        }

        request.Prompt = Prompt(model, settings);
        request.ResultOptions = ResultOptions(model, settings);
        var capabilities = await client.GetModelCapabilitiesAsync(model, cancellationToken).ConfigureAwait(false);
        try
        {
            capabilities.Validate(request);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(WithoutParameterName(e));
        }

        return await client.InferAsync(capabilities, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The prompt the options describe: clicks, DeepEdit points or scribbles; null when none was given.</summary>
    internal static InferPrompt? Prompt(string model, InferPromptSettings s)
    {
        var clicks = Given(s.Foreground) || s.Slice != null || s.ResetState;
        var deepEdit = Given(s.Points);
        var scribbles = s.Scribbles != null || Given(s.LabelInfo);
        if ((clicks ? 1 : 0) + (deepEdit ? 1 : 0) + (scribbles ? 1 : 0) > 1)
        {
            throw Refused(model, "give one kind of prompt: clicks (--fg, --bg, --slice, --reset-state), DeepEdit points (--point LABEL=X,Y,Z) or scribbles (--scribbles PATH --label-info NAME=ID)");
        }

        if (deepEdit)
        {
            var prompt = new DeepEditPrompt { Label = s.LabelName };
            foreach (var text in s.Points!)
            {
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw Refused(model, $"--point '{text}' is not LABEL=X,Y,Z (e.g. spleen=10,20,30)");
                }

                prompt.Add(text[..eq].Trim(), Point(model, "--point", text[(eq + 1)..]));
            }

            foreach (var text in s.Background ?? Array.Empty<string>())
            {
                prompt.Add(DeepEditPrompt.BackgroundKey, Point(model, "--bg", text));
            }

            NotWith(model, s.Roi, "--roi", "DeepEdit points");
            return prompt;
        }

        if (scribbles)
        {
            if (s.Scribbles == null)
            {
                throw Refused(model, "--label-info needs --scribbles PATH (the scribbles label file)");
            }

            if (!File.Exists(s.Scribbles))
            {
                throw Refused(model, $"--scribbles: file '{s.Scribbles}' does not exist");
            }

            var prompt = ScribblesPrompt.FromFile(s.Scribbles);
            foreach (var text in s.LabelInfo ?? Array.Empty<string>())
            {
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || !int.TryParse(text[(eq + 1)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                {
                    throw Refused(model, $"--label-info '{text}' is not NAME=ID with an integer ID (e.g. background_scribbles=2)");
                }

                prompt.LabelInfo.Add(new ScribbleLabel(text[..eq].Trim(), id));
            }

            prompt.Roi = Box(model, s.Roi);
            NotWith(model, Given(s.Background) ? "x" : null, "--bg", "scribbles");
            NotWith(model, s.LabelName, "--label-name", "scribbles");
            return prompt;
        }

        if (!clicks && !Given(s.Background) && s.Roi == null && s.LabelName == null)
        {
            return null;
        }

        var click = new ClickPrompt { Label = s.LabelName, Roi = Box(model, s.Roi), ResetState = s.ResetState ? true : null };
        foreach (var text in s.Foreground ?? Array.Empty<string>())
        {
            click.Foreground.Add(Point(model, "--fg", text));
        }

        foreach (var text in s.Background ?? Array.Empty<string>())
        {
            click.Background.Add(Point(model, "--bg", text));
        }

        if (s.Slice != null)
        {
            click.Slice = int.TryParse(s.Slice.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var slice)
                ? slice
                : throw Refused(model, $"--slice '{s.Slice}' is not a slice index (an integer)");
        }

        return click;
    }

    /// <summary>The result options given; null when none.</summary>
    internal static InferResultOptions? ResultOptions(string model, InferPromptSettings s)
    {
        if (!s.HasResultOptions)
        {
            return null;
        }

        return new InferResultOptions
        {
            Extension = s.ResultExtension,
            DataType = s.ResultDataType,
            Compress = Bool(model, "--result-compress", s.ResultCompress),
            RestoreLabelIndices = Bool(model, "--restore-label-idx", s.RestoreLabelIndices),
        };
    }

    private static bool Given(string[]? values) => values is { Length: > 0 };

    private static VoxelPoint Point(string model, string option, string text) =>
        VoxelPoint.TryParse(text, out var point) ? point : throw Refused(model, $"{option} '{text}' is not a voxel point: give three integers X,Y,Z (e.g. 10,20,3)");

    private static VoxelBox? Box(string model, string? text)
    {
        if (text == null)
        {
            return null;
        }

        try
        {
            return VoxelBox.Parse(text);
        }
        catch (FormatException)
        {
            throw Refused(model, $"--roi '{text}' is not a box: give six integers X0,X1,Y0,Y1,Z0,Z1");
        }
    }

    private static bool? Bool(string model, string option, string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw Refused(model, $"{option} '{text}' is not true or false"),
    };

    private static void NotWith(string model, string? value, string option, string kind)
    {
        if (value != null)
        {
            throw Refused(model, $"{option} does not go with {kind}");
        }
    }

    private static UsageException Refused(string model, string problem) => new($"Model '{model}': {problem}. Nothing was sent.");

    // The SDK's message already names the model and the field; ArgumentException appends " (Parameter 'x')".
    private static string WithoutParameterName(ArgumentException e)
    {
        var suffix = e.ParamName == null ? null : $" (Parameter '{e.ParamName}')";
        var message = suffix != null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
        return message.EndsWith(".", StringComparison.Ordinal) ? message + " Nothing was sent." : message + "; nothing was sent.";
    }
}
