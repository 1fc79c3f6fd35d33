using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Precis.Documents;
using Precis.Evaluation.Quotes;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis eval quotes --bench FILE</c>: runs Precis's quote stage over every article of an attribution bench file
/// (PolNeAR, <c>shared/bench/polnear</c>) and scores quotes and speakers as that bench's README defines:
/// (i) direct-quote detection, (ii) speaker accuracy, (iii) both again for direct + mixed quotes, and joint figures;
/// totals, per publisher, the most frequent error kinds, and the stage time. <c>--system FILE</c> scores quotes made
/// elsewhere instead.
/// </summary>
internal static class EvalQuotesCommand
{
    public static Command Create(CliIO io)
    {
        var bench = new Option<FileInfo>("--bench") { Description = "Attribution bench file (.jsonl or .jsonl.gz; one article per line with gold quotes).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write Precis's quotes in the bench's system format, one JSON line per article." };
        var system = new Option<FileInfo?>("--system") { Description = "Score this system file ({id, quotes: [{start, end, fragments?, speaker, speaker_start, speaker_end}]}) instead of running Precis." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write every scoring error as a JSON line (article, set, kind, gold and predicted text and speaker)." };
        var limit = new Option<int?>("--limit") { Description = "Score only the first N articles." };
        var command = new Command("quotes", "Score Precis's direct quotes and speakers on an attribution bench (PolNeAR).") { bench, output, system, errors, limit };
        command.Validators.Add(r =>
        {
            if (r.GetValue(limit) is <= 0) r.AddError("--limit must be a positive number.");
            if (r.GetValue(system) is not null && r.GetValue(output) is not null) r.AddError("--out writes Precis's own quotes; it cannot be combined with --system.");
        });
        command.SetAction(parse => Run(io, parse.GetValue(bench)!, parse.GetValue(output), parse.GetValue(system), parse.GetValue(errors), parse.GetValue(limit)));
        return command;
    }

    private static int Run(CliIO io, FileInfo bench, FileInfo? output, FileInfo? systemFile, FileInfo? errorFile, int? limit)
    {
        if (!bench.Exists)
        {
            io.Error.WriteLine($"precis eval quotes: bench file not found: {bench.FullName}");
            return ExitCodes.Usage;
        }
        if (systemFile is { Exists: false })
        {
            io.Error.WriteLine($"precis eval quotes: system file not found: {systemFile.FullName}");
            return ExitCodes.Usage;
        }
        var wall = Stopwatch.StartNew();
        var diagnostics = new List<Diagnostic>();
        List<AttributionArticle> articles;
        try
        {
            articles = [.. AttributionBench.Read(bench.FullName, diagnostics)];
        }
        catch (InvalidDataException e)
        {
            io.Error.WriteLine($"precis eval quotes: {bench.FullName}: not a readable gzip file ({e.Message})");
            return ExitCodes.Usage;
        }
        if (limit is int max) articles = [.. articles.Take(max)];
        Dictionary<string, System.Collections.Immutable.ImmutableArray<SystemQuote>>? external = null;
        if (systemFile is not null) external = AttributionBench.ReadSystem(systemFile.FullName, diagnostics);
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        if (articles.Count == 0)
        {
            io.Error.WriteLine($"precis eval quotes: no readable article in {bench.FullName}");
            return ExitCodes.NoUsableArticle;
        }

        var runner = new QuoteBenchRunner();
        // warm up (JIT) on a few articles before timing, as bench cluster does, so the stage time is the steady cost
        if (external is null) foreach (var a in articles.Take(WarmUpArticles)) new QuoteBenchRunner().Run(a);
        using var writer = output is null ? null : new StreamWriter(output.FullName, false, new UTF8Encoding(false));
        var scores = QuoteScorer.Score(articles, article =>
        {
            if (external is not null)
            {
                if (external.TryGetValue(article.Id, out var theirs)) return theirs;
                io.Error.WriteLine($"{systemFile!.FullName}: note: no line for article {article.Id}; scored as no quotes");
                return [];
            }
            var quotes = runner.Run(article);
            writer?.WriteLine(SystemLine(article.Id, quotes));
            return quotes;
        });

        var o = io.Out;
        o.WriteLine($"bench {bench.Name}: {scores.Articles} articles; {(external is null ? "system: precis quote stage" : $"system: {systemFile!.Name}")}");
        o.WriteLine();
        o.WriteLine("| set | gold | TP | FP | ignored | P | R | F1 | speaker acc. | joint P | joint R | joint F1 |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (set, name) in Sets) o.WriteLine(Row(name, scores.Totals[set]));
        o.WriteLine();
        foreach (var (set, name) in Sets)
        {
            var c = scores.Totals[set];
            o.WriteLine($"{name}: speaker right on {c.SpeakerRight} of {c.SpeakerPairs} pairs, {c.SpeakerSkipped} skipped (gold has no source)");
        }
        o.WriteLine();
        o.WriteLine("per publisher");
        o.WriteLine();
        o.WriteLine("| publisher | set | gold | TP | FP | P | R | F1 | speaker acc. | joint F1 |");
        o.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (publisher, counts) in scores.ByPublisher)
        {
            foreach (var (set, name) in Sets)
            {
                var c = counts[set];
                o.WriteLine(Invariant($"| {publisher} | {name} | {c.Gold} | {c.TruePositives} | {c.FalsePositives} | {Pct(c.Precision)} | {Pct(c.Recall)} | {Pct(c.F1)} | {Pct(c.SpeakerAccuracy)} | {Pct(c.JointF1)} |"));
            }
        }
        o.WriteLine();
        o.WriteLine("most frequent error kinds (10 per set)");
        o.WriteLine();
        o.WriteLine("| set | kind | count |");
        o.WriteLine("|---|---|---:|");
        foreach (var set in scores.Errors.Select(e => e.Set).Distinct().Order())
        {
            foreach (var kind in scores.Errors.Where(e => e.Set == set).GroupBy(e => e.Kind).Select(g => (Kind: g.Key, Count: g.Count()))
                         .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).Take(10))
            {
                o.WriteLine($"| {SetName(set)} | {kind.Kind} | {kind.Count} |");
            }
        }
        if (errorFile is not null)
        {
            using var ew = new StreamWriter(errorFile.FullName, false, new UTF8Encoding(false));
            foreach (var e in scores.Errors)
            {
                ew.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    ["article"] = e.Article, ["publisher"] = e.Publisher, ["set"] = SetName(e.Set), ["kind"] = e.Kind,
                    ["gold"] = e.GoldText, ["gold_speaker"] = e.GoldSpeaker, ["predicted"] = e.PredictedText, ["predicted_speaker"] = e.PredictedSpeaker,
                }, (JsonTypeInfo)CliJsonContext.Lines.DictionaryStringString)); // values may be null
            }
        }
        o.WriteLine();
        if (external is null)
        {
            o.WriteLine(Invariant($"stage time over {scores.Articles} articles (after a warm-up on {Math.Min(WarmUpArticles, articles.Count)}): quotes {runner.QuoteTime.TotalMilliseconds:F1} ms, entities {runner.EntityTime.TotalMilliseconds:F1} ms"));
        }
        o.WriteLine(Invariant($"wall time {wall.Elapsed.TotalSeconds:F2} s"));
        return ExitCodes.Success;
    }

    private const int WarmUpArticles = 5;

    private static readonly (QuoteSet Set, string Name)[] Sets = [(QuoteSet.Direct, "(i)/(ii) direct"), (QuoteSet.DirectMixed, "(iii) direct + mixed")];

    private static string SetName(QuoteSet set) => set == QuoteSet.Direct ? "direct" : "direct + mixed";

    private static string Row(string name, QuoteCounts c) =>
        Invariant($"| {name} | {c.Gold} | {c.TruePositives} | {c.FalsePositives} | {c.Ignored} | {Pct(c.Precision)} | {Pct(c.Recall)} | {Pct(c.F1)} | {Pct(c.SpeakerAccuracy)} | {Pct(c.JointPrecision)} | {Pct(c.JointRecall)} | {Pct(c.JointF1)} |");

    private static string Pct(double x) => (100 * x).ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    internal static string SystemLine(string id, IReadOnlyList<SystemQuote> quotes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartArray("quotes");
            foreach (var q in quotes)
            {
                json.WriteStartObject();
                json.WriteNumber("start", q.Content.Start);
                json.WriteNumber("end", q.Content.End);
                if (q.Content.Fragments.Length > 1)
                {
                    json.WriteStartArray("fragments");
                    foreach (var f in q.Content.Fragments)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(f.Start);
                        json.WriteNumberValue(f.End);
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                }
                json.WriteString("speaker", q.Speaker);
                if (q.SpeakerSpan is { } s) { json.WriteNumber("speaker_start", s.Start); json.WriteNumber("speaker_end", s.End); }
                else { json.WriteNull("speaker_start"); json.WriteNull("speaker_end"); }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
