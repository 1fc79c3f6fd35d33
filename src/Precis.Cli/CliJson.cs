using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Precis.Cli;

/// <summary>
/// The JSON lines the eval commands write (summaries, per-cluster scores, quote errors), serialized from
/// source-generated metadata so that they need no reflection (the native build has none). Every runtime type a value
/// of the score lines may have is listed.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Compact lines, non-ASCII text written as is (not \u-escaped).</summary>
    public static CliJsonContext Lines { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
