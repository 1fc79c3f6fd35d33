using System.Collections.Immutable;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Ingest;

/// <summary>One document of a benchmark cluster.</summary>
public sealed record BenchDocument(string Id, string? Date, string? Title, string Text);

/// <summary>
/// One line of a benchmark file in the format of <c>shared/bench/*.jsonl</c>:
/// <c>{"id", "documents": [{"id", "date", "title", "text"}], "references": ["..."]}</c>.
/// </summary>
public sealed record BenchCluster(string Id, ImmutableArray<BenchDocument> Documents, ImmutableArray<string> References)
{
    /// <summary>The cluster's documents as pipeline inputs (plain text with the supplied id, title and date).</summary>
    public ImmutableArray<SourceDocument> ToSources(string file) =>
        [.. Documents.Select((d, i) => SourceDocument.PlainText($"{file}:{Id}:{i + 1}", d.Text, new SourceMetadata(Id: d.Id, Title: d.Title, Published: d.Date)))];
}

/// <summary>Reads benchmark cluster files (JSON lines). A line that cannot be read becomes a diagnostic.</summary>
public static class BenchFile
{
    public static IEnumerable<BenchCluster> Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            BenchCluster? cluster;
            string? error;
            try
            {
                (cluster, error) = Parse(line);
            }
            catch (JsonException e)
            {
                (cluster, error) = (null, $"invalid JSON ({e.Message})");
            }
            if (cluster is null)
            {
                diagnostics.Add(new Diagnostic($"{path}:{lineNumber}", DiagnosticSeverity.Skipped, error ?? "unreadable cluster"));
                continue;
            }
            yield return cluster;
        }
    }

    public static (BenchCluster? Cluster, string? Error) Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return (null, "a cluster must be a JSON object");
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String) return (null, "missing string field 'id'");
        if (!root.TryGetProperty("documents", out var docs) || docs.ValueKind != JsonValueKind.Array) return (null, "missing array field 'documents'");
        var documents = ImmutableArray.CreateBuilder<BenchDocument>();
        int i = 0;
        foreach (var d in docs.EnumerateArray())
        {
            i++;
            if (d.ValueKind != JsonValueKind.Object) return (null, $"documents[{i - 1}] is not an object");
            var text = OptionalString(d, "text");
            if (text is null) return (null, $"documents[{i - 1}] has no string field 'text'");
            documents.Add(new BenchDocument(OptionalString(d, "id") ?? $"{id.GetString()}-{i}", OptionalString(d, "date"), OptionalString(d, "title"), text));
        }
        var references = ImmutableArray.CreateBuilder<string>();
        if (root.TryGetProperty("references", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in refs.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String) references.Add(r.GetString()!);
            }
        }
        return (new BenchCluster(id.GetString()!, documents.ToImmutable(), references.ToImmutable()), null);
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
