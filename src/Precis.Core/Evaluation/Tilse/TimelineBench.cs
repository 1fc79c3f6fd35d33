using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Evaluation.Tilse;

/// <summary>One article of a timeline bench (<c>articles.jsonl.gz</c>): topic, id, publication day, text (one sentence a line).</summary>
public sealed record TimelineBenchArticle(string Topic, string Id, DateOnly Date, string Text);

/// <summary>One task of a timeline bench (a line of <c>timelines.jsonl</c>): a gold timeline of a topic.</summary>
public sealed record TimelineBenchTask(string Id, string Topic, IReadOnlyList<string> Keywords, DatedTimeline Gold)
{
    public DateOnly First => Gold.Dates.Min(d => d.Date);

    public DateOnly Last => Gold.Dates.Max(d => d.Date);

    /// <summary>l: the number of distinct gold dates.</summary>
    public int DateCount => Gold.Dates.Select(d => d.Date).Distinct().Count();

    /// <summary>k: round(gold sentences / l), halves to even (Python's <c>round</c>).</summary>
    public int SentencesPerDate => DateCount == 0 ? 0 : (int)Math.Round((double)Gold.Dates.Sum(d => d.Sentences.Count) / DateCount, MidpointRounding.ToEven);

    /// <summary>The T17 protocol's input: the topic's articles published between the first and last gold date, inclusive.</summary>
    public bool InRange(TimelineBenchArticle article) =>
        article.Topic == Topic && article.Date >= First && article.Date <= Last;
}

/// <summary>
/// Reads and writes the files of a timeline-summarisation bench in the format of ../shared/bench/t17
/// (<c>articles.jsonl.gz</c> or <c>.jsonl</c>, <c>timelines.jsonl</c>, system outputs <c>{id, timeline}</c>).
/// A line that cannot be read becomes a diagnostic naming the file and line.
/// </summary>
public static class TimelineBench
{
    public static IEnumerable<TimelineBenchArticle> ReadArticles(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int n = 0;
        foreach (var line in Lines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            TimelineBenchArticle? article = null;
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) error = "an article must be a JSON object";
                else if (Str(root, "topic") is not { } topic) error = "missing string field 'topic'";
                else if (Str(root, "id") is not { } id) error = "missing string field 'id'";
                else if (Day(Str(root, "date")) is not { } date) error = "missing or invalid field 'date' (YYYY-MM-DD)";
                else if (Str(root, "text") is not { } text) error = "missing string field 'text'";
                else article = new TimelineBenchArticle(topic, id, date, text);
            }
            catch (JsonException e)
            {
                error = $"invalid JSON ({e.Message})";
            }
            if (article is null)
            {
                diagnostics.Add(new Diagnostic($"{path}:{n}", DiagnosticSeverity.Skipped, error!));
                continue;
            }
            yield return article;
        }
    }

    public static IEnumerable<TimelineBenchTask> ReadTasks(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        int n = 0;
        foreach (var line in Lines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (id, timeline, error) = ParseTimeline(line);
            string? topic = null;
            var keywords = new List<string>();
            if (error is null)
            {
                using var doc = JsonDocument.Parse(line);
                topic = Str(doc.RootElement, "topic");
                if (topic is null) error = "missing string field 'topic'";
                if (doc.RootElement.TryGetProperty("keywords", out var kw) && kw.ValueKind == JsonValueKind.Array)
                {
                    keywords.AddRange(kw.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!));
                }
                if (timeline!.Dates.Count == 0) error = "empty gold timeline";
            }
            if (error is not null)
            {
                diagnostics.Add(new Diagnostic($"{path}:{n}", DiagnosticSeverity.Skipped, error));
                continue;
            }
            yield return new TimelineBenchTask(id!, topic!, keywords, timeline!);
        }
    }

    /// <summary>Reads system outputs (<c>{"id", "timeline": [{"date", "sentences"}]}</c>), keyed by task id.</summary>
    public static Dictionary<string, DatedTimeline> ReadSystem(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new Dictionary<string, DatedTimeline>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in Lines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (id, timeline, error) = ParseTimeline(line);
            if (error is null && result.ContainsKey(id!)) error = $"task '{id}' appears twice";
            if (error is not null)
            {
                diagnostics.Add(new Diagnostic($"{path}:{n}", DiagnosticSeverity.Skipped, error));
                continue;
            }
            result[id!] = timeline!;
        }
        return result;
    }

    /// <summary>One system-output line: <c>{"id": ..., "timeline": [{"date": "YYYY-MM-DD", "sentences": [...]}]}</c>.</summary>
    public static string FormatSystemLine(string id, DatedTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var line = new Dictionary<string, object>
        {
            ["id"] = id,
            ["timeline"] = timeline.Dates.Select(d => new Dictionary<string, object>
            {
                ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["sentences"] = d.Sentences.ToArray(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(line, EvaluationJsonContext.Lines.DictionaryStringObject);
    }

    /// <summary>One per-task score line: l, k, system dates and P/R/F of AR1, AR2 and Date (the scores files' names).</summary>
    public static string FormatScoreLine(TilseTaskScores score, TimelineBenchTask task)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(task);
        static Dictionary<string, double> Prf(PrfScore s) => new() { ["precision"] = s.Precision, ["recall"] = s.Recall, ["f_score"] = s.F };
        var line = new Dictionary<string, object>
        {
            ["id"] = score.Id,
            ["l"] = task.DateCount,
            ["k"] = task.SentencesPerDate,
            ["sys_dates"] = score.SystemDates,
            ["AR1"] = Prf(score.Ar1),
            ["AR2"] = Prf(score.Ar2),
            ["Date"] = Prf(score.Date),
        };
        return JsonSerializer.Serialize(line, EvaluationJsonContext.Lines.DictionaryStringObject);
    }

    private static (string? Id, DatedTimeline? Timeline, string? Error) ParseTimeline(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null, "a timeline must be a JSON object");
            if (Str(root, "id") is not { } id) return (null, null, "missing string field 'id'");
            if (!root.TryGetProperty("timeline", out var dates) || dates.ValueKind != JsonValueKind.Array) return (id, null, "missing array field 'timeline'");
            var list = new List<DatedSummary>();
            foreach (var d in dates.EnumerateArray())
            {
                if (d.ValueKind != JsonValueKind.Object || Day(Str(d, "date")) is not { } day) return (id, null, "a timeline entry needs a 'date' (YYYY-MM-DD)");
                if (!d.TryGetProperty("sentences", out var s) || s.ValueKind != JsonValueKind.Array || s.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    return (id, null, $"timeline entry {Str(d, "date")} needs 'sentences', an array of strings");
                }
                list.Add(new DatedSummary(day, [.. s.EnumerateArray().Select(x => x.GetString()!)]));
            }
            return (id, new DatedTimeline(list), null);
        }
        catch (JsonException e)
        {
            return (null, null, $"invalid JSON ({e.Message})");
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateOnly? Day(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static IEnumerable<string> Lines(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false));
        while (reader.ReadLine() is { } line) yield return line;
    }
}
