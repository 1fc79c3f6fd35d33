using System.Text.Json.Serialization;
using Precis.Documents;

namespace Precis.Server.Storage;

[JsonSerializable(typeof(SourceMetadata))]
[JsonSerializable(typeof(string[]))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoreJson : JsonSerializerContext;
