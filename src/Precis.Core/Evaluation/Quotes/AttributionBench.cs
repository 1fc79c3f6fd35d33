using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Evaluation.Quotes;

/// <summary>How a gold attribution's content uses quotation marks (derived by the bench file, see its README).</summary>
public enum AttributionKind
{
    /// <summary>The whole content is inside double quotation marks.</summary>
    Direct,
    /// <summary>The content holds quotation marks in some other way: a partial quote inside a paraphrase.</summary>
    Mixed,
    /// <summary>No quotation marks: a paraphrase, belief or intention.</summary>
    Indirect,
}

/// <summary>
/// A content span with its pieces: <see cref="Start"/>..<see cref="End"/> runs from the first piece to the last;
/// <see cref="Fragments"/> holds the pieces (one piece when the content is continuous). Offsets are UTF-16 code units.
/// </summary>
public sealed record QuoteSpan(int Start, int End, ImmutableArray<TextSpan> Fragments)
{
    public static QuoteSpan Continuous(int start, int end) => new(start, end, [TextSpan.FromBounds(start, end)]);
}

/// <summary>One annotated attribution: content, kind and the source mention as written (null when none is annotated).</summary>
public sealed record GoldAttribution(QuoteSpan Content, AttributionKind Kind, string? Speaker, TextSpan? SpeakerSpan, string? Cue);

/// <summary>One article of an attribution bench file (PolNeAR in the format of <c>shared/bench/polnear</c>).</summary>
public sealed record AttributionArticle(string Id, string Publisher, string? Date, string Text, ImmutableArray<GoldAttribution> Attributions);

/// <summary>A quote as a system predicts it: content span (with pieces) and the speaker's name and mention.</summary>
/// <param name="Speaker">The speaker as the system names it (a resolved name, or the mention as written), or null.</param>
/// <param name="SpeakerSpan">Where the article mentions the speaker for this quote ("he" in "he said"), or null.</param>
public sealed record SystemQuote(QuoteSpan Content, string? Speaker, TextSpan? SpeakerSpan);

