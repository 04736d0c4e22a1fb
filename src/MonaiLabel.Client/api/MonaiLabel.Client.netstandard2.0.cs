[assembly: System.Runtime.Versioning.TargetFramework(".NETStandard,Version=v2.0", FrameworkDisplayName=".NET Standard 2.0")]
namespace MonaiLabel.Client
{
    public class AddImageResult
    {
        public AddImageResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("image", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Image { get; set; }
    }
    public class AppInfo
    {
        public AppInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("config", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Config { get; set; }
        [Newtonsoft.Json.JsonProperty("datastore", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.DatastoreStats? Datastore { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public object? Labels { get; set; }
        [Newtonsoft.Json.JsonProperty("models", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.ModelInfoEntry>? Models { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("scoring", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.ScoringInfoEntry>? Scoring { get; set; }
        [Newtonsoft.Json.JsonProperty("strategies", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.StrategyInfoEntry>? Strategies { get; set; }
        [Newtonsoft.Json.JsonProperty("train_stats", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.TrainStats>? TrainStats { get; set; }
        [Newtonsoft.Json.JsonProperty("trainers", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.TrainerInfoEntry>? Trainers { get; set; }
        [Newtonsoft.Json.JsonProperty("version", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Version { get; set; }
    }
    public class AuthSettings
    {
        public AuthSettings() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("client_id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ClientId { get; set; }
        [Newtonsoft.Json.JsonProperty("enabled", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public bool? Enabled { get; set; }
        [Newtonsoft.Json.JsonProperty("realm", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Realm { get; set; }
    }
    public class AuthToken
    {
        public AuthToken() { }
        [Newtonsoft.Json.JsonProperty("access_token", Required=Newtonsoft.Json.Required.AllowNull)]
        public string? AccessToken { get; set; }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("token_type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? TokenType { get; set; }
    }
    public class BackgroundTask
    {
        public BackgroundTask() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("details", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<string>? Details { get; set; }
        [Newtonsoft.Json.JsonProperty("end_ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? EndTs { get; set; }
        [Newtonsoft.Json.JsonProperty("id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Id { get; set; }
        [Newtonsoft.Json.JsonProperty("request", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Request { get; set; }
        [Newtonsoft.Json.JsonProperty("start_ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? StartTs { get; set; }
        [Newtonsoft.Json.JsonProperty("status", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.BackgroundTaskState? Status { get; set; }
    }
    public enum BackgroundTaskKind
    {
        Training = 0,
        Scoring = 1,
        BatchInfer = 2,
    }
    public class BackgroundTaskOperation
    {
        public static readonly System.TimeSpan DefaultPollInterval;
        protected BackgroundTaskOperation() { }
        public virtual bool HasCompleted { get; }
        public virtual bool HasFailed { get; }
        public virtual string? Id { get; }
        public virtual MonaiLabel.Client.BackgroundTaskKind Kind { get; }
        public virtual System.Collections.Generic.IReadOnlyList<MonaiLabel.Client.ModelTaskStart> ModelStarts { get; }
        public virtual Newtonsoft.Json.Linq.JToken? StartAnswer { get; }
        public virtual MonaiLabel.Client.BackgroundTaskState? Status { get; }
        public virtual MonaiLabel.Client.BackgroundTask Value { get; }
        public virtual System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> UpdateStatusAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> WaitForCompletionAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> WaitForCompletionAsync(System.TimeSpan pollInterval, System.IProgress<MonaiLabel.Client.BackgroundTaskProgress>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class BackgroundTaskProgress
    {
        public int? Epoch { get; }
        public System.Collections.Generic.IReadOnlyList<string> NewLines { get; }
        public MonaiLabel.Client.BackgroundTask Task { get; }
        public int? TotalEpochs { get; }
    }
    [Newtonsoft.Json.JsonConverter(typeof(MonaiLabel.Client.BackgroundTaskStateJsonConverter))]
    public readonly struct BackgroundTaskState : System.IEquatable<MonaiLabel.Client.BackgroundTaskState>
    {
        public BackgroundTaskState(string value) { }
        public bool IsFinal { get; }
        public static MonaiLabel.Client.BackgroundTaskState Done { get; }
        public static MonaiLabel.Client.BackgroundTaskState Error { get; }
        public static MonaiLabel.Client.BackgroundTaskState Running { get; }
        public static MonaiLabel.Client.BackgroundTaskState Stopped { get; }
        public static MonaiLabel.Client.BackgroundTaskState Submitted { get; }
        public bool Equals(MonaiLabel.Client.BackgroundTaskState other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static MonaiLabel.Client.BackgroundTaskState op_Implicit(string value) { }
        public static bool operator !=(MonaiLabel.Client.BackgroundTaskState left, MonaiLabel.Client.BackgroundTaskState right) { }
        public static bool operator ==(MonaiLabel.Client.BackgroundTaskState left, MonaiLabel.Client.BackgroundTaskState right) { }
    }
    public enum BatchInferImages
    {
        [System.Runtime.Serialization.EnumMember(Value="all")]
        All = 0,
        [System.Runtime.Serialization.EnumMember(Value="labeled")]
        Labeled = 1,
        [System.Runtime.Serialization.EnumMember(Value="unlabeled")]
        Unlabeled = 2,
    }
    public sealed class BulkDownloadOptions : MonaiLabel.Client.BulkOptions
    {
        public BulkDownloadOptions() { }
        public string? Directory { get; set; }
        public string? LabelTag { get; set; }
    }
    public sealed class BulkDownloadOutcome : MonaiLabel.Client.BulkItemOutcome
    {
        public BulkDownloadOutcome(string imageId, MonaiLabel.Client.BulkItemStatus status, string? imagePath = null, string? labelPath = null, long bytes = 0, MonaiLabel.Client.MonaiLabelClientException? error = null) { }
        public long Bytes { get; }
        public string? ImagePath { get; }
        public string? LabelPath { get; }
    }
    public sealed class BulkInferOptions : MonaiLabel.Client.BulkOptions
    {
        public BulkInferOptions() { }
        public System.Collections.Generic.IDictionary<string, object?>? Params { get; set; }
        public string? ResultDirectory { get; set; }
        public string? SaveAsTag { get; set; }
    }
    public sealed class BulkInferOutcome : MonaiLabel.Client.BulkItemOutcome
    {
        public BulkInferOutcome(string imageId, MonaiLabel.Client.BulkItemStatus status, string? resultPath = null, MonaiLabel.Client.InferResult? result = null, MonaiLabel.Client.SaveLabelResult? savedLabel = null, MonaiLabel.Client.MonaiLabelClientException? error = null) { }
        public MonaiLabel.Client.InferResult? Result { get; }
        public string? ResultPath { get; }
        public MonaiLabel.Client.SaveLabelResult? SavedLabel { get; }
    }
    public abstract class BulkItemOutcome
    {
        protected BulkItemOutcome(string imageId, MonaiLabel.Client.BulkItemStatus status, MonaiLabel.Client.MonaiLabelClientException? error) { }
        public MonaiLabel.Client.MonaiLabelClientException? Error { get; }
        public string ImageId { get; }
        public MonaiLabel.Client.BulkItemStatus Status { get; }
    }
    public enum BulkItemStatus
    {
        Succeeded = 0,
        Skipped = 1,
        Failed = 2,
    }
    public abstract class BulkOptions
    {
        protected BulkOptions() { }
        public int MaxConcurrency { get; set; }
        public System.IProgress<MonaiLabel.Client.BulkProgress>? Progress { get; set; }
        public bool SkipCompleted { get; set; }
        public System.Threading.CancellationToken StopToken { get; set; }
    }
    public sealed class BulkProgress
    {
        public BulkProgress(long? total, long succeeded, long skipped, long failed, long bytes) { }
        public long Bytes { get; }
        public long Done { get; }
        public long Failed { get; }
        public long Skipped { get; }
        public long Succeeded { get; }
        public long? Total { get; }
    }
    public sealed class BulkUploadItem
    {
        public BulkUploadItem(string path, string imageId) { }
        public string ImageId { get; }
        public string Path { get; }
        public static MonaiLabel.Client.BulkUploadItem FromFile(string path) { }
        public static string ImageIdOf(string path) { }
    }
    public sealed class BulkUploadOptions : MonaiLabel.Client.BulkOptions
    {
        public BulkUploadOptions() { }
        public System.Collections.Generic.IDictionary<string, object?>? Info { get; set; }
    }
    public sealed class BulkUploadOutcome : MonaiLabel.Client.BulkItemOutcome
    {
        public BulkUploadOutcome(string imageId, string path, MonaiLabel.Client.BulkItemStatus status, long bytes = 0, MonaiLabel.Client.AddImageResult? result = null, MonaiLabel.Client.MonaiLabelClientException? error = null) { }
        public long Bytes { get; }
        public string Path { get; }
        public MonaiLabel.Client.AddImageResult? Result { get; }
    }
    public sealed class ClickPrompt : MonaiLabel.Client.InferPrompt
    {
        public ClickPrompt() { }
        public System.Collections.Generic.IList<MonaiLabel.Client.VoxelPoint> Background { get; }
        public System.Collections.Generic.IList<MonaiLabel.Client.VoxelPoint> Foreground { get; }
        public string? Label { get; set; }
        public bool? ResetState { get; set; }
        public MonaiLabel.Client.VoxelBox? Roi { get; set; }
        public int? Slice { get; set; }
    }
    public class CreateSessionResult
    {
        public CreateSessionResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("session_id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? SessionId { get; set; }
        [Newtonsoft.Json.JsonProperty("session_info", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.SessionInfo? SessionInfo { get; set; }
    }
    public class Datastore
    {
        public Datastore() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
        [Newtonsoft.Json.JsonProperty("images_dir", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ImagesDir { get; set; }
        [Newtonsoft.Json.JsonProperty("labels_dir", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? LabelsDir { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("objects", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.ImageEntry>? Objects { get; set; }
    }
    public class DatastoreStats
    {
        public DatastoreStats() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("completed", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Completed { get; set; }
        [Newtonsoft.Json.JsonProperty("label_tags", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, int>? LabelTags { get; set; }
        [Newtonsoft.Json.JsonProperty("total", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Total { get; set; }
    }
    public class DatastoreTrainItem
    {
        public DatastoreTrainItem() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("image", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Image { get; set; }
        [Newtonsoft.Json.JsonProperty("label", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Label { get; set; }
    }
    public sealed class DeepEditPrompt : MonaiLabel.Client.InferPrompt
    {
        public const string BackgroundKey = "background";
        public DeepEditPrompt() { }
        public string? Label { get; set; }
        public System.Collections.Generic.IDictionary<string, System.Collections.Generic.IList<MonaiLabel.Client.VoxelPoint>> Points { get; }
        public MonaiLabel.Client.DeepEditPrompt Add(string label, MonaiLabel.Client.VoxelPoint point) { }
    }
    public class FileParameter
    {
        public FileParameter(System.IO.Stream data) { }
        public FileParameter(System.IO.Stream data, string? fileName) { }
        public FileParameter(System.IO.Stream data, string? fileName, string? contentType) { }
        public string? ContentType { get; }
        public System.IO.Stream Data { get; }
        public string? FileName { get; }
        public static MonaiLabel.Client.FileParameter FromFile(string path, string? contentType = null, System.IProgress<long>? progress = null) { }
        public static MonaiLabel.Client.FileParameter FromStream(System.IO.Stream stream, string fileName, string? contentType = null, System.IProgress<long>? progress = null) { }
    }
    public class FileResponse : System.IDisposable
    {
        public FileResponse(int statusCode, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.IO.Stream stream, System.IDisposable? client, System.IDisposable? response) { }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public bool IsPartial { get; }
        public int StatusCode { get; }
        public System.IO.Stream Stream { get; }
        public void Dispose() { }
    }
    public interface ITransferProgress : System.IProgress<long>
    {
        void ReportTotal(long totalBytes);
    }
    public class ImageData
    {
        public ImageData() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("ext", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Ext { get; set; }
        [Newtonsoft.Json.JsonProperty("info", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.ImageInfo? Info { get; set; }
    }
    public class ImageEntry
    {
        public ImageEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("image", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.ImageData? Image { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, MonaiLabel.Client.LabelEntry>? Labels { get; set; }
    }
    public class ImageInfo
    {
        public ImageInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("client_id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ClientId { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("path", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Path { get; set; }
        [Newtonsoft.Json.JsonProperty("strategy", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Strategy { get; set; }
        [Newtonsoft.Json.JsonProperty("ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Ts { get; set; }
        [Newtonsoft.Json.JsonProperty("user", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? User { get; set; }
    }
    public sealed class ImageSelection
    {
        public System.Collections.Generic.IReadOnlyList<string>? Ids { get; }
        public string? WithoutLabelTag { get; }
        public static MonaiLabel.Client.ImageSelection All { get; }
        public override string ToString() { }
        public static MonaiLabel.Client.ImageSelection FromIds(System.Collections.Generic.IEnumerable<string> imageIds) { }
        public static MonaiLabel.Client.ImageSelection WithoutLabel(string tag) { }
    }
    public enum InferOutput
    {
        [System.Runtime.Serialization.EnumMember(Value="image")]
        Image = 0,
        [System.Runtime.Serialization.EnumMember(Value="json")]
        Json = 1,
        [System.Runtime.Serialization.EnumMember(Value="all")]
        All = 2,
        [System.Runtime.Serialization.EnumMember(Value="dicom_seg")]
        DicomSeg = 3,
    }
    public abstract class InferPrompt { }
    public sealed class InferRequest
    {
        public InferRequest() { }
        public MonaiLabel.Client.FileParameter? File { get; set; }
        public string? ImageId { get; set; }
        public MonaiLabel.Client.FileParameter? Label { get; set; }
        public MonaiLabel.Client.InferOutput? Output { get; set; }
        public bool Overwrite { get; set; }
        public System.Collections.Generic.IDictionary<string, object?>? Params { get; set; }
        public System.IProgress<long>? Progress { get; set; }
        public MonaiLabel.Client.InferPrompt? Prompt { get; set; }
        public string? ResultDirectory { get; set; }
        public string? ResultFileName { get; set; }
        public MonaiLabel.Client.InferResultOptions? ResultOptions { get; set; }
        public string? SessionId { get; set; }
    }
    public sealed class InferResult
    {
        public InferResult(Newtonsoft.Json.Linq.JObject? parameters, System.Collections.Generic.IReadOnlyList<MonaiLabel.Client.SavedFile> files, System.Collections.Generic.IReadOnlyDictionary<string, string>? fields = null) { }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Fields { get; }
        public System.Collections.Generic.IReadOnlyList<MonaiLabel.Client.SavedFile> Files { get; }
        public MonaiLabel.Client.SavedFile? Label { get; }
        public Newtonsoft.Json.Linq.JObject? Params { get; }
    }
    public sealed class InferResultOptions
    {
        public InferResultOptions() { }
        public bool? Compress { get; set; }
        public string? DataType { get; set; }
        public string? Extension { get; set; }
        public bool? RestoreLabelIndices { get; set; }
    }
    public class InteractiveSession : System.IAsyncDisposable
    {
        protected InteractiveSession() { }
        public string ImagePath { get; }
        public virtual int Recreations { get; }
        public virtual string SessionId { get; }
        public System.Threading.Tasks.ValueTask DisposeAsync() { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferAsync(MonaiLabel.Client.ModelCapabilities model, MonaiLabel.Client.InferPrompt? prompt, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferAsync(MonaiLabel.Client.ModelCapabilities model, MonaiLabel.Client.InferRequest request, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class LabelEntry
    {
        public LabelEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("ext", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Ext { get; set; }
        [Newtonsoft.Json.JsonProperty("info", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.LabelInfo? Info { get; set; }
    }
    public class LabelInfo
    {
        public LabelInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("client_id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ClientId { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Ts { get; set; }
        [Newtonsoft.Json.JsonProperty("user", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? User { get; set; }
    }
    public sealed class ModelCapabilities
    {
        public ModelCapabilities(string name, MonaiLabel.Client.ModelInfoEntry? entry) { }
        public System.Collections.Generic.IReadOnlyDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalProperties { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, MonaiLabel.Client.ModelConfigEntry> Config { get; }
        public string? Description { get; }
        public int? Dimension { get; }
        public MonaiLabel.Client.ModelKind? Kind { get; }
        public System.Collections.Generic.IReadOnlyList<MonaiLabel.Client.ModelLabel> Labels { get; }
        public string Name { get; }
        public System.Collections.Generic.IDictionary<string, object?> GetConfigDefaults() { }
        public bool HasLabel(string name) { }
        public override string ToString() { }
        public void Validate(MonaiLabel.Client.InferRequest request) { }
        public static System.Collections.Generic.IReadOnlyDictionary<string, MonaiLabel.Client.ModelCapabilities> FromAppInfo(MonaiLabel.Client.AppInfo info) { }
    }
    public sealed class ModelConfigEntry
    {
        public ModelConfigEntry(string name, Newtonsoft.Json.Linq.JToken? value) { }
        public System.Collections.Generic.IReadOnlyList<Newtonsoft.Json.Linq.JToken> Choices { get; }
        public Newtonsoft.Json.Linq.JToken Default { get; }
        public string Name { get; }
        public Newtonsoft.Json.Linq.JToken Value { get; }
        public override string ToString() { }
    }
    public class ModelInfo
    {
        public ModelInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("checksum", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Checksum { get; set; }
        [Newtonsoft.Json.JsonProperty("modified_time", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? ModifiedTime { get; set; }
        [Newtonsoft.Json.JsonProperty("train_stats", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.TrainStats? TrainStats { get; set; }
    }
    public class ModelInfoEntry
    {
        public ModelInfoEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("config", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Config { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
        [Newtonsoft.Json.JsonProperty("dimension", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Dimension { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public object? Labels { get; set; }
        [Newtonsoft.Json.JsonProperty("type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Type { get; set; }
    }
    public readonly struct ModelKind : System.IEquatable<MonaiLabel.Client.ModelKind>
    {
        public ModelKind(string value) { }
        public bool IsKnown { get; }
        public static MonaiLabel.Client.ModelKind Annotation { get; }
        public static MonaiLabel.Client.ModelKind Classification { get; }
        public static MonaiLabel.Client.ModelKind DeepEdit { get; }
        public static MonaiLabel.Client.ModelKind Deepgrow { get; }
        public static MonaiLabel.Client.ModelKind Detection { get; }
        public static MonaiLabel.Client.ModelKind Others { get; }
        public static MonaiLabel.Client.ModelKind Scribbles { get; }
        public static MonaiLabel.Client.ModelKind Segmentation { get; }
        public bool Equals(MonaiLabel.Client.ModelKind other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static MonaiLabel.Client.ModelKind op_Implicit(string value) { }
        public static bool operator !=(MonaiLabel.Client.ModelKind left, MonaiLabel.Client.ModelKind right) { }
        public static bool operator ==(MonaiLabel.Client.ModelKind left, MonaiLabel.Client.ModelKind right) { }
    }
    public sealed class ModelLabel
    {
        public ModelLabel(string name, int? index) { }
        public int? Index { get; }
        public string Name { get; }
        public override string ToString() { }
    }
    public sealed class ModelTaskStart
    {
        public ModelTaskStart(string model, MonaiLabel.Client.BackgroundTask? task, string? detail) { }
        public string? Detail { get; }
        public string Model { get; }
        public MonaiLabel.Client.BackgroundTask? Task { get; }
    }
    public class MonaiLabelClient : System.IDisposable
    {
        protected MonaiLabelClient() { }
        public MonaiLabelClient(System.Uri serverUrl) { }
        public MonaiLabelClient(System.Net.Http.HttpClient httpClient, MonaiLabel.Client.MonaiLabelClientOptions? options = null) { }
        public virtual System.Uri ServerUrl { get; set; }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.CreateSessionResult> CreateSessionAsync(MonaiLabel.Client.FileParameter image, bool uncompress = false, int expiry = 0, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.CreateSessionResult> CreateSessionAsync(System.Collections.Generic.IEnumerable<MonaiLabel.Client.FileParameter> images, bool uncompress = false, int expiry = 0, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteImageAsync(string imageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteLabelAsync(string imageId, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteModelAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SessionInfo> DeleteSessionAsync(string sessionId, System.Threading.CancellationToken cancellationToken = default) { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadDatasetAsync(int? limitCases = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadDatasetToAsync(int? limitCases = default, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadImageAsync(string imageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadImageToAsync(string imageId, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadLabelAsync(string imageId, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadLabelToAsync(string imageId, string tag, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadLabelToAsync(string imageId, string tag, string? directory, string fileNameStem, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<MonaiLabel.Client.BulkDownloadOutcome> DownloadManyAsync(MonaiLabel.Client.ImageSelection images, MonaiLabel.Client.BulkDownloadOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadModelAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadModelToAsync(string model, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadSessionImageToAsync(string sessionId, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AppInfo> GetAppInfoAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AuthSettings> GetAuthSettingsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AuthToken> GetAuthTokenAsync(string username, string password, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetBatchInferStatusAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.Datastore> GetDatastoreAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.DatastoreStats> GetDatastoreStatsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<string> GetGpuInfoAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ImageInfo> GetImageInfoAsync(string imageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.LabelInfo> GetLabelInfoAsync(string imageId, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<string> GetLogsAsync(int? lines = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyDictionary<string, MonaiLabel.Client.ModelCapabilities>> GetModelCapabilitiesAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ModelCapabilities> GetModelCapabilitiesAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ModelInfo> GetModelInfoAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.NextSample> GetNextSampleAsync(string strategy, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual MonaiLabel.Client.BackgroundTaskOperation GetOperation(MonaiLabel.Client.BackgroundTaskKind kind, string? taskId = null) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetScoringStatusAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SessionInfo> GetSessionAsync(string sessionId, bool updateTs = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IList<MonaiLabel.Client.DatastoreTrainItem>> GetTrainingDatasetAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetTrainingStatusAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> ImageExistsAsync(string imageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferAsync(MonaiLabel.Client.ModelCapabilities model, MonaiLabel.Client.InferRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferAsync(string model, MonaiLabel.Client.InferRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<MonaiLabel.Client.BulkInferOutcome> InferManyAsync(string model, MonaiLabel.Client.ImageSelection images, MonaiLabel.Client.BulkInferOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferWsiAsync(string model, string imageId, MonaiLabel.Client.WsiInput? region = null, MonaiLabel.Client.WsiInferOutput output = 1, string? sessionId = null, string? resultDirectory = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsBatchInferRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsScoringRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsTrainingRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> LabelExistsAsync(string imageId, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTaskOperation> StartBatchInferAsync(string model, MonaiLabel.Client.BatchInferImages? images = default, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InteractiveSession> StartInteractiveSessionAsync(string imagePath, int expiry = 0, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTaskOperation> StartScoringAsync(string method, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTaskOperation> StartTrainingAsync(string? model = null, System.Collections.Generic.IDictionary<string, object?>? parameters = null, bool enqueue = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask?> StopBatchInferAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask?> StopScoringAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask?> StopTrainingAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual void UpdateAuth(MonaiLabel.Client.AuthToken? token) { }
        public virtual System.Threading.Tasks.Task UpdateImageInfoAsync(string imageId, System.Collections.Generic.IDictionary<string, object?> info, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task UpdateLabelInfoAsync(string imageId, string tag, System.Collections.Generic.IDictionary<string, object?> info, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AddImageResult> UploadImageAsync(MonaiLabel.Client.FileParameter image, string? imageId = null, System.Collections.Generic.IDictionary<string, object?>? info = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SaveLabelResult> UploadLabelAsync(string imageId, MonaiLabel.Client.FileParameter label, string? tag = null, System.Collections.Generic.IDictionary<string, object?>? info = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<MonaiLabel.Client.BulkUploadOutcome> UploadManyAsync(System.Collections.Generic.IEnumerable<MonaiLabel.Client.BulkUploadItem> files, MonaiLabel.Client.BulkUploadOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ModelInfo> UploadModelAsync(string model, MonaiLabel.Client.FileParameter file, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.UserInfo> ValidateAuthTokenAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public static MonaiLabel.Client.MonaiLabelClient Create(MonaiLabel.Client.MonaiLabelClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
    }
    public class MonaiLabelClientException : System.Exception
    {
        public MonaiLabelClientException(MonaiLabel.Client.MonaiLabelErrorKind kind, string message, System.Exception? innerException = null) { }
        public MonaiLabelClientException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Exception? innerException) { }
        public string? Detail { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> Headers { get; }
        public MonaiLabel.Client.MonaiLabelErrorKind Kind { get; }
        public string? Response { get; }
        public int StatusCode { get; }
    }
    public sealed class MonaiLabelClientOptions
    {
        public const long DefaultMaxJsonAnswerBytes = 67108864;
        public static readonly System.TimeSpan DefaultReadTimeout;
        public static readonly System.TimeSpan DefaultTimeout;
        public MonaiLabelClientOptions() { }
        public string? AccessToken { get; set; }
        public string? ClientId { get; set; }
        public bool DangerousAcceptAnyServerCertificate { get; set; }
        public long MaxJsonAnswerBytes { get; set; }
        public string? Password { get; set; }
        public System.TimeSpan ReadTimeout { get; set; }
        public string? ResultDirectory { get; set; }
        public MonaiLabel.Client.MonaiLabelRetryOptions Retry { get; set; }
        public System.Uri? ServerUrl { get; set; }
        public System.TimeSpan Timeout { get; set; }
        public System.Func<bool, System.Threading.CancellationToken, System.Threading.Tasks.Task<string>>? TokenProvider { get; set; }
        public string? Username { get; set; }
        public override string ToString() { }
    }
    public enum MonaiLabelErrorKind
    {
        Unknown = 0,
        ServerError = 1,
        SessionExpired = 2,
        NotFound = 3,
        ValidationFailed = 4,
        Unauthorized = 5,
        Forbidden = 6,
        Conflict = 7,
        InvalidResponse = 8,
        UnsafeFileName = 9,
        Timeout = 10,
        ConnectionFailed = 11,
        TaskAlreadyRunning = 12,
        LocalFile = 13,
    }
    public sealed class MonaiLabelRetryOptions
    {
        public MonaiLabelRetryOptions() { }
        public System.TimeSpan? AttemptTimeout { get; set; }
        public System.TimeSpan Delay { get; set; }
        public System.TimeSpan MaxDelay { get; set; }
        public int MaxRetries { get; set; }
        public bool RetryNonIdempotent { get; set; }
        public override string ToString() { }
    }
    public static class MonaiLabelServiceCollectionExtensions
    {
        public const string HttpClientName = "MonaiLabel.Client";
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddMonaiLabelClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) { }
        public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddMonaiLabelClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<MonaiLabel.Client.MonaiLabelClientOptions> configure) { }
    }
    public class NextSample
    {
        public NextSample() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Id { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("path", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Path { get; set; }
        [Newtonsoft.Json.JsonProperty("strategy", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Strategy { get; set; }
        [Newtonsoft.Json.JsonProperty("ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Ts { get; set; }
    }
    public class SaveLabelResult
    {
        public SaveLabelResult() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("image", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Image { get; set; }
        [Newtonsoft.Json.JsonProperty("label", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Label { get; set; }
    }
    public sealed class SavedFile
    {
        public SavedFile(string path, string? rawFileName, string? contentType, long length) { }
        public string? ContentType { get; }
        public string FileName { get; }
        public long Length { get; }
        public string Path { get; }
        public string? RawFileName { get; }
        public override string ToString() { }
    }
    public class ScoringInfoEntry
    {
        public ScoringInfoEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
    }
    public sealed class ScribbleLabel
    {
        public const string BackgroundName = "background_scribbles";
        public const string ForegroundName = "foreground_scribbles";
        public ScribbleLabel(string name, int id) { }
        public int Id { get; }
        public string Name { get; }
        public static MonaiLabel.Client.ScribbleLabel Background(int id) { }
        public static MonaiLabel.Client.ScribbleLabel Foreground(int id) { }
    }
    public sealed class ScribblesPrompt : MonaiLabel.Client.InferPrompt
    {
        public bool IsRawLabelmap { get; }
        public string LabelFileName { get; }
        public System.Collections.Generic.IList<MonaiLabel.Client.ScribbleLabel> LabelInfo { get; }
        public MonaiLabel.Client.VoxelBox? Roi { get; set; }
        public static MonaiLabel.Client.ScribblesPrompt FromBytes(byte[] content, string fileName) { }
        public static MonaiLabel.Client.ScribblesPrompt FromFile(string path) { }
        public static MonaiLabel.Client.ScribblesPrompt FromRawLabelmap(byte[] labelmap) { }
    }
    public class SessionInfo
    {
        public SessionInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("create_ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? CreateTs { get; set; }
        [Newtonsoft.Json.JsonProperty("expiry", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? Expiry { get; set; }
        [Newtonsoft.Json.JsonProperty("image", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Image { get; set; }
        [Newtonsoft.Json.JsonProperty("last_access_ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? LastAccessTs { get; set; }
        [Newtonsoft.Json.JsonProperty("meta", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Meta { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("path", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Path { get; set; }
    }
    public class StrategyInfoEntry
    {
        public StrategyInfoEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
    }
    public class TrainMetrics
    {
        public TrainMetrics() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("best_metric", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public double? BestMetric { get; set; }
        [Newtonsoft.Json.JsonProperty("best_metric_epoch", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? BestMetricEpoch { get; set; }
        [Newtonsoft.Json.JsonProperty("key_metric_name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? KeyMetricName { get; set; }
        [Newtonsoft.Json.JsonProperty("metrics", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Metrics { get; set; }
    }
    public class TrainStats
    {
        public TrainStats() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("best_metric", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public double? BestMetric { get; set; }
        [Newtonsoft.Json.JsonProperty("best_validation_epoch", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? BestValidationEpoch { get; set; }
        [Newtonsoft.Json.JsonProperty("best_validation_metric", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public double? BestValidationMetric { get; set; }
        [Newtonsoft.Json.JsonProperty("current_epoch", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? CurrentEpoch { get; set; }
        [Newtonsoft.Json.JsonProperty("current_iteration", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? CurrentIteration { get; set; }
        [Newtonsoft.Json.JsonProperty("current_time", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? CurrentTime { get; set; }
        [Newtonsoft.Json.JsonProperty("epoch", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Epoch { get; set; }
        [Newtonsoft.Json.JsonProperty("eval", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.TrainMetrics? Eval { get; set; }
        [Newtonsoft.Json.JsonProperty("rank", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Rank { get; set; }
        [Newtonsoft.Json.JsonProperty("start_ts", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public long? StartTs { get; set; }
        [Newtonsoft.Json.JsonProperty("total_epochs", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? TotalEpochs { get; set; }
        [Newtonsoft.Json.JsonProperty("total_iterations", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? TotalIterations { get; set; }
        [Newtonsoft.Json.JsonProperty("total_time", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? TotalTime { get; set; }
        [Newtonsoft.Json.JsonProperty("train", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public MonaiLabel.Client.TrainMetrics? Train { get; set; }
    }
    public class TrainerInfoEntry
    {
        public TrainerInfoEntry() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("config", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Config { get; set; }
        [Newtonsoft.Json.JsonProperty("description", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Description { get; set; }
        [Newtonsoft.Json.JsonProperty("labels", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public object? Labels { get; set; }
    }
    public class UserInfo
    {
        public UserInfo() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("email", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Email { get; set; }
        [Newtonsoft.Json.JsonProperty("name", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Name { get; set; }
        [Newtonsoft.Json.JsonProperty("roles", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<string>? Roles { get; set; }
        [Newtonsoft.Json.JsonProperty("username", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Username { get; set; }
    }
    public readonly struct VoxelBox : System.IEquatable<MonaiLabel.Client.VoxelBox>
    {
        public VoxelBox(int i0, int i1, int j0, int j1, int k0, int k1) { }
        public int I0 { get; }
        public int I1 { get; }
        public int J0 { get; }
        public int J1 { get; }
        public int K0 { get; }
        public int K1 { get; }
        public bool Equals(MonaiLabel.Client.VoxelBox other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static MonaiLabel.Client.VoxelBox Parse(string text) { }
        public static bool operator !=(MonaiLabel.Client.VoxelBox left, MonaiLabel.Client.VoxelBox right) { }
        public static bool operator ==(MonaiLabel.Client.VoxelBox left, MonaiLabel.Client.VoxelBox right) { }
    }
    public readonly struct VoxelPoint : System.IEquatable<MonaiLabel.Client.VoxelPoint>
    {
        public VoxelPoint(int i, int j, int k) { }
        public int I { get; }
        public int J { get; }
        public int K { get; }
        public bool Equals(MonaiLabel.Client.VoxelPoint other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static MonaiLabel.Client.VoxelPoint Parse(string text) { }
        public static bool TryParse(string? text, out MonaiLabel.Client.VoxelPoint point) { }
        public static bool operator !=(MonaiLabel.Client.VoxelPoint left, MonaiLabel.Client.VoxelPoint right) { }
        public static bool operator ==(MonaiLabel.Client.VoxelPoint left, MonaiLabel.Client.VoxelPoint right) { }
    }
    public enum WsiInferOutput
    {
        [System.Runtime.Serialization.EnumMember(Value="asap")]
        Asap = 0,
        [System.Runtime.Serialization.EnumMember(Value="dsa")]
        Dsa = 1,
        [System.Runtime.Serialization.EnumMember(Value="json")]
        Json = 2,
    }
    public class WsiInput
    {
        public WsiInput() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("level", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? Level { get; set; }
        [Newtonsoft.Json.JsonProperty("location", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<int>? Location { get; set; }
        [Newtonsoft.Json.JsonProperty("min_poly_area", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public int? MinPolyArea { get; set; }
        [Newtonsoft.Json.JsonProperty("params", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IDictionary<string, object>? Params { get; set; }
        [Newtonsoft.Json.JsonProperty("size", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<int>? Size { get; set; }
        [Newtonsoft.Json.JsonProperty("tile_size", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<int>? TileSize { get; set; }
    }
}
