using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Evaluation;

/// <summary>
/// The JSON lines the bench readers write (system outputs and score lines), serialized from source-generated metadata
/// so that they need no reflection (the native build has none). The lines are dictionaries whose values are strings,
/// numbers, nested dictionaries and arrays; every runtime type a value may have is listed here.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(List<Dictionary<string, object>>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext
{
    /// <summary>Compact lines, non-ASCII text written as is (not \u-escaped).</summary>
    public static EvaluationJsonContext Lines { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
