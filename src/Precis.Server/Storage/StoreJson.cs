using System.Text.Json.Serialization;
using Precis.Documents;

namespace Precis.Server.Storage;

[JsonSerializable(typeof(SourceMetadata))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoreJson : JsonSerializerContext;
