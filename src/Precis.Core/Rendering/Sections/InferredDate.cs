using System.Text.Json;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Rendering.Sections;

/// <summary>How an inferred, open publication date is shown: its bounds, never a made-up day.</summary>
internal static class InferredDate
{
    public static string Describe(PublicationDate d) => (d.NotBefore, d.NotAfter) switch
    {
        ({ } lo, { } hi) => $"undated, inferred {DateFormat.Range(lo, hi)}",
        ({ } lo, null) => $"undated, inferred not before {DateFormat.Day(lo)}",
        (null, { } hi) => $"undated, inferred not after {DateFormat.Day(hi)}",
        _ => "undated",
    };

    public static void WriteBounds(PublicationDate d, Utf8JsonWriter json)
    {
        if (!d.Inferred) return;
        json.WriteString("notBefore", d.NotBefore is { } lo ? DateFormat.Iso(lo) : null);
        json.WriteString("notAfter", d.NotAfter is { } hi ? DateFormat.Iso(hi) : null);
    }
}
