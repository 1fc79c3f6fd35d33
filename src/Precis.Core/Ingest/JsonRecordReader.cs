using System.Text.Json;
using Precis.Documents;

namespace Precis.Ingest;

/// <summary>
/// Reads article records <c>{id, title, source, url, published, author, text | html}</c> from JSON (one record or an
/// array of records) and JSON lines. <c>source</c> is the outlet. A record that cannot be used becomes a diagnostic.
/// </summary>
internal static class JsonRecordReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>A JSON document: one record, or an array of records (origins <c>file.json[0]</c>, <c>file.json[1]</c>...).</summary>
    public static void ReadDocument(string origin, string json, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"invalid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}"));
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    AddRecord($"{origin}[{i}]", item, result, diagnostics);
                    i++;
                }
                if (i == 0) diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, "empty JSON array"));
            }
            else
            {
                AddRecord(origin, root, result, diagnostics);
            }
        }
    }

    /// <summary>JSON lines: one record per line; a bad line is reported with its line number and the rest is read.</summary>
    public static void ReadLines(string origin, string text, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        int lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan(range).Trim();
            if (line.IsEmpty) continue;
            var lineOrigin = $"{origin}:{lineNumber}";
            try
            {
                using var doc = JsonDocument.Parse(line.ToString(), Options);
                AddRecord(lineOrigin, doc.RootElement, result, diagnostics);
            }
            catch (JsonException e)
            {
                diagnostics.Add(new Diagnostic(lineOrigin, DiagnosticSeverity.Skipped, $"invalid JSON on line {lineNumber}: {FirstSentence(e.Message)}"));
            }
        }
    }

    /// <summary>Reads one record (a <see cref="DocumentFormat.JsonRecord"/> source) into its content, format and metadata.</summary>
    public static (string? Content, DocumentFormat Format, SourceMetadata Metadata, string? Error) Parse(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object) return (null, DocumentFormat.PlainText, SourceMetadata.Empty, $"a record must be a JSON object, not {record.ValueKind.ToString().ToLowerInvariant()}");
        if (WrongType(record) is { } wrong) return (null, DocumentFormat.PlainText, SourceMetadata.Empty, wrong);
        var metadata = new SourceMetadata(
            Id: Field(record, "id"),
            Title: Field(record, "title") ?? Field(record, "headline"),
            Outlet: Field(record, "source") ?? Field(record, "outlet"),
            Url: Field(record, "url"),
            Published: Field(record, "published") ?? Field(record, "date"),
            Byline: Field(record, "author") ?? Field(record, "byline"));
        // PRECIS: when a record has both, the plain text wins: it is what the publisher gave as the article's words,
        // while HTML needs main-content extraction that can only lose or add furniture.
        if (Field(record, "text") is { } text && !string.IsNullOrWhiteSpace(text)) return (text, DocumentFormat.PlainText, metadata, null);
        if (Field(record, "html") is { } html && !string.IsNullOrWhiteSpace(html)) return (html, DocumentFormat.Html, metadata, null);
        return (null, DocumentFormat.PlainText, metadata, "record has neither 'text' nor 'html'");
    }

    private static void AddRecord(string origin, JsonElement record, List<SourceDocument> result, ICollection<Diagnostic> diagnostics)
    {
        var (content, format, metadata, error) = Parse(record);
        if (content is null)
        {
            diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, error!));
            return;
        }
        result.Add(new SourceDocument(origin, content, format, metadata));
    }

    /// <summary>The record fields Precis reads; each must be a string (or null). The id and the date may also be numbers.</summary>
    private static readonly string[] TextFields = ["title", "headline", "source", "outlet", "url", "author", "byline", "text", "html"];

    /// <summary>"field 'text' must be a string, not a number" for the first wrongly typed field, or null.</summary>
    internal static string? WrongType(JsonElement record)
    {
        foreach (var property in record.EnumerateObject())
        {
            var kind = property.Value.ValueKind;
            if (kind is JsonValueKind.String or JsonValueKind.Null) continue;
            if (property.NameEquals("id") || property.NameEquals("published") || property.NameEquals("date"))
            {
                if (kind == JsonValueKind.Number) continue;
                return $"field '{property.Name}' must be a string or a number, not {KindName(kind)}";
            }
            foreach (var name in TextFields)
            {
                if (property.NameEquals(name)) return $"field '{name}' must be a string, not {KindName(kind)}";
            }
        }
        return null;
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A string field; numbers are accepted as their JSON text (ids are often numeric).</summary>
    private static string? Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
