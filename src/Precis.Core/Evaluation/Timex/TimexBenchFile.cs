using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Evaluation.Timex;

/// <summary>
/// Reads and writes the JSON-lines format of ../shared/bench/tempeval3 (one article per line; <c>.gz</c> files are
/// decompressed): gold lines <c>{id, corpus, dct, text, timexes}</c>, system lines <c>{id, timexes: [{start, end,
/// type, value}]}</c>. A line that cannot be read becomes a diagnostic naming the file and line, and reading goes on.
/// </summary>
public static class TimexBenchFile
{
    public static List<TimexDocument> Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<TimexDocument>();
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decoded, new UTF8Encoding(false, true));
        int lineNumber = 0;
        string name = Path.GetFileName(path);
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
            {
                diagnostics.Add(new Diagnostic($"{name}:{lineNumber + 1}", DiagnosticSeverity.Skipped, $"unreadable ({e.Message}); the rest of the file was not read"));
                break;
            }
            if (line is null) break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                result.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                diagnostics.Add(new Diagnostic($"{name}:{lineNumber}", DiagnosticSeverity.Skipped, e.Message));
            }
        }
        return result;
    }

    private static TimexDocument Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var id = root.GetProperty("id").GetString() ?? throw new FormatException("id is null");
        string corpus = root.TryGetProperty("corpus", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        DateOnly? dct = root.TryGetProperty("dct", out var d) && d.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(d.GetString()!.AsSpan(0, Math.Min(10, d.GetString()!.Length)), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        string text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var timexes = ImmutableArray.CreateBuilder<TimexAnnotation>();
        if (root.TryGetProperty("timexes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in list.EnumerateArray())
            {
                int start = x.GetProperty("start").GetInt32();
                int end = x.GetProperty("end").GetInt32();
                if (start < 0 || end <= start) throw new FormatException($"timex [{start}, {end}) of {id} is empty or negative");
                if (text.Length > 0 && end > text.Length) throw new FormatException($"timex [{start}, {end}) of {id} lies outside its text");
                string type = x.TryGetProperty("type", out var ty) ? ty.GetString() ?? "" : "";
                string value = x.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "";
                string? mod = x.TryGetProperty("mod", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                timexes.Add(new TimexAnnotation(start, end, type, value) { Mod = mod });
            }
        }
        return new TimexDocument(id, corpus, dct, text, timexes.ToImmutable());
    }

    /// <summary>One system-output line: <c>{"id", "timexes": [{"start", "end", "text", "type", "value"}]}</c>.</summary>
    public static string FormatSystemLine(TimexDocument doc, string text)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(text);
        var timexes = doc.Timexes.Select(x => new Dictionary<string, object>
        {
            ["start"] = x.Start,
            ["end"] = x.End,
            ["text"] = text[x.Start..x.End],
            ["type"] = x.Type,
            ["value"] = x.Value,
        }).ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = doc.Id, ["timexes"] = timexes }, EvaluationJsonContext.Lines.DictionaryStringObject);
    }
}
