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
        [Newtonsoft.Json.JsonProperty("access_token", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? AccessToken { get; set; }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("token_type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? TokenType { get; set; }
    }
    public class AuthTokenRequest
    {
        public AuthTokenRequest() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("client_id", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ClientId { get; set; }
        [Newtonsoft.Json.JsonProperty("client_secret", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? ClientSecret { get; set; }
        [Newtonsoft.Json.JsonProperty("grant_type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? GrantType { get; set; }
        [Newtonsoft.Json.JsonProperty("password", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.DisallowNull)]
        public string Password { get; set; }
        [Newtonsoft.Json.JsonProperty("scope", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Scope { get; set; }
        [Newtonsoft.Json.JsonProperty("username", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.DisallowNull)]
        public string Username { get; set; }
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
        public string? Status { get; set; }
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
    public static class ContentDispositionFileName
    {
        public static string? GetRawFileName(string? contentDisposition) { }
        public static string? GetSafeFileName(string? contentDisposition) { }
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
    public enum DatastoreOutput
    {
        [System.Runtime.Serialization.EnumMember(Value="stats")]
        Stats = 0,
        [System.Runtime.Serialization.EnumMember(Value="train")]
        Train = 1,
        [System.Runtime.Serialization.EnumMember(Value="all")]
        All = 2,
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
    public class HttpValidationError
    {
        public HttpValidationError() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("detail", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<MonaiLabel.Client.ValidationError>? Detail { get; set; }
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
    public enum InferOutput
    {
        [System.Runtime.Serialization.EnumMember(Value="image")]
        Image = 0,
        [System.Runtime.Serialization.EnumMember(Value="json")]
        Json = 1,
        [System.Runtime.Serialization.EnumMember(Value="all")]
        All = 2,
        [System.Runtime.Serialization.EnumMember(Value="dicom_seg")]
        Dicom_seg = 3,
    }
    public sealed class InferRequest
    {
        public InferRequest() { }
        public MonaiLabel.Client.FileParameter? File { get; set; }
        public string? Image { get; set; }
        public MonaiLabel.Client.FileParameter? Label { get; set; }
        public MonaiLabel.Client.InferOutput? Output { get; set; }
        public bool Overwrite { get; set; }
        public System.Collections.Generic.IDictionary<string, object?>? Params { get; set; }
        public System.IProgress<long>? Progress { get; set; }
        public string? ResultDirectory { get; set; }
        public string? ResultFileName { get; set; }
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
    public class MonaiLabelClient : System.IDisposable
    {
        public MonaiLabelClient(System.Net.Http.HttpClient httpClient) { }
        public MonaiLabelClient(System.Uri serverUrl) { }
        public string? ClientId { get; set; }
        protected Newtonsoft.Json.JsonSerializerSettings JsonSerializerSettings { get; }
        public long MaxJsonAnswerBytes { get; set; }
        public bool ReadResponseAsString { get; set; }
        public System.TimeSpan ReadTimeout { get; set; }
        public string ResultDirectory { get; set; }
        public System.Uri ServerUrl { get; set; }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AddImageResult> AddImageAsync(string? image = null, string? params = null, MonaiLabel.Client.FileParameter file = null, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AddImageResult> AddImageLegacyAsync(string? image = null, string? params = null, MonaiLabel.Client.FileParameter file = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task CheckImageAsync(string image, string? checkSum = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task CheckLabelAsync(string image, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AuthToken> CreateAuthTokenAsync(MonaiLabel.Client.AuthTokenRequest body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.CreateSessionResult> CreateSessionAsync(MonaiLabel.Client.FileParameter image, bool uncompress = false, int expiry = 0, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.CreateSessionResult> CreateSessionAsync(bool? uncompress = default, int? expiry = default, System.Collections.Generic.IEnumerable<MonaiLabel.Client.FileParameter> files = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> DeleteImageAsync(string id, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<object> DeleteImageLegacyAsync(string id, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> DeleteLabelAsync(string id, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> DeleteModelAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SessionInfo> DeleteSessionAsync(string sessionId, System.Threading.CancellationToken cancellationToken = default) { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadDatasetAsync(int? limitCases = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadDatasetToAsync(int? limitCases = default, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadImageAsync(string image, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadImageToAsync(string image, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadLabelAsync(string label, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadLabelToAsync(string label, string tag, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> DownloadModelAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadModelToAsync(string model, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SavedFile> DownloadSessionImageToAsync(string sessionId, string? directory = null, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AppInfo> GetAppInfoAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AuthSettings> GetAuthSettingsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AuthToken> GetAuthTokenAsync(string username, string password, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> GetBatchInferStatusAsync(bool? all = default, bool? checkIfRunning = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetBatchInferTaskAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> GetDatastoreAsync(MonaiLabel.Client.DatastoreOutput? output = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.Datastore> GetDatastoreListingAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.DatastoreStats> GetDatastoreStatsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<string> GetGpuInfoAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ImageInfo> GetImageInfoAsync(string image, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.LabelInfo> GetLabelInfoAsync(string label, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<string> GetLogsAsync(int? lines = default, bool? html = default, bool? text = default, int? refresh = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ModelInfo> GetModelInfoAsync(string model, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.NextSample> GetNextSampleAsync(string strategy, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> GetScoringStatusAsync(bool? all = default, bool? checkIfRunning = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetScoringTaskAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> GetSessionAsync(string sessionId, bool? updateTs = default, bool? image = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SessionInfo> GetSessionInfoAsync(string sessionId, bool updateTs = false, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object> GetTrainStatusAsync(bool? all = default, bool? checkIfRunning = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.BackgroundTask> GetTrainTaskAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> ImageExistsAsync(string image, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferAsync(string model, MonaiLabel.Client.InferRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> InferAsync(string model, string? image = null, string? sessionId = null, MonaiLabel.Client.InferOutput? output = default, string? params = null, MonaiLabel.Client.FileParameter file = null, MonaiLabel.Client.FileParameter label = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> InferWsiAsync(string model, string? image = null, string? sessionId = null, MonaiLabel.Client.WsiInferOutput? output = default, MonaiLabel.Client.FileParameter file = null, string? wsi = null, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.FileResponse> InferWsiLegacyAsync(string model, string? image = null, string? sessionId = null, MonaiLabel.Client.WsiInferOutput? output = default, MonaiLabel.Client.WsiInput? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.InferResult> InferWsiRegionAsync(string model, string image, MonaiLabel.Client.WsiInput? wsi = null, MonaiLabel.Client.WsiInferOutput? output = 1, string? sessionId = null, string? resultDirectory = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsAuthEnabledAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsAuthTokenValidAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsBatchInferRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsScoringRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> IsTrainingRunningAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<bool> LabelExistsAsync(string image, string tag, System.Threading.CancellationToken cancellationToken = default) { }
        protected virtual System.Threading.Tasks.Task<MonaiLabel.Client.MonaiLabelClient.ObjectResponseResult<T>> ReadObjectResponseAsync<T>(System.Net.Http.HttpResponseMessage response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SaveLabelResult> SaveLabelAsync(string image, string? tag = null, string? params = null, MonaiLabel.Client.FileParameter label = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StartBatchInferAsync(string model, MonaiLabel.Client.BatchInferImages? images = default, bool? runSync = default, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<object> StartScoringAllAsync(bool? runSync = default, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StartScoringAsync(string method, bool? runSync = default, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<object> StartTrainAllAsync(bool? runSync = default, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StartTrainAsync(string model, bool? runSync = default, bool? enqueue = default, object? body = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StartTrainingAsync(string? model = null, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StopBatchInferAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StopScoringAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> StopTrainAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public void UpdateAuth(MonaiLabel.Client.AuthToken? token) { }
        public virtual System.Threading.Tasks.Task<object?> UpdateImageInfoAsync(string image, MonaiLabel.Client.UpdateInfoForm body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<object?> UpdateLabelInfoAsync(string label, string tag, MonaiLabel.Client.UpdateInfoForm body, System.Threading.CancellationToken cancellationToken = default) { }
        [System.Obsolete]
        public virtual System.Threading.Tasks.Task<object?> UpdateLabelInfoLegacyAsync(string label, string tag, MonaiLabel.Client.UpdateLabelInfoLegacyForm body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.AddImageResult> UploadImageAsync(MonaiLabel.Client.FileParameter file, string? imageId = null, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.SaveLabelResult> UploadLabelAsync(string image, MonaiLabel.Client.FileParameter label, string? tag = null, System.Collections.Generic.IDictionary<string, object?>? parameters = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.ModelInfo> UploadModelAsync(string model, MonaiLabel.Client.FileParameter file = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<MonaiLabel.Client.UserInfo> ValidateAuthTokenAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public static MonaiLabel.Client.MonaiLabelClient Create(MonaiLabel.Client.MonaiLabelClientOptions options, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) { }
        protected struct ObjectResponseResult<T>
        {
            public ObjectResponseResult(T responseObject, string responseText) { }
            public T Object { get; }
            public string Text { get; }
        }
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
    public class MonaiLabelClientException<TResult> : MonaiLabel.Client.MonaiLabelClientException
    {
        public MonaiLabelClientException(string message, int statusCode, string? response, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, TResult result, System.Exception? innerException) { }
        public TResult Result { get; }
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
    public sealed class MonaiLabelClientOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<MonaiLabel.Client.MonaiLabelClientOptions>
    {
        public MonaiLabelClientOptionsValidator() { }
        public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MonaiLabel.Client.MonaiLabelClientOptions options) { }
        public static System.Collections.Generic.IReadOnlyList<string> Check(MonaiLabel.Client.MonaiLabelClientOptions options) { }
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
    public static class MultipartBoundary
    {
        public const int MaxLength = 70;
        public static string Parse(string? contentType) { }
    }
    public sealed class MultipartReaderOptions
    {
        public MultipartReaderOptions() { }
        public int BufferSize { get; set; }
        public int MaxHeaderLineLength { get; set; }
        public int MaxHeadersPerPart { get; set; }
        public int MaxParts { get; set; }
        public int MaxTextPartLength { get; set; }
        public int MaxTotalHeaderBytes { get; set; }
    }
    public sealed class MultipartSection
    {
        public System.IO.Stream Body { get; }
        public string? ContentDisposition { get; }
        public string? ContentType { get; }
        public string? FileName { get; }
        public System.Collections.Generic.IReadOnlyDictionary<string, string> Headers { get; }
        public bool IsFile { get; }
        public string? Name { get; }
        public string? RawFileName { get; }
        public System.Threading.Tasks.Task<string> ReadAsStringAsync(System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class MultipartStreamReader : System.IDisposable
    {
        public MultipartStreamReader(System.IO.Stream body, string boundary, MonaiLabel.Client.MultipartReaderOptions? options = null) { }
        public void Dispose() { }
        public System.Threading.Tasks.Task<MonaiLabel.Client.MultipartSection?> ReadNextSectionAsync(System.Threading.CancellationToken cancellationToken = default) { }
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
    public static class ResultFileWriter
    {
        public static System.Threading.Tasks.Task<string> SaveAsync(System.IO.Stream source, string directory, string safeFileName, bool overwrite = false, System.IProgress<long>? progress = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public static class SafeFileName
    {
        public static string Sanitize(string? rawName, string fallback = "result") { }
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
    public class UpdateInfoForm
    {
        public UpdateInfoForm() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("info", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Info { get; set; }
    }
    public class UpdateLabelInfoLegacyForm
    {
        public UpdateLabelInfoLegacyForm() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("params", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Params { get; set; }
    }
    public static class UploadFileName
    {
        public static string ImageId(string fileName) { }
        public static string ToAscii(string? fileName) { }
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
    public class ValidationError
    {
        public ValidationError() { }
        [Newtonsoft.Json.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties { get; set; }
        [Newtonsoft.Json.JsonProperty("loc", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public System.Collections.Generic.IList<object>? Loc { get; set; }
        [Newtonsoft.Json.JsonProperty("msg", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Msg { get; set; }
        [Newtonsoft.Json.JsonProperty("type", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore, Required=Newtonsoft.Json.Required.Default)]
        public string? Type { get; set; }
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
