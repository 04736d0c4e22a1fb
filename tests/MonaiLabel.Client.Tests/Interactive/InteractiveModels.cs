using System.Collections.Generic;
using Newtonsoft.Json;

namespace MonaiLabel.Client.Tests.Interactive;

/// <summary>
/// The models of the reference server started with <c>--interactive</c> (upstream's radiology app: types,
/// dimensions, labels and configs as its <c>/info/</c> answers them), plus a segmentation model with a list-valued
/// config as Slicer's auto-segmentation reads it.
/// </summary>
internal static class InteractiveModels
{
    public const string InfoJson = """
        {"name": "mlref", "version": "0.8", "models": {
          "segmentation_spleen": {"type": "segmentation", "labels": {"spleen": 1, "liver": 2}, "dimension": 3, "description": "fake spleen segmentation (XOR 0xFF)", "config": {}},
          "deepedit": {"type": "deepedit", "labels": {"spleen": 1, "liver": 2}, "dimension": 3, "description": "fake deepedit (XOR 0xFF)", "config": {"cache_transforms": true}},
          "deepgrow_2d": {"type": "deepgrow", "labels": [], "dimension": 2, "description": "fake deepgrow 2D", "config": {"cache_transforms": true, "cache_transforms_in_memory": true, "cache_transforms_ttl": 300}},
          "deepgrow_3d": {"type": "deepgrow", "labels": [], "dimension": 3, "description": "fake deepgrow 3D", "config": {"cache_transforms": true, "cache_transforms_in_memory": true, "cache_transforms_ttl": 300}},
          "deepedit_seg": {"type": "segmentation", "labels": {"spleen": 1, "liver": 2}, "dimension": 3, "description": "fake deepedit (auto)", "config": {}},
          "sam_2d": {"type": "deepgrow", "labels": [], "dimension": 2, "description": "fake SAM2 2D", "config": {"device": ["cuda"], "reset_state": false, "largest_cc": false, "pylab": false}},
          "sam_3d": {"type": "deepgrow", "labels": [], "dimension": 3, "description": "fake SAM2 3D", "config": {"device": ["cuda"], "reset_state": false, "largest_cc": false, "pylab": false}},
          "Histogram+GraphCut": {"type": "scribbles", "labels": {"spleen": 1, "liver": 2}, "dimension": 3, "description": "fake histogram GraphCut", "config": {"lamda": 1.0, "sigma": 0.1, "num_bins": 64}},
          "segmentation_multi": {"type": "segmentation", "labels": ["spleen", "liver"], "dimension": 3, "description": "auto", "config": {"device": ["cuda", "cpu"], "largest_cc": false}}
        }}
        """;

    private static readonly IReadOnlyDictionary<string, ModelCapabilities> Models =
        ModelCapabilities.FromAppInfo(JsonConvert.DeserializeObject<AppInfo>(InfoJson)!);

    public static ModelCapabilities Get(string name) => Models[name];
}
