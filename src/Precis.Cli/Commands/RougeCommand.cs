using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Precis.Documents;
using Precis.Evaluation;
using Precis.Ingest;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis rouge --system S.jsonl --bench B.jsonl</c>: scores summaries made elsewhere (<c>{"id","summary"}</c> lines,
/// sentences separated by <c>\n</c>) against a bench file's references with the ROUGE-1.5.5 re-implementation and
/// prints R / P / F with 95 % bootstrap intervals for ROUGE-1, -2, -L and -SU4.
/// </summary>
internal static class RougeCommand
{
    public static Command Create(CliIO io)
    {
        var system = new Option<FileInfo>("--system") { Description = "System summaries: JSON lines {\"id\", \"summary\"}, one sentence per line of the summary.", Required = true };
        var bench = new Option<FileInfo>("--bench") { Description = "Bench file with the references (JSON lines {\"id\", \"documents\", \"references\"}).", Required = true };
        var bytes = new Option<int?>("--bytes") { Description = "ROUGE -b: keep the first N bytes of every summary and reference." };
        var words = new Option<int?>("--words") { Description = "ROUGE -l: keep the first N words of every summary and reference." };
        var stem = new Option<bool>("--stem") { Description = "ROUGE -m: irregular forms and Porter stemming." };
        var stopwords = new Option<bool>("--stopwords") { Description = "ROUGE -s: remove the stop words of --stopword-file." };
        var stopwordFile = new Option<FileInfo?>("--stopword-file") { Description = "Stop list for --stopwords, one word per line (e.g. ROUGE's smart_common_words.txt)." };
        var scores = new Option<FileInfo?>("--scores") { Description = "Also write per-cluster R/P/F as JSON lines to this file." };

        var command = new Command("rouge", "Score summaries against bench references with ROUGE-1.5.5 (ROUGE-1, -2, -L, -SU4).")
        {
            system, bench, bytes, words, stem, stopwords, stopwordFile, scores,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(words) is not null && r.GetValue(bytes) is not null) r.AddError("Give --words or --bytes, not both.");
            if (r.GetValue(words) is <= 0) r.AddError("--words must be a positive number.");
            if (r.GetValue(bytes) is <= 0) r.AddError("--bytes must be a positive number.");
            if (r.GetValue(stopwordFile) is not null && !r.GetValue(stopwords)) r.AddError("--stopword-file needs --stopwords.");
            if (r.GetValue(stopwords) && r.GetValue(stopwordFile) is null) r.AddError("--stopwords needs --stopword-file (e.g. ROUGE's data/smart_common_words.txt; the list is not shipped with precis).");
        });
        command.SetAction(parse =>
        {
            var systemFile = parse.GetValue(system)!;
            var benchFile = parse.GetValue(bench)!;
            foreach (var file in new[] { systemFile, benchFile, parse.GetValue(stopwordFile) })
            {
                if (file is not null && !file.Exists)
                {
                    io.Error.WriteLine($"precis rouge: {file.FullName}: no such file");
                    return ExitCodes.Usage;
                }
            }
            var options = new RougeOptions
            {
                MaxBytes = parse.GetValue(bytes) ?? 0,
                MaxWords = parse.GetValue(words) ?? 0,
                Stem = parse.GetValue(stem),
                RemoveStopWords = parse.GetValue(stopwords),
                StopWords = parse.GetValue(stopwordFile) is { } list ? RougeStopWords.Load(list.FullName) : null,
            };
            var diagnostics = new List<Diagnostic>();
            var references = new Dictionary<string, BenchCluster>(StringComparer.Ordinal);
            foreach (var cluster in BenchFile.Read(benchFile.FullName, diagnostics)) references[cluster.Id] = cluster;

            var scorer = new RougeScorer(options);
            var results = new List<RougeClusterScores>();
            foreach (var (origin, id, summary) in ReadSystem(systemFile.FullName, diagnostics))
            {
                if (!references.TryGetValue(id, out var cluster))
                {
                    diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"cluster '{id}' is not in {benchFile.Name}"));
                    continue;
                }
                if (cluster.References.IsEmpty)
                {
                    diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"cluster '{id}' has no reference"));
                    continue;
                }
                results.Add(scorer.ScoreCluster(id, summary, cluster.References));
            }
            foreach (var d in diagnostics) io.Error.WriteLine(d);
            if (results.Count == 0)
            {
                io.Error.WriteLine($"precis rouge: {systemFile.Name}: no cluster could be scored");
                return ExitCodes.NoUsableArticle;
            }
            if (parse.GetValue(scores) is { } scoresFile)
            {
                using var stream = File.Create(scoresFile.FullName);
                WritePerCluster(results, stream);
            }
            Print(RougeBootstrap.Aggregate(results), options, io.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string Origin, string Id, string Summary)> ReadSystem(string path, ICollection<Diagnostic> diagnostics)
    {
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string origin = $"{path}:{lineNumber}";
            string? id = null, summary = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (doc.RootElement.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String) id = i.GetString();
                    if (doc.RootElement.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String) summary = s.GetString();
                }
            }
            catch (JsonException e)
            {
                diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, $"invalid JSON ({e.Message})"));
                continue;
            }
            if (id is null || summary is null)
            {
                diagnostics.Add(new Diagnostic(origin, DiagnosticSeverity.Skipped, "a line needs string fields 'id' and 'summary'"));
                continue;
            }
            yield return (origin, id, summary);
        }
    }

    /// <summary>Per-cluster scores in the format of shared/bench/baselines/*.per_cluster.jsonl.</summary>
    internal static void WritePerCluster(IEnumerable<RougeClusterScores> results, Stream stream)
    {
        var newline = "\n"u8.ToArray();
        foreach (var cluster in results)
        {
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("id", cluster.Id);
                writer.WriteStartObject("scores");
                foreach (var metric in cluster.Metrics)
                {
                    writer.WriteStartObject(metric.Metric);
                    writer.WriteNumber("R", metric.Score.Recall);
                    writer.WriteNumber("P", metric.Score.Precision);
                    writer.WriteNumber("F", metric.Score.F);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            stream.Write(newline);
        }
    }

    internal static void Print(RougeReport report, RougeOptions options, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ROUGE-1.5.5 ({options} -c {report.Confidence} -r {report.Resamples} -f A), {report.Clusters} clusters; averages of {report.Resamples} bootstrap resamples"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| metric | R | {report.Confidence}% CI | P | {report.Confidence}% CI | F | {report.Confidence}% CI |"));
        output.WriteLine("|---|---:|---|---:|---|---:|---|");
        foreach (var m in report.Metrics)
        {
            output.WriteLine($"| {m.Metric} | {Cells(m.Recall)} | {Cells(m.Precision)} | {Cells(m.F)} |");
        }
    }

    private static string Cells(RougeEstimate e) =>
        $"{PerlFormat.Format5(e.Mean).Trim()} | [{PerlFormat.Format5(e.Lower).Trim()}, {PerlFormat.Format5(e.Upper).Trim()}]";
}