/// <summary>
/// Reads attribution bench files (<c>.jsonl</c> or <c>.jsonl.gz</c>, one article per line) and system files
/// (<c>{"id", "quotes": [{"start", "end", "fragments"?, "speaker", "speaker_start", "speaker_end"}]}</c>).
/// A line that cannot be read becomes a diagnostic naming the file and line; reading goes on.
/// </summary>
public static class AttributionBench
{
    public static IEnumerable<AttributionArticle> Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var (line, number) in Lines(path))
        {
            AttributionArticle? article;
            string? error;
            try
            {
                (article, error) = ParseArticle(line);
            }
            catch (JsonException e)
            {
                (article, error) = (null, $"invalid JSON ({e.Message})");
            }
            catch (InvalidOperationException e)
            {
                (article, error) = (null, $"unexpected value ({e.Message})");
            }
            if (article is null)
            {
                diagnostics.Add(new Diagnostic($"{path}:{number}", DiagnosticSeverity.Skipped, error ?? "unreadable article"));
                continue;
            }
            yield return article;
        }
    }

    /// <summary>Reads a system file into quotes per article id; a later line for the same id replaces an earlier one.</summary>
    public static Dictionary<string, ImmutableArray<SystemQuote>> ReadSystem(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new Dictionary<string, ImmutableArray<SystemQuote>>(StringComparer.Ordinal);
        foreach (var (line, number) in Lines(path))
        {
            string? error;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) error = "missing string field 'id'";
                else if (!root.TryGetProperty("quotes", out var quotes) || quotes.ValueKind != JsonValueKind.Array) error = "missing array field 'quotes'";
                else
                {
                    var list = ImmutableArray.CreateBuilder<SystemQuote>();
                    error = null;
                    foreach (var q in quotes.EnumerateArray())
                    {
                        var content = ReadSpan(q, out error);
                        if (content is null) break;
                        list.Add(new SystemQuote(content, OptionalString(q, "speaker"), OptionalSpan(q, "speaker_start", "speaker_end")));
                    }
                    if (error is null) result[id.GetString()!] = list.ToImmutable();
                }
            }
            catch (JsonException e)
            {
                error = $"invalid JSON ({e.Message})";
            }
            catch (InvalidOperationException e)
            {
                error = $"unexpected value ({e.Message})";
            }
            if (error is not null) diagnostics.Add(new Diagnostic($"{path}:{number}", DiagnosticSeverity.Skipped, error));
        }
        return result;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line)) yield return (line, number);
        }
    }

    public static (AttributionArticle? Article, string? Error) ParseArticle(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return (null, "an article must be a JSON object");
        var id = OptionalString(root, "id");
        if (id is null) return (null, "missing string field 'id'");
        var text = OptionalString(root, "text");
        if (text is null) return (null, $"article {id}: missing string field 'text'");
        var attributions = ImmutableArray.CreateBuilder<GoldAttribution>();
        if (root.TryGetProperty("quotes", out var quotes) && quotes.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var q in quotes.EnumerateArray())
            {
                var content = ReadSpan(q, out var error);
                if (content is null) return (null, $"article {id}: quotes[{i}]: {error}");
                if (content.End > text.Length) return (null, $"article {id}: quotes[{i}] ends at {content.End}, past the text's {text.Length} characters");
                var kind = OptionalString(q, "kind") switch
                {
                    "direct" => AttributionKind.Direct,
                    "mixed" => AttributionKind.Mixed,
                    "indirect" => AttributionKind.Indirect,
                    var other => (AttributionKind?)null,
                };
                if (kind is null) return (null, $"article {id}: quotes[{i}]: 'kind' must be direct, mixed or indirect");
                attributions.Add(new GoldAttribution(content, kind.Value, OptionalString(q, "speaker"), OptionalSpan(q, "speaker_start", "speaker_end"), OptionalString(q, "cue")));
                i++;
            }
        }
        return (new AttributionArticle(id, OptionalString(root, "publisher") ?? "unknown", OptionalString(root, "date"), text, attributions.ToImmutable()), null);
    }

    private static QuoteSpan? ReadSpan(JsonElement q, out string? error)
    {
        error = null;
        if (q.ValueKind != JsonValueKind.Object) { error = "a quote must be a JSON object"; return null; }
        if (!q.TryGetProperty("start", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out int start)
            || !q.TryGetProperty("end", out var e) || e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int end))
        {
            error = "missing integer fields 'start' and 'end'";
            return null;
        }
        if (start < 0 || end < start) { error = $"bad span [{start}, {end})"; return null; }
        if (q.TryGetProperty("fragments", out var f) && f.ValueKind == JsonValueKind.Array)
        {
            var pieces = ImmutableArray.CreateBuilder<TextSpan>();
            foreach (var piece in f.EnumerateArray())
            {
                if (piece.ValueKind != JsonValueKind.Array || piece.GetArrayLength() != 2 || piece[0].ValueKind != JsonValueKind.Number || piece[1].ValueKind != JsonValueKind.Number || !piece[0].TryGetInt32(out int a) || !piece[1].TryGetInt32(out int b) || a < 0 || b < a)
                {
                    error = "'fragments' must hold [start, end] pairs";
                    return null;
                }
                pieces.Add(TextSpan.FromBounds(a, b));
            }
            if (pieces.Count > 0) return new QuoteSpan(start, end, pieces.ToImmutable());
        }
        return QuoteSpan.Continuous(start, end);
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static TextSpan? OptionalSpan(JsonElement e, string start, string end) =>
        e.TryGetProperty(start, out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int a)
            && e.TryGetProperty(end, out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out int b) && b >= a && a >= 0
            ? TextSpan.FromBounds(a, b) : null;
}
